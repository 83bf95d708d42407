package com.platform.accounts.core.idempotency;

import com.platform.accounts.core.port.IdempotencyStore;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one idempotency mechanism: a retry with the same key and the same request gets the first
 * response and has no second effect; the same key with another request is refused.
 */
public final class Idempotency {
  private static final Duration RETENTION = Duration.ofHours(24);
  /**
   * How long a request's claim on its key lasts while it runs: longer than any function may run, so
   * a concurrent retry waits, but short, so a request that died does not block its key for a day.
   */
  static final Duration LEASE = Duration.ofMinutes(2);
  private final IdempotencyStore store;
  private final Clock clock;

  public Idempotency(IdempotencyStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Runs the request once per key. Responses of 5xx are not remembered, so a retry after a server
   * fault runs again; every other answer, errors included, is replayed.
   */
  public StoredResponse execute(String key, String requestHash, Supplier<StoredResponse> request) {
    Optional<IdempotencyRecord> existing = store.find(key, clock.instant());
    if (existing.isPresent()) {
      return replay(existing.get(), requestHash);
    }
    if (!store.claim(IdempotencyRecord.inProgress(key, requestHash, clock.instant().plus(LEASE)))) {
      return store.find(key, clock.instant())
          .map(r -> replay(r, requestHash))
          .orElseThrow(Idempotency::inUse);
    }
    StoredResponse response;
    try {
      response = request.get();
    } catch (RuntimeException e) {
      store.release(key);
      throw e;
    }
    if (response.status() >= 500) {
      store.release(key);
    } else {
      store.complete(new IdempotencyRecord(key, requestHash, true, response.status(),
          response.headersJson(), response.body(), clock.instant().plus(RETENTION)));
    }
    return response;
  }

  private static StoredResponse replay(IdempotencyRecord record, String requestHash) {
    if (!record.requestHash().equals(requestHash)) {
      throw Problem.of(422, ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency key reused",
          "This Idempotency-Key was used with a different request.");
    }
    if (!record.completed()) {
      throw inUse();
    }
    return new StoredResponse(record.status(), record.responseHeadersJson(), record.responseBody());
  }

  private static Problem inUse() {
    return Problem.of(409, ErrorCode.IDEMPOTENCY_KEY_IN_USE, "Request in progress",
        "A request with this Idempotency-Key is still being processed; retry shortly.");
  }
}
