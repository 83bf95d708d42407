package com.platform.accounts.core.ratelimit;

import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.port.OptimisticRetry;
import com.platform.accounts.core.port.RateLimitStore;
import com.platform.accounts.core.problem.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sliding-window limit: at most {@code limit} events per {@code window} for one key. Counting is
 * a conditional write, so concurrent requests cannot both take the last slot.
 */
public final class RateLimiter {
  private final RateLimitStore store;
  private final Clock clock;

  public RateLimiter(RateLimitStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Counts one event against the key, or throws 429 RATE_LIMITED with the seconds until a slot
   * frees.
   */
  public void acquire(String key, int limit, Duration window) {
    Optional<Duration> wait = tryAcquire(key, limit, window);
    if (wait.isPresent()) {
      throw Problem.rateLimited(wait.get());
    }
  }

  /**
   * Counts one event, or returns how long until the next one would be allowed (nothing counted).
   */
  public Optional<Duration> tryAcquire(String key, int limit, Duration window) {
    try {
      // another request that counted at the same time has this one recount with its event included
      return OptimisticRetry.run(
          () -> {
            Instant now = clock.instant();
            Instant since = now.minus(window);
            Optional<RateWindow> stored = store.find(key, now);
            List<Instant> recent = new ArrayList<>();
            stored.ifPresent(
                w -> w.events().stream().filter(t -> t.isAfter(since)).forEach(recent::add));
            if (recent.size() >= limit) {
              Instant oldest = recent.stream().min(Instant::compareTo).orElseThrow();
              return Optional.of(Duration.between(now, oldest.plus(window)));
            }
            recent.add(now);
            long version = stored.map(RateWindow::version).orElse(0L);
            store.save(new RateWindow(key, recent, now.plus(window), version));
            return Optional.<Duration>empty();
          });
    } catch (ConcurrentModificationException exhausted) {
      return Optional.of(Duration.ofSeconds(1));
    }
  }
}
