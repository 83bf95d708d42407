package com.platform.accounts.core.verification;

import java.time.Instant;

/** What the caller is told after a code was sent: never the destination in full, never the code. */
public record CodeSent(
    String challengeId,
    Channel channel,
    String destination,
    Instant codeExpiresAt,
    Instant resendAvailableAt) {}
