package com.platform.accounts.core.ratelimit;

import com.platform.accounts.core.port.RateLimitStore;
import com.platform.accounts.core.problem.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A fixed-window limit: at most {@code limit} events per key in each window, the windows aligned to
 * multiples of the window's length since the epoch. Each window is its own counter, taken by one
 * atomic conditional increment, so concurrent requests never spin on a hot key: each either gets a
 * slot or is refused at once. A burst that straddles a window boundary can reach twice the limit;
 * that is the price of a single write per event.
 */
public final class RateLimiter {
  private final RateLimitStore store;
  private final Clock clock;

  public RateLimiter(RateLimitStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Counts one event against the key, or throws 429 RATE_LIMITED with the seconds until the window
   * ends.
   */
  public void acquire(String key, int limit, Duration window) {
    Optional<Duration> wait = tryAcquire(key, limit, window);
    if (wait.isPresent()) {
      throw Problem.rateLimited(wait.get());
    }
  }

  /** Counts one event, or returns how long until the window ends (nothing counted). */
  public Optional<Duration> tryAcquire(String key, int limit, Duration window) {
    Instant now = clock.instant();
    long length = window.toMillis();
    long start = Math.floorDiv(now.toEpochMilli(), length) * length;
    Instant end = Instant.ofEpochMilli(start + length);
    if (store.increment(key + "@" + start, limit, end)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, end));
  }

  /**
   * Counts one event against a counter that lives until {@code until} (not a recurring window: a
   * limit over the life of one thing, such as a sign-up).
   *
   * @return whether it was counted
   */
  public boolean tryCount(String key, int limit, Instant until) {
    return store.increment(key, limit, until);
  }

  /** The events counted against the key in the current window. */
  public long counted(String key, Duration window) {
    Instant now = clock.instant();
    long length = window.toMillis();
    long start = Math.floorDiv(now.toEpochMilli(), length) * length;
    return store.count(key + "@" + start, now);
  }
}
