package com.platform.accounts.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ManualClockTest {

  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  @Test
  void timeMovesOnlyWhenAdvanced() {
    ManualClock clock = new ManualClock(START);

    assertThat(clock.instant()).isEqualTo(START);
    clock.advanceBy(Duration.ofMinutes(5));
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(300));
    clock.advanceTo(START.plusSeconds(600));
    assertThat(clock.millis()).isEqualTo(START.plusSeconds(600).toEpochMilli());
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void timeNeverMovesBack() {
    ManualClock clock = new ManualClock(START.plusSeconds(10));

    assertThatThrownBy(() -> clock.advanceTo(START)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> clock.advanceBy(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(10));
  }

  @Test
  void otherZonesReadTheSameAdvancingTime() {
    ManualClock clock = new ManualClock(START);
    var paris = clock.withZone(ZoneId.of("Europe/Paris"));

    clock.advanceBy(Duration.ofHours(1));

    assertThat(paris.instant()).isEqualTo(START.plusSeconds(3600));
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
  }

  @Test
  void aZonedViewShowsItsZonesLocalTimeAndMovesWithTheClock() {
    ManualClock clock = new ManualClock(START);
    Clock tokyo = clock.withZone(ZoneId.of("Asia/Tokyo"));

    assertThat(LocalDateTime.now(tokyo)).isEqualTo(LocalDateTime.parse("2024-01-01T09:00:00"));
    clock.advanceBy(Duration.ofHours(15));
    assertThat(LocalDate.now(tokyo)).isEqualTo(LocalDate.parse("2024-01-02"));
    assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.parse("2024-01-01"));
  }

  @Test
  void aViewLeadsBackToTheControllableClockAndOnToOtherZones() {
    ManualClock clock = new ManualClock(START);
    Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
    Clock tokyo = paris.withZone(ZoneId.of("Asia/Tokyo"));

    clock.advanceBy(Duration.ofMinutes(1));

    assertThat(paris.withZone(ZoneOffset.UTC)).isSameAs(clock);
    assertThat(tokyo.getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(tokyo.instant()).isEqualTo(START.plusSeconds(60));
  }
}
