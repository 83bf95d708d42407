package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.platform.accounts.asl.AslEngine;
import com.platform.accounts.asl.ExecutionDescription;
import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.asl.TaskFailedException;
import com.platform.accounts.core.verification.ChallengeNotProvenException;
import com.platform.accounts.handlers.tasks.TransientTaskFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The state machines as deployed never park, and ride out throttling: every definition of {@code
 * infrastructure/statemachines} is read for task tokens and long waits, and the
 * contact-verification after-work runs on the asl engine against a task function that is throttled
 * or still waiting for the proof. The named-error paths cannot run on moto (see {@link
 * ContactVerificationStateMachineCrossCheckIT}).
 */
class StateMachineRetriesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** "A few minutes": the longest any single wait, task attempt or retry delay may take. */
  private static final long MAX_WAIT_SECONDS = 300;

  /** The longest an execution may live, retries included. */
  private static final long MAX_EXECUTION_SECONDS = 3600;

  private static final Path STATE_MACHINES =
      LocalRuntime.findRepoRoot().resolve("infrastructure/statemachines");
  private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
  private static final String VERIFIED = "{\"status\":\"VERIFIED\"}";

  @Test
  void noDefinitionParksOnATaskTokenOrAWaitLongerThanAFewMinutes() throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(STATE_MACHINES)) {
      files = listed.filter(f -> f.toString().endsWith(".asl.json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    List<String> parked = new ArrayList<>();
    for (Path file : files) {
      JsonNode definition = JSON.readTree(file.toFile());
      String name = file.getFileName().toString();
      if (definition.path("TimeoutSeconds").asLong(Long.MAX_VALUE) > MAX_EXECUTION_SECONDS) {
        parked.add(name + ": execution TimeoutSeconds missing or over " + MAX_EXECUTION_SECONDS);
      }
      collectParking(name, definition, parked);
    }
    assertThat(parked).as("states that park an execution").isEmpty();
  }

  /** Walks the states of a definition, its Parallel branches and Map processors included. */
  private static void collectParking(String where, JsonNode machine, List<String> parked) {
    for (Iterator<Map.Entry<String, JsonNode>> it = machine.path("States").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String state = where + "/" + entry.getKey();
      JsonNode s = entry.getValue();
      String resource = s.path("Resource").asText("");
      if (resource.endsWith(".waitForTaskToken")) {
        parked.add(state + ": waits on a task token");
      }
      if (s.path("Type").asText().equals("Wait")
          && (!s.has("Seconds") || s.path("Seconds").asLong() > MAX_WAIT_SECONDS)) {
        parked.add(state + ": Wait not bounded by " + MAX_WAIT_SECONDS + " s");
      }
      if (s.path("Type").asText().equals("Task")
          && s.path("TimeoutSeconds").asLong(Long.MAX_VALUE) > MAX_WAIT_SECONDS) {
        parked.add(state + ": task TimeoutSeconds missing or over " + MAX_WAIT_SECONDS);
      }
      for (JsonNode retrier : s.path("Retry")) {
        if (retrier.path("MaxDelaySeconds").asLong(0) > MAX_WAIT_SECONDS) {
          parked.add(state + ": retry delay over " + MAX_WAIT_SECONDS + " s");
        }
      }
      for (JsonNode branch : s.path("Branches")) {
        collectParking(state, branch, parked);
      }
      collectParking(state, s.path("ItemProcessor"), parked);
      collectParking(state, s.path("Iterator"), parked);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Lambda.TooManyRequestsException",
        "Lambda.ServiceException",
        "Lambda.SdkClientException",
        "com.platform.accounts.handlers.tasks.TransientTaskFailure"
      })
  void aThrottledAfterWorkIsRetriedForMinutesAndThenRuns(String error) {
    assertThat(TransientTaskFailure.class.getName())
        .isEqualTo("com.platform.accounts.handlers.tasks.TransientTaskFailure");
    Run run = runContactVerification(7, error, VERIFIED);

    assertThat(run.done().status()).isEqualTo(ExecutionDescription.Status.SUCCEEDED);
    assertThat(run.done().visitedStates()).containsExactly("PublishVerified", "Done");
    assertThat(run.attempts()).as("seven throttled attempts, then the one that ran").isEqualTo(8);
    assertThat(Duration.between(START, run.done().stopDate()))
        .as("retried for minutes, not seconds")
        .isGreaterThan(Duration.ofMinutes(2))
        .isLessThan(Duration.ofMinutes(10));
  }

  @Test
  void theAfterWorkWaitsBrieflyForAProofStillBeingWritten() {
    Run run = runContactVerification(2, ChallengeNotProvenException.class.getName(), VERIFIED);

    assertThat(run.done().visitedStates()).containsExactly("PublishVerified", "Done");
    assertThat(run.done().output().path("published").path("status").asText()).isEqualTo("VERIFIED");
    assertThat(run.attempts()).isEqualTo(3);
  }

  @Test
  void theAfterWorkOfAProofNeverWrittenEndsWithinMinutesWithNothingPublished() {
    Run run =
        runContactVerification(
            Integer.MAX_VALUE, ChallengeNotProvenException.class.getName(), VERIFIED);

    assertThat(run.done().status()).isEqualTo(ExecutionDescription.Status.SUCCEEDED);
    assertThat(run.done().visitedStates()).containsExactly("PublishVerified", "NotProven");
    assertThat(run.done().output().has("published")).isFalse();
    assertThat(Duration.between(START, run.done().stopDate())).isLessThan(Duration.ofMinutes(5));
  }

  private record Run(ExecutionDescription done, int attempts) {}

  /**
   * Runs the deployed contact-verification definition on a manual clock; the task function fails
   * {@code failures} times with {@code error}, then answers {@code result}.
   */
  private static Run runContactVerification(int failures, String error, String result) {
    ManualClock clock = new ManualClock(START);
    int[] attempts = {0};
    AslEngine engine =
        new AslEngine(
            (resource, parameters, context) -> {
              attempts[0]++;
              if (attempts[0] <= failures) {
                throw new TaskFailedException(error, "{}");
              }
              try {
                return JSON.createObjectNode()
                    .put("StatusCode", 200)
                    .set("Payload", JSON.readTree(result));
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            },
            clock);
    String definition;
    try {
      definition =
          Files.readString(STATE_MACHINES.resolve("contact-verification.asl.json"))
              .replace(
                  "${ContactVerificationTasksFunctionArn}",
                  "arn:aws:lambda:us-east-1:123456789012:function:contact-verification-tasks");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String arn =
        engine.startExecution(
            engine.parse(definition),
            "contact-verification",
            "sgn_x-proven",
            JSON.createObjectNode().put("challengeId", "sgn_x"));
    engine.runUntil(START.plus(Duration.ofHours(1)));
    return new Run(engine.describe(arn), attempts[0]);
  }
}
