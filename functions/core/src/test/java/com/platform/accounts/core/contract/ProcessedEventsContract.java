package com.platform.accounts.core.contract;

import static com.platform.accounts.core.contract.Records.START;
import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.port.ProcessedEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProcessedEvents} does: an event recorded is seen until the instant it is kept
 * to (exactly), by its source and id together; recording it again while kept changes nothing; once
 * no longer kept it is as if never recorded.
 */
public abstract class ProcessedEventsContract {
  private static final String PAYPAL = "paypal";

  protected final ManualClock clock = new ManualClock(START);
  private ProcessedEvents events;

  /** A fresh store on an empty (or unrelated) table that reads the time from {@code clock}. */
  protected abstract ProcessedEvents newStore(Clock clock);

  @BeforeEach
  void createStore() {
    events = newStore(clock);
  }

  private static String eventId() {
    return Ids.next("WH");
  }

  @Test
  void anEventNeverRecordedIsNotSeen() {
    events.record(PAYPAL, eventId(), START.plus(Duration.ofDays(3)));

    assertThat(events.seen(PAYPAL, eventId(), START)).isFalse();
  }

  @Test
  void aRecordedEventIsSeenUntilItIsNoLongerKept() {
    String id = eventId();
    Instant keepUntil = START.plus(Duration.ofDays(3)).plusNanos(7);

    events.record(PAYPAL, id, keepUntil);

    assertThat(events.seen(PAYPAL, id, START)).isTrue();
    assertThat(events.seen(PAYPAL, id, keepUntil.minusNanos(1))).isTrue();
    assertThat(events.seen(PAYPAL, id, keepUntil)).isFalse();
  }

  @Test
  void anEventIsItsSourceAndIdTogether() {
    String id = eventId();

    events.record(PAYPAL, id, START.plus(Duration.ofDays(3)));

    assertThat(events.seen("stripe", id, START)).isFalse();
    assertThat(events.seen(PAYPAL + "#" + id, "", START)).isFalse();
  }

  @Test
  void recordingAKeptEventAgainChangesNothing() {
    String id = eventId();
    Instant keepUntil = START.plus(Duration.ofDays(3));
    events.record(PAYPAL, id, keepUntil);

    events.record(PAYPAL, id, keepUntil.plus(Duration.ofDays(30)));

    assertThat(events.seen(PAYPAL, id, keepUntil.minusNanos(1))).isTrue();
    assertThat(events.seen(PAYPAL, id, keepUntil)).isFalse();
  }

  @Test
  void anEventNoLongerKeptIsRecordedAfresh() {
    String id = eventId();
    events.record(PAYPAL, id, START.plusSeconds(60));
    clock.advanceTo(START.plusSeconds(60));

    events.record(PAYPAL, id, START.plusSeconds(120));

    assertThat(events.seen(PAYPAL, id, START.plusSeconds(119))).isTrue();
    assertThat(events.seen(PAYPAL, id, START.plusSeconds(120))).isFalse();
  }
}
