package com.platform.accounts.asl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A controllable clock: time moves only when {@link #advanceTo} or {@link #advanceBy} is called,
 * and only forwards, so waits, retry delays and timeouts fire exactly when a test says so. Safe to
 * read and advance from several threads. The zone is UTC; {@link #withZone} gives a view in another
 * zone that keeps reading this clock's time.
 *
 * <p>The project's one controllable clock: the engine's {@link AslEngine#runUntil}, the local
 * runtime (whose ticker, under {@code make run}, advances it as real time passes) and every
 * module's tests use it. It lives here because this module depends on nothing of the project, so
 * all of them can reach it (the others at test scope) without a cycle.
 */
public final class ManualClock extends Clock {

  private volatile Instant now;

  public ManualClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** A clock with another zone that still reads this clock's time. */
  @Override
  public Clock withZone(ZoneId zone) {
    if (ZoneOffset.UTC.equals(zone)) {
      return this;
    }
    return new ZonedView(this, zone);
  }

  /**
   * Moves the clock to {@code target}.
   *
   * @throws IllegalArgumentException if {@code target} is before the current time: timers already
   *     fired cannot be unfired, so time never goes back
   */
  public synchronized void advanceTo(Instant target) {
    Objects.requireNonNull(target, "target");
    if (target.isBefore(now)) {
      throw new IllegalArgumentException(
          "cannot move the clock back from " + now + " to " + target);
    }
    now = target;
  }

  /**
   * Moves the clock forward by {@code amount}.
   *
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public synchronized void advanceBy(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("cannot move the clock back by " + amount);
    }
    now = now.plus(amount);
  }

  @Override
  public String toString() {
    return "ManualClock[" + now + "]";
  }

  /** Another zone's view of a manual clock; it has no time of its own. */
  private static final class ZonedView extends Clock {
    private final ManualClock source;
    private final ZoneId zone;

    ZonedView(ManualClock source, ZoneId zone) {
      this.source = source;
      this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
      return source.withZone(newZone);
    }

    @Override
    public Instant instant() {
      return source.instant();
    }
  }
}
