package com.platform.accounts.local;

import static com.platform.accounts.local.StateMachineCrossCheck.ASL_START;
import static com.platform.accounts.local.StateMachineCrossCheck.lambdaInvokeResult;
import static com.platform.accounts.local.StateMachineCrossCheck.readJson;
import static com.platform.accounts.local.StateMachineCrossCheck.testCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.asl.AslEngine;
import com.platform.accounts.asl.ExecutionDescription;
import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.asl.TaskFailedException;
import com.platform.accounts.local.StateMachineCrossCheck.AslRun;
import com.platform.accounts.local.StateMachineCrossCheck.MotoExecution;
import com.platform.accounts.local.StateMachineCrossCheck.StateEvent;
import com.platform.accounts.testkit.AwsEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * Runs {@code infrastructure/statemachines/card-verification.asl.json} on moto's Step Functions
 * interpreter (LocalStack's, behind the real Step Functions API) and on the project's own {@code
 * asl} engine, scenario by scenario with the same input and the same canned Lambda results, and
 * requires each engine to take the path the scenario expects and both to agree on the visited
 * states, the status (with error and cause when the execution fails), the output, the Lambda
 * invocations (state, resource, parameters) and the task failures.
 *
 * <p>How each side is driven: {@link StateMachineCrossCheck}. On asl a retry delay is ended by
 * moving the clock to the retry's instant. No state waits for the owner: the definition only
 * confirms the placement, tells the owner, or releases the charges when something failed.
 *
 * <p>A Lambda <em>function error</em> (scenario 5). moto's Docker-less Lambda ({@code
 * lambda-simple}) answers every invocation with status 200 and the queued text, with no way to ask
 * for an {@code X-Amz-Function-Error}, with one exception: a response bigger than Lambda's 6 MB
 * limit, which moto (like Lambda) turns into the function error {@code Unhandled} with the body
 * {@value #FUNCTION_ERROR_DOCUMENT}. So a canned {@link FunctionError} is queued on moto as a
 * result of {@value #OVERSIZED_RESULT_CHARS} characters; moto's interpreter then goes its real
 * function-error path ({@code LambdaFunctionErrorException}: error name = the document's {@code
 * errorType}, cause = the document), which is how AWS Step Functions names a function error that
 * the function reports itself. On asl the invoker throws that same error and cause. The error name
 * is therefore always {@value #FUNCTION_ERROR_TYPE}, never one the test picks (whether AWS names an
 * oversized response so or {@code Lambda.Unknown} was not checked); the definition only catches and
 * retries {@code States.ALL} after its throttling retrier, which matches any name alike. The test
 * checks the {@code TaskFailed} events moto recorded against what asl was given, so a moto that
 * stopped producing this function error would fail the test instead of quietly testing something
 * else.
 *
 * <p>moto waits in real time for a retry's IntervalSeconds, so the scenarios that need them run a
 * <em>test copy</em> of the definition in which only the fields of {@link Shortening} are changed;
 * both engines run that same copy, {@link #testCopiesChangeOnlyTheirFields()} proves nothing else
 * differs, and the asl engine also runs the unchanged file with its clock moved through the real
 * durations and must end exactly as with the copy (retry delays scaled by the real/test ratio). The
 * BackoffRate is left alone, so the shortened retry schedule keeps its shape (1, 2, 4, 8, 16 s
 * instead of 10, 20, 40, 80, 160 s) and is checked on both engines.
 *
 * <p>Other moto limitations (see {@link StateMachineCrossCheck} and {@link
 * ContactVerificationStateMachineCrossCheckIT}): SendTaskFailure refuses {@code States.} error
 * names and drops the cause; none of these scenarios sends a task failure, so neither matters here.
 */
@ExtendWith(AwsEmulator.class)
class CardVerificationStateMachineCrossCheckIT {
  private static final String PLACEHOLDER = "${CardVerificationTasksFunctionArn}";

  private static final String STATE_MACHINE_NAME = "card-verification";

  /** sc. 5 spends about 31 s in moto's retry delays; everything else is far quicker. */
  private static final Duration MOTO_DEADLINE = Duration.ofSeconds(60);

  /** How much later than the definition says moto may start a retry (sleep plus bookkeeping). */
  private static final Duration MOTO_RETRY_SLACK = Duration.ofMillis(750);

  private static final String INPUT = "{\"accountId\": \"acc_x\", \"paymentMethodId\": \"pm_x\"}";

  // The states the scenarios talk about.
  private static final String PLACE_CHARGES = "PlaceCharges";

  // What CardVerificationTasks answers (see handlers/tasks/CardVerificationTasks).
  private static final Canned PENDING = new Returns("{\"status\":\"PENDING_VERIFICATION\"}");
  private static final Canned VERIFIED = new Returns("{\"status\":\"VERIFIED\"}");
  private static final Canned FAILED = new Returns("{\"status\":\"FAILED\"}");
  private static final Canned FUNCTION_ERROR = new FunctionError();

  /**
   * moto's answer to an oversized response (moto/awslambda/responses.py), as its interpreter
   * re-serialises it.
   */
  static final String FUNCTION_ERROR_DOCUMENT =
      "{\"errorMessage\":\"Response payload size exceeded maximum"
          + " allowed payload size (6291556 bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}";

  static final String FUNCTION_ERROR_TYPE = "Function.ResponseSizeTooLarge";

  /** moto reports a function error for a response whose {@code sys.getsizeof} exceeds 6,000,000. */
  static final int OVERSIZED_RESULT_CHARS = 6_000_000;

  private static final String CARD_VERIFICATION_FAILED = "CardVerificationFailed";
  private static final String FAILED_CAUSE =
      "A step failed; the charges were released or are due for release.";

  /**
   * A field of the definition that a test copy shortens, with its value in the file and in the
   * copy.
   */
  enum Shortening implements StateMachineCrossCheck.Shortening {
    /** The States.ALL retrier's (the one after the throttling retrier). */
    PLACEMENT_RETRY_INTERVAL("/States/PlaceCharges/Retry/1/IntervalSeconds", 10, 1);

    final String pointer;
    final int real;
    final int test;

    Shortening(String pointer, int real, int test) {
      this.pointer = pointer;
      this.real = real;
      this.test = test;
    }

    @Override
    public String pointer() {
      return pointer;
    }

    @Override
    public int real() {
      return real;
    }

    @Override
    public int test() {
      return test;
    }
  }

  /** What the Lambda function answers to one invocation. */
  sealed interface Canned permits Returns, FunctionError {}

  /** A normal answer: this JSON as the function's result. */
  record Returns(String payloadJson) implements Canned {}

  /** A function error ({@value #FUNCTION_ERROR_TYPE}, see the class doc for why that one). */
  record FunctionError() implements Canned {}

  /**
   * @param lambdaResults the function's answers, invocation by invocation
   * @param shortened the fields the test copy changes; empty: both engines run the file itself
   * @param expectedCalls each Lambda invocation as {@code State:ACTION}, in order
   * @param expectedOutput the execution output when it succeeds, {@code null} when it fails
   */
  record Scenario(
      String name,
      List<Canned> lambdaResults,
      Set<Shortening> shortened,
      List<String> expectedPath,
      List<String> expectedCalls,
      String expectedStatus,
      String expectedOutput) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** What one engine did with one scenario. */
  record Run(
      List<String> visitedStates,
      String status,
      String error,
      String cause,
      JsonNode output,
      List<JsonNode> lambdaCalls,
      List<JsonNode> taskFailures,
      List<Duration> placementRetryDelays) {}

  private static final List<String> OWNER_TOLD =
      List.of(PLACE_CHARGES, "IsPending", "NotifyOwner", "Done");
  private static final List<String> PLACEMENT_FAILED =
      List.of(PLACE_CHARGES, "ReleaseAfterFailure", "Failed");
  private static final List<String> NOTHING_PENDING = List.of(PLACE_CHARGES, "IsPending", "Done");

  static Stream<Scenario> scenarios() {
    return Stream.of(
        new Scenario(
            "1 the charges stand and the owner is told",
            List.of(PENDING, PENDING),
            EnumSet.noneOf(Shortening.class),
            OWNER_TOLD,
            List.of("PlaceCharges:PLACE_CHARGES", "NotifyOwner:NOTIFY_CHARGES_PLACED"),
            "SUCCEEDED",
            """
            {"accountId": "acc_x", "paymentMethodId": "pm_x",
             "placement": {"status": "PENDING_VERIFICATION"}}"""),
        new Scenario(
            "2 an incomplete placement was released and failed",
            List.of(FAILED),
            EnumSet.noneOf(Shortening.class),
            NOTHING_PENDING,
            List.of("PlaceCharges:PLACE_CHARGES"),
            "SUCCEEDED",
            """
            {"accountId": "acc_x", "paymentMethodId": "pm_x", "placement": {"status": "FAILED"}}"""),
        new Scenario(
            "5 placing the charges fails every time",
            List.of(
                FUNCTION_ERROR,
                FUNCTION_ERROR,
                FUNCTION_ERROR,
                FUNCTION_ERROR,
                FUNCTION_ERROR,
                FUNCTION_ERROR,
                PENDING),
            EnumSet.of(Shortening.PLACEMENT_RETRY_INTERVAL),
            PLACEMENT_FAILED,
            Stream.concat(
                    Collections.nCopies(6, "PlaceCharges:PLACE_CHARGES").stream(),
                    Stream.of("ReleaseAfterFailure:RELEASE_CHARGES"))
                .toList(),
            "FAILED",
            null),
        new Scenario(
            "6 the card was answered before the workflow started",
            List.of(VERIFIED),
            EnumSet.noneOf(Shortening.class),
            NOTHING_PENDING,
            List.of("PlaceCharges:PLACE_CHARGES"),
            "SUCCEEDED",
            """
            {"accountId": "acc_x", "paymentMethodId": "pm_x", "placement": {"status": "VERIFIED"}}"""));
  }

  private StateMachineCrossCheck check;

  @BeforeEach
  void startFromNothing(AwsEmulator aws) {
    check =
        new StateMachineCrossCheck(
            aws,
            STATE_MACHINE_NAME,
            PLACEHOLDER,
            "com.platform.accounts.handlers.tasks.CardVerificationTasks::handleRequest",
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
    String definition = testCopy(check.realDefinition(), scenario.shortened());

    Run onMoto = runOnMoto(scenario, definition);
    Run onAsl = runOnAsl(scenario, definition);

    // moto took the path the scenario is about (two engines agreeing on a wrong path fail here) ...
    assertThat(onMoto.visitedStates())
        .as("moto: visited states")
        .isEqualTo(scenario.expectedPath());
    assertThat(onMoto.status()).as("moto: status").isEqualTo(scenario.expectedStatus());
    assertThat(
            onMoto.lambdaCalls().stream()
                .map(CardVerificationStateMachineCrossCheckIT::stateAndAction))
        .as("moto: Lambda invocations")
        .containsExactlyElementsOf(scenario.expectedCalls());
    if (scenario.expectedOutput() == null) {
      assertThat(onMoto.output()).as("moto: output").isNull();
      assertThat(onMoto.error()).as("moto: error").isEqualTo(CARD_VERIFICATION_FAILED);
      assertThat(onMoto.cause()).as("moto: cause").isEqualTo(FAILED_CAUSE);
    } else {
      assertThat(onMoto.output()).as("moto: output").isEqualTo(readJson(scenario.expectedOutput()));
    }
    // ... the canned function errors really were function errors there ...
    List<JsonNode> expectedFailures = new ArrayList<>();
    for (int i = 0; i < scenario.lambdaResults().size(); i++) {
      if (scenario.lambdaResults().get(i) instanceof FunctionError) {
        expectedFailures.add(
            taskFailure(
                stateOf(scenario.expectedCalls().get(i)),
                FUNCTION_ERROR_TYPE,
                FUNCTION_ERROR_DOCUMENT));
      }
    }
    assertThat(onMoto.taskFailures()).as("moto: TaskFailed events").isEqualTo(expectedFailures);

    // ... and asl agrees with moto on everything observable.
    assertThat(onAsl.visitedStates())
        .as("asl vs moto: visited states")
        .isEqualTo(onMoto.visitedStates());
    assertThat(onAsl.status()).as("asl vs moto: status").isEqualTo(onMoto.status());
    assertThat(onAsl.error()).as("asl vs moto: error").isEqualTo(onMoto.error());
    assertThat(onAsl.cause()).as("asl vs moto: cause").isEqualTo(onMoto.cause());
    assertThat(onAsl.output()).as("asl vs moto: execution output").isEqualTo(onMoto.output());
    assertThat(onAsl.lambdaCalls())
        .as("asl vs moto: Lambda invocations (state, resource, parameters)")
        .isEqualTo(onMoto.lambdaCalls());
    assertThat(onAsl.taskFailures())
        .as("asl vs moto: task failures")
        .isEqualTo(onMoto.taskFailures());

    // The retry schedule: exact on asl, within a little slack of it on moto (which really sleeps).
    List<Duration> schedule = retrySchedule(scenario, definition);
    assertThat(onAsl.placementRetryDelays())
        .as("asl: PlaceCharges retry delays")
        .isEqualTo(schedule);
    assertThat(onMoto.placementRetryDelays())
        .as("moto: PlaceCharges retry delays")
        .hasSameSizeAs(schedule);
    for (int i = 0; i < schedule.size(); i++) {
      assertThat(onMoto.placementRetryDelays().get(i))
          .as("moto: PlaceCharges retry delay %d", i + 1)
          .isBetween(schedule.get(i).minusMillis(50), schedule.get(i).plus(MOTO_RETRY_SLACK));
    }

    if (!scenario.shortened().isEmpty()) {
      // The shortened fields are the only difference: the unchanged file, with the engine's clock
      // moved through its real timeouts and retry delays, ends exactly as the copy did.
      Run real = runOnAsl(scenario, check.realDefinition());
      assertThat(withoutRetryDelays(real))
          .as("asl: unchanged file vs test copy")
          .isEqualTo(withoutRetryDelays(onAsl));
      assertThat(real.placementRetryDelays())
          .as("asl: unchanged file's PlaceCharges retry delays")
          .isEqualTo(retrySchedule(scenario, check.realDefinition()))
          .isEqualTo(
              onAsl.placementRetryDelays().stream()
                  .map(
                      d ->
                          d.multipliedBy(
                              Shortening.PLACEMENT_RETRY_INTERVAL.real
                                  / Shortening.PLACEMENT_RETRY_INTERVAL.test))
                  .toList());
    }
  }

  /**
   * Each test copy differs from the file in its shortened fields only, and those hold the test
   * values.
   */
  @Test
  void testCopiesChangeOnlyTheirFields() {
    Set<Set<Shortening>> copies =
        scenarios().map(Scenario::shortened).collect(Collectors.toCollection(HashSet::new));
    copies.add(EnumSet.allOf(Shortening.class));
    check.assertTestCopiesChangeOnlyTheirFields(copies, List.of(Shortening.values()));
  }

  // ---------------------------------------------------------------------------------------------
  // moto

  private Run runOnMoto(Scenario scenario, String definition) throws Exception {
    List<String> queued = new ArrayList<>();
    String oversized = null;
    for (Canned result : scenario.lambdaResults()) {
      if (result instanceof Returns returns) {
        queued.add(returns.payloadJson());
      } else {
        if (oversized == null) {
          oversized = "{\"status\":\"" + "x".repeat(OVERSIZED_RESULT_CHARS) + "\"}";
        }
        queued.add(oversized);
      }
    }
    String executionArn = check.startOnMoto(definition, queued, scenario.name(), INPUT);
    MotoExecution done =
        check.finishOnMoto(
            executionArn, EnumSet.of(ExecutionStatus.SUCCEEDED, ExecutionStatus.FAILED));

    List<JsonNode> failures = new ArrayList<>();
    List<Duration> retryDelays = new ArrayList<>();
    Instant placementFailedAt = null;
    for (StateEvent stateEvent : done.events()) {
      String current = stateEvent.state();
      HistoryEvent event = stateEvent.event();
      if (event.type() == HistoryEventType.TASK_SCHEDULED
          && PLACE_CHARGES.equals(current)
          && placementFailedAt != null) {
        retryDelays.add(Duration.between(placementFailedAt, event.timestamp()));
      }
      if (event.type() == HistoryEventType.TASK_FAILED) {
        var details = event.taskFailedEventDetails();
        failures.add(taskFailure(current, details.error(), details.cause()));
        if (PLACE_CHARGES.equals(current)) {
          placementFailedAt = event.timestamp();
        }
      }
    }
    return new Run(
        done.visitedStates(),
        done.described().statusAsString(),
        done.described().error(),
        done.described().cause(),
        done.output(),
        done.lambdaCalls(),
        failures,
        retryDelays);
  }

  // ---------------------------------------------------------------------------------------------
  // asl

  /**
   * Runs the scenario on a fresh engine, moving the clock from one due retry to the next until the
   * execution ends.
   */
  private Run runOnAsl(Scenario scenario, String definition) {
    List<JsonNode> failures = new ArrayList<>();
    List<Instant> placementAttempts = new ArrayList<>();
    ManualClock clock = new ManualClock(ASL_START);
    AslRun<Canned> asl =
        check.onAsl(
            clock,
            scenario.lambdaResults(),
            (next, context) -> {
              if (PLACE_CHARGES.equals(context.stateName())) {
                placementAttempts.add(clock.instant());
              }
              if (next instanceof Returns returns) {
                return lambdaInvokeResult(returns.payloadJson());
              }
              // A function error, as the lambda:invoke integration reports it: errorType, and the
              // payload.
              failures.add(
                  taskFailure(context.stateName(), FUNCTION_ERROR_TYPE, FUNCTION_ERROR_DOCUMENT));
              throw new TaskFailedException(FUNCTION_ERROR_TYPE, FUNCTION_ERROR_DOCUMENT);
            });
    AslEngine engine = asl.engine();
    JsonNode tree = readJson(definition);

    String executionArn = asl.start(definition, INPUT);
    assertThat(asl.tokens()).as("asl: no task token handed out").isEmpty();
    // Whatever is still due (retry delays) runs now; the execution's own timeout must not be
    // reached.
    Instant executionDeadline = ASL_START.plusSeconds(tree.path("TimeoutSeconds").asLong());
    while (engine.describe(executionArn).status() == ExecutionDescription.Status.RUNNING) {
      Optional<Instant> next = engine.nextDueAt();
      if (next.isEmpty() || !next.get().isBefore(executionDeadline)) {
        fail(
            "asl: execution still RUNNING with nothing due before its own timeout; visited %s",
            engine.describe(executionArn).visitedStates());
      }
      engine.runUntil(next.get());
    }
    ExecutionDescription done = engine.describe(executionArn);

    asl.assertCannedResultsUsedUp();
    List<Duration> retryDelays =
        IntStream.range(1, placementAttempts.size())
            .mapToObj(i -> Duration.between(placementAttempts.get(i - 1), placementAttempts.get(i)))
            .toList();
    return new Run(
        done.visitedStates(),
        done.status().name(),
        done.error(),
        done.cause(),
        done.output(),
        asl.lambdaCalls(),
        failures,
        retryDelays);
  }

  // ---------------------------------------------------------------------------------------------
  // scenario bookkeeping

  /**
   * The delays before each PlaceCharges retry that {@code definition}'s States.ALL retrier
   * prescribes for this scenario: IntervalSeconds x BackoffRate^n (no MaxDelaySeconds, no jitter
   * there), one per function error that is followed by another attempt.
   */
  private static List<Duration> retrySchedule(Scenario scenario, String definition) {
    JsonNode retrier = readJson(definition).at("/States/" + PLACE_CHARGES + "/Retry/1");
    assertThat(retrier.has("MaxDelaySeconds") || retrier.has("JitterStrategy")).isFalse();
    long failures =
        scenario.lambdaResults().stream().filter(FunctionError.class::isInstance).count();
    long retries = Math.min(failures, retrier.path("MaxAttempts").asLong());
    List<Duration> delays = new ArrayList<>();
    for (int n = 0; n < retries; n++) {
      double seconds =
          retrier.path("IntervalSeconds").asDouble()
              * Math.pow(retrier.path("BackoffRate").asDouble(), n);
      delays.add(Duration.ofMillis(Math.round(seconds * 1000)));
    }
    return delays;
  }

  private static Run withoutRetryDelays(Run run) {
    return new Run(
        run.visitedStates(),
        run.status(),
        run.error(),
        run.cause(),
        run.output(),
        run.lambdaCalls(),
        run.taskFailures(),
        List.of());
  }

  private static JsonNode taskFailure(String state, String error, String cause) {
    ObjectNode failure = StateMachineCrossCheck.JSON.createObjectNode();
    failure.put("state", state);
    failure.put("error", error);
    failure.put("cause", cause);
    return failure;
  }

  private static String stateAndAction(JsonNode call) {
    return call.path("state").asText() + ":" + call.at("/parameters/Payload/action").asText();
  }

  private static String stateOf(String stateAndAction) {
    return stateAndAction.substring(0, stateAndAction.indexOf(':'));
  }
}
