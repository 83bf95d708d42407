package com.platform.accounts.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.core.memory.InMemoryTable;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.port.RateLimitStore;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final Duration WINDOW = Duration.ofHours(1);
  private final Clock clock = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
  private final RateLimitStore table = new InMemoryTable(clock).rateLimits();

  @Test
  void theLimitIsCountedPerKeyAndTheNextEventIsRefusedWithTheWait() {
    ManualClock moving = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    RateLimiter limiter = new RateLimiter(new InMemoryTable(moving).rateLimits(), moving);
    limiter.acquire("key", 2, WINDOW);
    moving.advanceBy(Duration.ofMinutes(10));
    limiter.acquire("key", 2, WINDOW);

    assertThat(limiter.tryAcquire("key", 2, WINDOW)).contains(Duration.ofMinutes(50));
    Problem refused = catchThrowableOfType(Problem.class, () -> limiter.acquire("key", 2, WINDOW));
    assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(refused.retryAfterSeconds()).isEqualTo(Duration.ofMinutes(50).toSeconds());
    assertThat(limiter.tryAcquire("other", 2, WINDOW)).isEmpty();
  }

  @Test
  void anEventLeavesTheWindowExactlyOneWindowAfterItHappened() {
    ManualClock moving = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    RateLimitStore store = new InMemoryTable(moving).rateLimits();
    RateLimiter limiter = new RateLimiter(store, moving);
    limiter.acquire("key", 2, WINDOW);
    Instant first = moving.instant();
    moving.advanceBy(Duration.ofMinutes(30));
    limiter.acquire("key", 2, WINDOW);
    Instant second = moving.instant();
    moving.advanceBy(Duration.ofMinutes(30).minusSeconds(1));
    assertThat(limiter.tryAcquire("key", 2, WINDOW)).contains(Duration.ofSeconds(1));

    moving.advanceBy(Duration.ofSeconds(1));

    assertThat(limiter.tryAcquire("key", 2, WINDOW)).isEmpty();
    RateWindow window = store.find("key", moving.instant()).orElseThrow();
    assertThat(window.events())
        .as("only the events still in the window are kept")
        .containsExactly(second, moving.instant())
        .doesNotContain(first);
    assertThat(window.expiresAt()).isEqualTo(moving.instant().plus(WINDOW));
  }

  @Test
  void aRefusedEventIsNotCounted() {
    RateLimiter limiter = new RateLimiter(table, clock);
    limiter.acquire("key", 1, WINDOW);

    limiter.tryAcquire("key", 1, WINDOW);
    limiter.tryAcquire("key", 1, WINDOW);

    assertThat(table.find("key", clock.instant()).orElseThrow().events()).hasSize(1);
  }

  @Test
  void aRequestThatLostTheRaceForTheLastSlotIsRefused() {
    RateLimitStore racing =
        new RateLimitStore() {
          private boolean raced;

          @Override
          public Optional<RateWindow> find(String key, Instant now) {
            return table.find(key, now);
          }

          @Override
          public void save(RateWindow window) {
            if (!raced) {
              raced = true;
              // another request takes the one slot between this one's read and its write
              table.save(
                  new RateWindow(
                      window.key(),
                      List.of(clock.instant()),
                      window.expiresAt(),
                      window.version()));
            }
            table.save(window);
          }
        };

    Optional<Duration> wait = new RateLimiter(racing, clock).tryAcquire("key", 1, WINDOW);

    assertThat(wait).contains(WINDOW);
    assertThat(table.find("key", clock.instant()).orElseThrow().events()).hasSize(1);
  }

  @Test
  void aRequestThatLosesEveryRaceIsAskedToWaitASecond() {
    RateLimitStore alwaysTaken =
        new RateLimitStore() {
          @Override
          public Optional<RateWindow> find(String key, Instant now) {
            return Optional.empty();
          }

          @Override
          public void save(RateWindow window) {
            throw new ConcurrentModificationException("rate window");
          }
        };

    assertThat(new RateLimiter(alwaysTaken, clock).tryAcquire("key", 5, WINDOW))
        .contains(Duration.ofSeconds(1));
  }
}
