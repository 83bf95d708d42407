package com.platform.accounts.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.memory.InMemoryTable;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.port.RateLimitStore;
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
  void aRequestThatLostTheRaceForTheLastSlotIsRefused() {
    RateLimitStore racing = new RateLimitStore() {
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
          table.save(new RateWindow(window.key(), List.of(clock.instant()),
              window.expiresAt(), window.version()));
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
    RateLimitStore alwaysTaken = new RateLimitStore() {
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
