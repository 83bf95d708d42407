package com.platform.accounts.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The local runtime's clock: real time plus an offset that {@code POST /_local/clock/advance} moves
 * forward, so a person can wait out a resend interval in real time or jump a day ahead at once.
 */
public final class LocalClock extends Clock {
  private final Clock base;
  private volatile Duration offset = Duration.ZERO;

  public LocalClock(Clock base) {
    this.base = base;
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** The same moving instant, seen in another zone. */
  @Override
  public Clock withZone(ZoneId zone) {
    LocalClock self = this;
    return new Clock() {
      @Override
      public Instant instant() {
        return self.instant();
      }

      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return self.withZone(other);
      }
    };
  }

  /** Moves the clock forward so that it reads at least {@code target} now. */
  public synchronized void advanceTo(Instant target) {
    Duration missing = Duration.between(instant(), target);
    if (!missing.isNegative()) {
      offset = offset.plus(missing);
    }
  }
}
