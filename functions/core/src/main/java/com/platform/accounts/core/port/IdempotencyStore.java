package com.platform.accounts.core.port;

import com.platform.accounts.core.idempotency.IdempotencyRecord;
import java.time.Instant;
import java.util.Optional;

/** Remembered responses for Idempotency-Key retries. */
public interface IdempotencyStore {

  Optional<IdempotencyRecord> find(String key, Instant now);

  /** Writes an in-progress record if none exists (or the stored one expired); false otherwise. */
  boolean claim(IdempotencyRecord inProgress);

  /** Replaces the in-progress record with the completed one. */
  void complete(IdempotencyRecord completed);

  /** Forgets a claim whose request failed in a way that must not be replayed. */
  void release(String key);
}
