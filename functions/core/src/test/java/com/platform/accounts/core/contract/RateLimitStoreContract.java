package com.platform.accounts.core.contract;

import static com.platform.accounts.core.contract.Records.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.port.RateLimitStore;
import com.platform.accounts.core.ratelimit.RateWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimitStore} does: exact round trips of the event list, saves conditional on
 * the version read (an absent or expired window counts as version 0), expired windows invisible.
 */
public abstract class RateLimitStoreContract {
  private static final Duration WINDOW = Duration.ofHours(1);

  protected final ManualClock clock = new ManualClock(START);
  private RateLimitStore windows;

  /** A fresh store on an empty (or unrelated) table that reads the time from {@code clock}. */
  protected abstract RateLimitStore newStore(Clock clock);

  @BeforeEach
  void createStore() {
    windows = newStore(clock);
  }

  private Instant now() {
    return clock.instant();
  }

  private static String key() {
    return "send:" + Ids.next("k");
  }

  @Test
  void aFirstSaveStoresVersionOneWithEveryEventInOrder() {
    String key = key();
    List<Instant> events = List.of(now().minusSeconds(30).plusNanos(1), now(), now());

    windows.save(new RateWindow(key, events, now().plus(WINDOW), 0));

    assertThat(windows.find(key, now()))
        .contains(new RateWindow(key, events, now().plus(WINDOW), 1));
  }

  @Test
  void anEmptyEventListRoundTrips() {
    String key = key();

    windows.save(new RateWindow(key, List.of(), now().plus(WINDOW), 0));

    assertThat(windows.find(key, now()).orElseThrow().events()).isEmpty();
  }

  @Test
  void unknownKeysAreNotFound() {
    assertThat(windows.find(key(), now())).isEmpty();
  }

  @Test
  void eachSaveFromTheCurrentVersionIncrementsIt() {
    String key = key();
    windows.save(new RateWindow(key, List.of(now()), now().plus(WINDOW), 0));
    RateWindow first = windows.find(key, now()).orElseThrow();

    windows.save(
        new RateWindow(
            key, List.of(now(), now().plusMillis(1)), now().plus(WINDOW), first.version()));

    RateWindow second = windows.find(key, now()).orElseThrow();
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.events()).containsExactly(now(), now().plusMillis(1));
  }

  @Test
  void aSaveFromAStaleVersionIsAConflictAndChangesNothing() {
    String key = key();
    windows.save(new RateWindow(key, List.of(now()), now().plus(WINDOW), 0));
    windows.save(new RateWindow(key, List.of(now(), now()), now().plus(WINDOW), 1));
    RateWindow current = windows.find(key, now()).orElseThrow();

    assertThatThrownBy(
            () ->
                windows.save(
                    new RateWindow(key, List.of(now(), now(), now()), now().plus(WINDOW), 1)))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(windows.find(key, now())).contains(current);
  }

  @Test
  void twoFirstSavesCannotBothWin() {
    String key = key();
    windows.save(new RateWindow(key, List.of(now()), now().plus(WINDOW), 0));

    assertThatThrownBy(
            () -> windows.save(new RateWindow(key, List.of(now()), now().plus(WINDOW), 0)))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(windows.find(key, now()).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void aSaveExpectingAWindowThatIsAbsentIsAConflict() {
    String key = key();

    assertThatThrownBy(
            () -> windows.save(new RateWindow(key, List.of(now()), now().plus(WINDOW), 1)))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(windows.find(key, now())).isEmpty();
  }

  @Test
  void anExpiredWindowIsInvisibleAndCountsAsAbsent() {
    String key = key();
    Instant expiresAt = now().plus(WINDOW);
    windows.save(new RateWindow(key, List.of(now()), expiresAt, 0));
    windows.save(new RateWindow(key, List.of(now(), now()), expiresAt, 1));

    assertThat(windows.find(key, expiresAt.minusNanos(1))).isPresent();
    assertThat(windows.find(key, expiresAt)).isEmpty();

    clock.advanceBy(WINDOW);
    assertThatThrownBy(
            () -> windows.save(new RateWindow(key, List.of(now()), now().plus(WINDOW), 2)))
        .isInstanceOf(ConcurrentModificationException.class);
    windows.save(new RateWindow(key, List.of(now()), now().plus(WINDOW), 0));
    assertThat(windows.find(key, now()))
        .contains(new RateWindow(key, List.of(now()), now().plus(WINDOW), 1));
  }
}
