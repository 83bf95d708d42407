package com.platform.accounts.core.idempotency;

import java.time.Instant;

/**
 * A remembered answer to one Idempotency-Key. {@code requestHash} fingerprints the request so that the
 * same key with another body is refused; the response is kept exactly as first sent.
 */
public record IdempotencyRecord(
    String key,
    String requestHash,
    boolean completed,
    int status,
    String responseHeadersJson,
    String responseBody,
    Instant expiresAt) {

  public static IdempotencyRecord inProgress(String key, String requestHash, Instant expiresAt) {
    return new IdempotencyRecord(key, requestHash, false, 0, null, null, expiresAt);
  }
}
