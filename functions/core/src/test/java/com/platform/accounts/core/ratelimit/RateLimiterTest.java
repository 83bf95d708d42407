package com.platform.accounts.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.core.memory.InMemoryTable;
import com.platform.accounts.core.port.RateLimitStore;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final Duration WINDOW = Duration.ofHours(1);
  private final ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final RateLimitStore store = new InMemoryTable(clock).rateLimits();
  private final RateLimiter limiter = new RateLimiter(store, clock);

  @Test
  void theLimitIsCountedPerKeyAndTheNextEventIsRefusedWithTheWaitUntilTheWindowEnds() {
    limiter.acquire("key", 2, WINDOW);
    clock.advanceBy(Duration.ofMinutes(10));
    limiter.acquire("key", 2, WINDOW);

    assertThat(limiter.tryAcquire("key", 2, WINDOW)).contains(Duration.ofMinutes(50));
    Problem refused = catchThrowableOfType(Problem.class, () -> limiter.acquire("key", 2, WINDOW));
    assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(refused.retryAfterSeconds()).isEqualTo(Duration.ofMinutes(50).toSeconds());
    assertThat(limiter.tryAcquire("other", 2, WINDOW)).isEmpty();
  }

  @Test
  void theNextWindowStartsCountingAfresh() {
    clock.advanceBy(Duration.ofMinutes(59));
    limiter.acquire("key", 1, WINDOW);
    assertThat(limiter.tryAcquire("key", 1, WINDOW)).contains(Duration.ofMinutes(1));

    clock.advanceBy(Duration.ofMinutes(1));

    assertThat(limiter.tryAcquire("key", 1, WINDOW)).isEmpty();
    assertThat(limiter.counted("key", WINDOW)).isEqualTo(1);
  }

  @Test
  void aRefusedEventIsNotCounted() {
    limiter.acquire("key", 1, WINDOW);

    limiter.tryAcquire("key", 1, WINDOW);
    limiter.tryAcquire("key", 1, WINDOW);

    assertThat(limiter.counted("key", WINDOW)).isEqualTo(1);
  }

  @Test
  void eachEventIsOneWriteEvenWhenRefused() {
    AtomicInteger writes = new AtomicInteger();
    RateLimitStore counting =
        new RateLimitStore() {
          @Override
          public boolean increment(String key, int limit, Instant expiresAt) {
            writes.incrementAndGet();
            return store.increment(key, limit, expiresAt);
          }

          @Override
          public long count(String key, Instant now) {
            return store.count(key, now);
          }
        };
    RateLimiter oneWrite = new RateLimiter(counting, clock);

    for (int i = 0; i < 5; i++) {
      oneWrite.tryAcquire("key", 2, WINDOW);
    }

    assertThat(writes).hasValue(5);
  }

  @Test
  void aCounterOverALifetimeCountsUpToItsLimit() {
    Instant until = clock.instant().plus(Duration.ofHours(24));

    assertThat(limiter.tryCount("switch", 2, until)).isTrue();
    assertThat(limiter.tryCount("switch", 2, until)).isTrue();
    assertThat(limiter.tryCount("switch", 2, until)).isFalse();
  }
}
