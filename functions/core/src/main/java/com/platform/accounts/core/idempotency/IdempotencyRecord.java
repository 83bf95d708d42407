package com.platform.accounts.core.idempotency;

import java.time.Instant;

/**
 * A remembered answer to one idempotency key. {@code requestHash} fingerprints the request so that
 * the same key with another request is refused; {@code answer} is the first answer exactly as its
 * caller serialized it (null while the request still runs).
 */
public record IdempotencyRecord(
    String key, String requestHash, boolean completed, String answer, Instant expiresAt) {

  public static IdempotencyRecord inProgress(String key, String requestHash, Instant expiresAt) {
    return new IdempotencyRecord(key, requestHash, false, null, expiresAt);
  }
}
