package com.platform.accounts.local;

import static com.platform.accounts.local.StateMachineCrossCheck.ASL_START;
import static com.platform.accounts.local.StateMachineCrossCheck.lambdaInvokeResult;
import static com.platform.accounts.local.StateMachineCrossCheck.readJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.asl.AslEngine;
import com.platform.accounts.asl.ExecutionDescription;
import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.local.StateMachineCrossCheck.AslRun;
import com.platform.accounts.local.StateMachineCrossCheck.MotoExecution;
import com.platform.accounts.testkit.AwsEmulator;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * <p>The execution is the after-work of a proven code: it never waits for anybody, so no scenario
 * needs a task token or a shortened timeout. Its named-error paths (a proof still being written,
 * throttling) cannot be produced on moto, whose Docker-less Lambda only reports one function error
 * ({@link CardVerificationStateMachineCrossCheckIT}); {@link StateMachineRetriesTest} runs them on
 * the asl engine.
 */
@ExtendWith(AwsEmulator.class)
class ContactVerificationStateMachineCrossCheckIT {
  private static final String PLACEHOLDER = "${ContactVerificationTasksFunctionArn}";
  private static final String STATE_MACHINE_NAME = "contact-verification";
  private static final Duration MOTO_DEADLINE = Duration.ofSeconds(30);

  private static final String INPUT = "{\"challengeId\":\"chl-0f3c2a9e\"}";

  // What ContactVerificationTasks answers for each action.
  private static final String VERIFIED = "{\"status\":\"VERIFIED\"}";
  private static final String NOT_PROVEN = "{\"status\":\"NOT_PROVEN\"}";

  private static final List<String> PATH = List.of("PublishVerified", "Done");

  /**
   * @param lambdaResults what the Lambda function answers, invocation by invocation
   */
  record Scenario(String name, List<String> lambdaResults, List<String> expectedPath) {
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
        new Scenario("1 the code was proven: published", List.of(VERIFIED), PATH),
        new Scenario("2 the challenge is gone: nothing to publish", List.of(NOT_PROVEN), PATH));
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
    String definition = check.realDefinition();

    Run onMoto = runOnMoto(scenario, definition);
    Run onAsl = runOnAsl(scenario, definition);

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
    assertThat(onAsl.output()).as("asl vs moto: execution output").isEqualTo(onMoto.output());
    // The output says what the task answered.
    assertThat(onMoto.output().path("published"))
        .isEqualTo(readJson(scenario.lambdaResults().get(0)));
  }

  // ---------------------------------------------------------------------------------------------
  // moto

  private Run runOnMoto(Scenario scenario, String definition) throws Exception {
    String executionArn =
        check.startOnMoto(definition, scenario.lambdaResults(), scenario.name(), INPUT);
    MotoExecution done = check.finishOnMoto(executionArn, EnumSet.of(ExecutionStatus.SUCCEEDED));
    return new Run(
        done.visitedStates(), done.described().statusAsString(), done.output(), done.lambdaCalls());
  }

  // ---------------------------------------------------------------------------------------------
  // asl

  private Run runOnAsl(Scenario scenario, String definition) {
    AslRun<String> asl =
        check.onAsl(
            new ManualClock(ASL_START),
            scenario.lambdaResults(),
            (result, context) -> lambdaInvokeResult(result));
    AslEngine engine = asl.engine();

    String executionArn = asl.start(definition, INPUT);
    engine.runDue();
    ExecutionDescription done = engine.describe(executionArn);

    asl.assertCannedResultsUsedUp();
    assertThat(asl.tokens()).as("asl: no task token handed out").isEmpty();
    if (done.status() != ExecutionDescription.Status.SUCCEEDED) {
      fail(
          "asl: execution ended %s (%s: %s) after %s",
          done.status(), done.error(), done.cause(), done.visitedStates());
    }
    return new Run(done.visitedStates(), done.status().name(), done.output(), asl.lambdaCalls());
  }
}
