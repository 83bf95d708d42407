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
 * answer and has no second effect; the same key with another request is refused. What an answer is,
 * and which answers are final, is the caller's: this keeps them as opaque text.
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

  /** How a caller's answers are kept. */
  public interface Answers<T> {

    /**
     * Whether a retry must get this answer again. An answer that is not final (a passing failure
     * the caller may retry) is forgotten, so the same key runs the request again later.
     */
    boolean isFinal(T answer);

    String serialize(T answer);

    T deserialize(String serialized);
  }

  public Idempotency(IdempotencyStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Runs the request once per key: the first final answer is kept and replayed to every retry with
   * the same request; an exception or an answer that is not final releases the key.
   */
  public <T> T execute(String key, String requestHash, Supplier<T> request, Answers<T> answers) {
    Optional<IdempotencyRecord> existing = store.find(key, clock.instant());
    if (existing.isPresent()) {
      return replay(existing.get(), requestHash, answers);
    }
    if (!store.claim(IdempotencyRecord.inProgress(key, requestHash, clock.instant().plus(LEASE)))) {
      return store
          .find(key, clock.instant())
          .map(r -> replay(r, requestHash, answers))
          .orElseThrow(Idempotency::inUse);
    }
    T answer;
    try {
      answer = request.get();
    } catch (RuntimeException e) {
      store.release(key);
      throw e;
    }
    if (answers.isFinal(answer)) {
      store.complete(
          new IdempotencyRecord(
              key, requestHash, true, answers.serialize(answer), clock.instant().plus(RETENTION)));
    } else {
      store.release(key);
    }
    return answer;
  }

  private static <T> T replay(IdempotencyRecord record, String requestHash, Answers<T> answers) {
    if (!record.requestHash().equals(requestHash)) {
      throw Problem.of(
          ErrorCode.IDEMPOTENCY_KEY_REUSED,
          "Idempotency key reused",
          "This Idempotency-Key was used with a different request.");
    }
    if (!record.completed()) {
      throw inUse();
    }
    return answers.deserialize(record.answer());
  }

  private static Problem inUse() {
    return Problem.of(
        ErrorCode.IDEMPOTENCY_KEY_IN_USE,
        "Request in progress",
        "A request with this Idempotency-Key is still being processed; retry shortly.");
  }
}
