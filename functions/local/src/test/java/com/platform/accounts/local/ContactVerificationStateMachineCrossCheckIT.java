package com.platform.accounts.local;

import static com.platform.accounts.local.StateMachineCrossCheck.ASL_START;
import static com.platform.accounts.local.StateMachineCrossCheck.lambdaInvokeResult;
import static com.platform.accounts.local.StateMachineCrossCheck.readJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.asl.AslEngine;
import com.platform.accounts.asl.ExecutionDescription;
import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.local.StateMachineCrossCheck.AslRun;
import com.platform.accounts.local.StateMachineCrossCheck.Field;
import com.platform.accounts.local.StateMachineCrossCheck.MotoExecution;
import com.platform.accounts.testkit.AwsEmulator;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Runs {@code infrastructure/statemachines/contact-verification.asl.json} on moto's Step Functions
 * interpreter (LocalStack's, behind the real Step Functions API) and on the project's own {@code
 * asl} engine, with the same input and the same canned task results, and requires both to visit the
 * same states in the same order, end in the same status and produce the same output. The Lambda
 * payloads the tasks were invoked with are compared as well. How each side is driven, and the moto
 * limitations in general: {@link StateMachineCrossCheck}.
 *
 * <p>moto limitations met here, and what the test does instead:
 *
 * <ul>
 *   <li>moto waits for a task timeout in real time, so a scenario whose wait times out runs a test
 *       copy of the definition in which only AwaitVerification's {@code TimeoutSeconds} is changed
 *       (86400 to {@value #TEST_WAIT_TIMEOUT_SECONDS}); both engines run that same copy. The asl
 *       engine also runs the unchanged file with its clock moved 86400 seconds on, and must end
 *       exactly as with the copy, so the shortening changes nothing but the wall-clock time.
 *   <li>moto refuses {@code SendTaskFailure} with an error name starting with {@code States.} (the
 *       execution fails with States.Runtime "Custom Error Names MUST NOT begin with the prefix
 *       'States.'"), so an expiry cannot be simulated with {@code States.Timeout} sent by hand: the
 *       timeout scenarios let the TimeoutSeconds really pass, and the explicit-failure scenario
 *       sends a custom error name, which the definition's {@code States.ALL} catcher treats alike.
 *   <li>moto drops the {@code cause} of {@code SendTaskFailure} (its HTTP layer passes only the
 *       error on), so the Catch output's {@code Cause} is null there; for that scenario the asl
 *       engine's Cause is checked against the cause sent, and the rest of the output against moto.
 * </ul>
 *
 * <p>A timed-out task's Catch output is compared in full, {@code Cause} included: moto binds {@code
 * "Cause": ""} there, which is also what AWS itself puts in that output.
 */
@ExtendWith(AwsEmulator.class)
class ContactVerificationStateMachineCrossCheckIT {
  private static final String PLACEHOLDER = "${ContactVerificationTasksFunctionArn}";
  private static final String WAITING_STATE = "AwaitVerification";
  private static final int REAL_WAIT_TIMEOUT_SECONDS = 86_400;

  /** AwaitVerification's TimeoutSeconds in the test copy used by the scenarios that time out. */
  static final int TEST_WAIT_TIMEOUT_SECONDS = 2;

  /** The one field the test copy changes. */
  private static final Field WAIT_TIMEOUT =
      new Field(
          "/States/" + WAITING_STATE + "/TimeoutSeconds",
          REAL_WAIT_TIMEOUT_SECONDS,
          TEST_WAIT_TIMEOUT_SECONDS);

  private static final String STATE_MACHINE_NAME = "contact-verification";
  private static final Duration MOTO_DEADLINE = Duration.ofSeconds(30);

  private static final String INPUT = "{\"challengeId\":\"chl-0f3c2a9e\"}";

  // What ContactVerificationTasks answers for each action.
  private static final String WAITING = "{\"status\":\"WAITING\"}";
  private static final String VERIFIED = "{\"status\":\"VERIFIED\"}";
  private static final String EXPIRED = "{\"status\":\"EXPIRED\"}";

  private static final List<String> PROVEN_PATH =
      List.of("AwaitVerification", "WasVerified", "PublishVerified", "Verified");
  private static final List<String> EXPIRED_PATH =
      List.of("AwaitVerification", "ExpireChallenge", "VerifiedAtTheEnd", "Expired");
  private static final List<String> LAST_MOMENT_PATH =
      List.of(
          "AwaitVerification",
          "ExpireChallenge",
          "VerifiedAtTheEnd",
          "PublishVerified",
          "Verified");
  private static final List<String> GONE_PATH =
      List.of("AwaitVerification", "WasVerified", "ExpireChallenge", "VerifiedAtTheEnd", "Expired");

  /** How the AwaitVerification wait ends. */
  sealed interface Ending permits TaskSuccess, TaskFailure, WaitTimesOut {}

  /** SendTaskSuccess with this output. */
  record TaskSuccess(String output) implements Ending {}

  /** SendTaskFailure with this error and cause. */
  record TaskFailure(String error, String cause) implements Ending {}

  /**
   * Nobody answers: AwaitVerification's TimeoutSeconds passes (on the test copy, see class doc).
   */
  record WaitTimesOut() implements Ending {}

  /**
   * @param lambdaResults what the Lambda function answers, invocation by invocation (the first is
   *     AwaitVerification's own invocation, whose answer a {@code .waitForTaskToken} task ignores)
   */
  record Scenario(
      String name, Ending ending, List<String> lambdaResults, List<String> expectedPath) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** What one engine did with one scenario. */
  record Run(
      List<String> visitedStates, String status, JsonNode output, List<JsonNode> lambdaCalls) {}

  static Stream<Scenario> scenarios() {
    return Stream.of(
        new Scenario(
            "1 the code is proven",
            new TaskSuccess(VERIFIED),
            List.of(WAITING, VERIFIED),
            PROVEN_PATH),
        new Scenario(
            "2 the challenge expires (wait times out)",
            new WaitTimesOut(),
            List.of(WAITING, EXPIRED),
            EXPIRED_PATH),
        new Scenario(
            "3 the proof wins the race at the last moment (wait times out)",
            new WaitTimesOut(),
            List.of(WAITING, VERIFIED, VERIFIED),
            LAST_MOMENT_PATH),
        new Scenario(
            "3b the proof wins the race after the wait was failed by SendTaskFailure",
            new TaskFailure("ChallengeExpired", "the challenge's lifetime ended"),
            List.of(WAITING, VERIFIED, VERIFIED),
            LAST_MOMENT_PATH),
        new Scenario(
            "4 the wait is resumed with EXPIRED (challenge already gone)",
            new TaskSuccess(EXPIRED),
            List.of(WAITING, EXPIRED),
            GONE_PATH));
  }

  private StateMachineCrossCheck check;

  @BeforeEach
  void startFromNothing(AwsEmulator aws) {
    check =
        new StateMachineCrossCheck(
            aws,
            STATE_MACHINE_NAME,
            PLACEHOLDER,
            "com.platform.accounts.handlers.tasks.ContactVerificationTasks::handleRequest",
            MOTO_DEADLINE);
  }

  @AfterEach
  void closeClients() {
    if (check != null) {
      check.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void motoAndAslAgree(Scenario scenario) throws Exception {
    String definition =
        StateMachineCrossCheck.testCopy(
            check.realDefinition(),
            scenario.ending() instanceof WaitTimesOut ? List.of(WAIT_TIMEOUT) : List.of());

    Run onMoto = runOnMoto(scenario, definition);
    Run onAsl = runOnAsl(scenario, definition, Duration.ofSeconds(TEST_WAIT_TIMEOUT_SECONDS));

    // Each engine took the path the scenario is about (so two engines agreeing on a wrong path
    // fail).
    assertThat(onMoto.visitedStates())
        .as("moto: visited states")
        .isEqualTo(scenario.expectedPath());
    assertThat(onMoto.status()).as("moto: status").isEqualTo("SUCCEEDED");
    // ... and they agree with each other on everything observable.
    assertThat(onAsl.visitedStates())
        .as("asl vs moto: visited states")
        .isEqualTo(onMoto.visitedStates());
    assertThat(onAsl.status()).as("asl vs moto: status").isEqualTo(onMoto.status());
    assertThat(onAsl.lambdaCalls())
        .as("asl vs moto: Lambda invocations (state, resource, parameters)")
        .isEqualTo(onMoto.lambdaCalls());
    if (scenario.ending() instanceof TaskFailure failure
        && onMoto.output().path("failure").path("Cause").isNull()) {
      // moto 5.2.5 drops SendTaskFailure's cause at its HTTP layer (moto/stepfunctions/responses.py
      // passes only the error on), so its Catch output carries "Cause": null. AWS puts the cause
      // sent there: hold asl to that, and compare the rest of the output with moto.
      assertThat(onAsl.output().at("/failure/Cause").asText(null))
          .as("asl: Catch output Cause")
          .isEqualTo(failure.cause());
      assertThat(withoutFailureCause(onAsl.output()))
          .as("asl vs moto: execution output (but Cause)")
          .isEqualTo(withoutFailureCause(onMoto.output()));
    } else {
      assertThat(onAsl.output()).as("asl vs moto: execution output").isEqualTo(onMoto.output());
    }
    // The output says how it ended: "published" only on the Verified path.
    assertThat(onMoto.output().path("published").path("status").asText(null))
        .isEqualTo(scenario.expectedPath().contains("PublishVerified") ? "VERIFIED" : null);

    if (scenario.ending() instanceof WaitTimesOut) {
      // The shortened TimeoutSeconds is the only difference: the real file, with the engine's clock
      // moved the full 86400 seconds on, ends exactly as the copy did.
      Run real =
          runOnAsl(scenario, check.realDefinition(), Duration.ofSeconds(REAL_WAIT_TIMEOUT_SECONDS));
      assertThat(real).as("asl: unchanged file vs test copy").isEqualTo(onAsl);
    }
  }

  /** The test copy really differs from the file in AwaitVerification's TimeoutSeconds only. */
  @Test
  void testCopyChangesOnlyTheWaitTimeout() {
    check.assertTestCopiesChangeOnlyTheirFields(
        List.of(Set.of(WAIT_TIMEOUT)), List.of(WAIT_TIMEOUT));
  }

  // ---------------------------------------------------------------------------------------------
  // moto

  private Run runOnMoto(Scenario scenario, String definition) throws Exception {
    String executionArn =
        check.startOnMoto(definition, scenario.lambdaResults(), scenario.name(), INPUT);

    String token = check.awaitTaskToken(executionArn, WAITING_STATE);
    if (scenario.ending() instanceof TaskSuccess success) {
      check.sendTaskSuccess(token, success.output());
    } else if (scenario.ending() instanceof TaskFailure failure) {
      check.sendTaskFailure(token, failure.error(), failure.cause());
    } // WaitTimesOut: nobody answers, moto's own timer ends the wait.
    MotoExecution done = check.finishOnMoto(executionArn, EnumSet.of(ExecutionStatus.SUCCEEDED));
    return new Run(
        done.visitedStates(), done.described().statusAsString(), done.output(), done.lambdaCalls());
  }

  // ---------------------------------------------------------------------------------------------
  // asl

  /**
   * Runs the scenario on a fresh engine. {@code waitTimeout} is how far the clock is moved when the
   * scenario lets AwaitVerification time out (the definition's own TimeoutSeconds for that task).
   */
  private Run runOnAsl(Scenario scenario, String definition, Duration waitTimeout) {
    AslRun<String> asl =
        check.onAsl(
            new ManualClock(ASL_START),
            scenario.lambdaResults(),
            (result, context) -> lambdaInvokeResult(result));
    AslEngine engine = asl.engine();

    String executionArn = asl.start(definition, INPUT);
    String token = asl.tokenOf(0, WAITING_STATE);
    if (scenario.ending() instanceof TaskSuccess success) {
      engine.sendTaskSuccess(token, readJson(success.output()));
    } else if (scenario.ending() instanceof TaskFailure failure) {
      engine.sendTaskFailure(token, failure.error(), failure.cause());
    } else {
      engine.runUntil(ASL_START.plus(waitTimeout));
    }
    // Nothing else may be pending (a retry delay would show up here as a RUNNING execution).
    engine.runDue();
    ExecutionDescription done = engine.describe(executionArn);

    asl.assertCannedResultsUsedUp();
    if (done.status() != ExecutionDescription.Status.SUCCEEDED) {
      fail(
          "asl: execution ended %s (%s: %s) after %s",
          done.status(), done.error(), done.cause(), done.visitedStates());
    }
    return new Run(done.visitedStates(), done.status().name(), done.output(), asl.lambdaCalls());
  }

  private static JsonNode withoutFailureCause(JsonNode output) {
    JsonNode copy = output.deepCopy();
    if (copy.path("failure") instanceof ObjectNode failure) {
      failure.remove("Cause");
    }
    return copy;
  }
}
