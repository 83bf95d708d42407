package com.platform.accounts.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.asl.ExecutionDescription.Status;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Wait states on the manual clock. */
class WaitStateTest extends EngineTestSupport {

  private static String waitThenDone(String waitFields) {
    return """
        {"StartAt": "W", "States": {
          "W": {"Type": "Wait", %s, "Next": "Done"},
          "Done": {"Type": "Succeed"}}}
        """
        .formatted(waitFields);
  }

  @Test
  void waitSecondsResumesOnlyOnceTheClockReachesTheDueTime() {
    String arn = start(waitThenDone("\"Seconds\": 30"), "{\"a\": 1}");
    assertThat(engine.nextDueAt()).contains(T0.plusSeconds(30));

    clock.advanceBy(Duration.ofSeconds(29));
    engine.runDue();
    assertThat(describe(arn).status()).isEqualTo(Status.RUNNING);

    clock.advanceBy(Duration.ofSeconds(1));
    engine.runDue();
    ExecutionDescription d = describe(arn);
    assertThat(d.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(d.output()).isEqualTo(json("{\"a\": 1}"));
    assertThat(d.stopDate()).isEqualTo(T0.plusSeconds(30));
    assertThat(engine.nextDueAt()).isEmpty();
  }

  @Test
  void waitSecondsPathReadsTheDelayFromTheInput() {
    String arn = start(waitThenDone("\"SecondsPath\": \"$.delay\""), "{\"delay\": 45}");

    assertThat(engine.nextDueAt()).contains(T0.plusSeconds(45));
    engine.runUntil(T0.plusSeconds(45));
    assertThat(describe(arn).status()).isEqualTo(Status.SUCCEEDED);
  }

  @Test
  void waitTimestampAndTimestampPathWaitUntilAnInstant() {
    start(waitThenDone("\"Timestamp\": \"2024-05-01T12:00:00Z\""), "{}");
    start(waitThenDone("\"TimestampPath\": \"$.at\""), "{\"at\": \"2024-05-01T11:00:00+00:00\"}");

    assertThat(engine.nextDueAt()).contains(T0.plusSeconds(3600));
    engine.runUntil(T0.plusSeconds(3600));
    assertThat(engine.executions())
        .extracting(ExecutionDescription::status)
        .containsExactly(Status.RUNNING, Status.SUCCEEDED);
    engine.runUntil(T0.plusSeconds(7200));
    assertThat(engine.executions())
        .extracting(ExecutionDescription::status)
        .containsOnly(Status.SUCCEEDED);
  }

  @Test
  void waitForATimestampInThePastContinuesAtOnce() {
    assertThat(run(waitThenDone("\"Timestamp\": \"2000-01-01T00:00:00Z\""), "{}").status())
        .isEqualTo(Status.SUCCEEDED);
    assertThat(run(waitThenDone("\"Seconds\": 0"), "{}").status()).isEqualTo(Status.SUCCEEDED);
  }

  @Test
  void invalidSecondsPathValueFailsWithStatesRuntime() {
    assertThat(run(waitThenDone("\"SecondsPath\": \"$.delay\""), "{\"delay\": -1}").error())
        .isEqualTo("States.Runtime");
    assertThat(run(waitThenDone("\"TimestampPath\": \"$.at\""), "{\"at\": \"tomorrow\"}").error())
        .isEqualTo("States.Runtime");
  }

  @Test
  void runUntilMeasuresAWaitFromTheInstantThePreviousOneEnded() {
    String arn =
        start(
            """
        {"StartAt": "W1", "States": {
          "W1": {"Type": "Wait", "Seconds": 10, "Next": "W2"},
          "W2": {"Type": "Wait", "Seconds": 10, "Next": "Done"},
          "Done": {"Type": "Succeed"}}}
        """,
            "{}");

    engine.runUntil(T0.plusSeconds(25));

    assertThat(describe(arn).status()).isEqualTo(Status.SUCCEEDED);
    assertThat(describe(arn).stopDate()).isEqualTo(T0.plusSeconds(20));
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(25));
  }

  @Test
  void nextDueAtReportsTheEarliestOfSeveralWaits() {
    start(waitThenDone("\"Seconds\": 300"), "{}");
    start(waitThenDone("\"Seconds\": 60"), "{}");
    start(waitThenDone("\"Seconds\": 120"), "{}");

    assertThat(engine.nextDueAt()).contains(T0.plusSeconds(60));
    clock.advanceBy(Duration.ofSeconds(150));
    engine.runDue();
    assertThat(engine.nextDueAt()).contains(T0.plusSeconds(300));
    assertThat(engine.executions())
        .extracting(ExecutionDescription::status)
        .containsExactly(Status.RUNNING, Status.SUCCEEDED, Status.SUCCEEDED);
  }
}
