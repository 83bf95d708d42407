package com.platform.accounts.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OptimisticRetryTest {
  private final AtomicInteger attempts = new AtomicInteger();

  @Test
  void answersTheFirstAttemptThatWinsItsRace() {
    String result =
        OptimisticRetry.run(
            () -> {
              if (attempts.incrementAndGet() < 3) {
                throw new ConcurrentModificationException("item");
              }
              return "written on attempt " + attempts.get();
            });

    assertThat(result).isEqualTo("written on attempt 3");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void aWinningFirstAttemptRunsOnce() {
    OptimisticRetry.run(attempts::incrementAndGet);

    assertThat(attempts).hasValue(1);
  }

  @Test
  void rethrowsTheLastLostRaceWhenEveryAttemptLoses() {
    List<ConcurrentModificationException> thrown = new ArrayList<>();

    assertThatThrownBy(
            () ->
                OptimisticRetry.run(
                    () -> {
                      ConcurrentModificationException lost =
                          new ConcurrentModificationException("item " + attempts.incrementAndGet());
                      thrown.add(lost);
                      throw lost;
                    }))
        .isSameAs(thrown.get(thrown.size() - 1));
    assertThat(attempts).hasValue(OptimisticRetry.MAX_ATTEMPTS);
  }

  @Test
  void anyOtherFailureEndsTheRunAtOnce() {
    assertThatThrownBy(
            () ->
                OptimisticRetry.run(
                    () -> {
                      attempts.incrementAndGet();
                      throw new IllegalStateException("not a race");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("not a race");
    assertThat(attempts).hasValue(1);
  }

  @Test
  void aVoidAttemptIsRetriedTheSameWay() {
    OptimisticRetry.run(
        () -> {
          if (attempts.incrementAndGet() < 2) {
            throw new ConcurrentModificationException("item");
          }
        });

    assertThat(attempts).hasValue(2);
  }
}
