package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.asl.AslEngine;
import com.platform.accounts.asl.ExecutionDescription;
import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.asl.StateMachine;
import com.platform.accounts.asl.TaskFailedException;
import com.platform.accounts.testkit.AwsEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
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
 * <p>How each side is driven:
 *
 * <ul>
 *   <li>moto: a state machine created through the Step Functions API, the placeholder replaced by
 *       the ARN of a dummy Lambda function that moto answers without Docker with the results queued
 *       through {@link AwsEmulator#queueLambdaResult}, all of them queued before the execution
 *       starts. A {@code .waitForTaskToken} task's token is read from its {@code TaskScheduled}
 *       event in {@code GetExecutionHistory} (the Payload's {@code taskToken}); the path from the
 *       {@code *StateEntered} events.
 *   <li>asl: an {@link AslEngine} on a {@link ManualClock} whose task invoker hands out the same
 *       canned results in the same order, wrapped as the {@code lambda:invoke} integration does
 *       ({@code {"Payload": <result>, "StatusCode": 200}}); a wait nobody answers is ended by moving
 *       the clock by that task's TimeoutSeconds, a retry delay by moving it to the retry's instant.
 * </ul>
 *
 * <p>A Lambda <em>function error</em> (scenario 5). moto's Docker-less Lambda ({@code
 * lambda-simple}) answers every invocation with status 200 and the queued text, with no way to ask
 * for an {@code X-Amz-Function-Error}, with one exception: a response bigger than Lambda's 6 MB
 * limit, which moto (like Lambda) turns into the function error {@code Unhandled} with the body
 * {@value #FUNCTION_ERROR_DOCUMENT}. So a canned {@link FunctionError} is queued on moto as a result
 * of {@value #OVERSIZED_RESULT_CHARS} characters; moto's interpreter then goes its real
 * function-error path ({@code LambdaFunctionErrorException}: error name = the document's {@code
 * errorType}, cause = the document), which is how AWS Step Functions names a function error that
 * the function reports itself. On asl the invoker throws that same error and cause. The error name
 * is therefore always {@value #FUNCTION_ERROR_TYPE}, never one the test picks (whether AWS names an
 * oversized response so or {@code Lambda.Unknown} was not checked); the definition only catches and
 * retries {@code States.ALL}, which matches any name alike. The test checks the
 * {@code TaskFailed} events moto recorded against what asl was given, so a moto that stopped
 * producing this function error would fail the test instead of quietly testing something else.
 *
 * <p>moto waits in real time, both for a task's TimeoutSeconds and for a retry's IntervalSeconds,
 * so the scenarios that need them run a <em>test copy</em> of the definition in which only the
 * fields of {@link Shortening} are changed; both engines run that same copy, {@link
 * #testCopiesChangeOnlyTheirFields()} proves nothing else differs, and the asl engine also runs
 * the unchanged file with its clock moved through the real durations and must end exactly as with
 * the copy (retry delays scaled by the real/test ratio). The BackoffRate is left alone, so the
 * shortened retry schedule keeps its shape (1, 2, 4, 8, 16 s instead of 10, 20, 40, 80, 160 s) and
 * is checked on both engines.
 *
 * <p>Other moto limitations (see {@code ContactVerificationStateMachineCrossCheckIT}):
 * SendTaskFailure refuses {@code States.} error names and drops the cause; none of these
 * scenarios sends a task failure, so neither matters here.
 */
@ExtendWith(AwsEmulator.class)
class CardVerificationStateMachineCrossCheckIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Path DEFINITION = LocalRuntime.findRepoRoot()
      .resolve("infrastructure/statemachines/card-verification.asl.json");
  private static final String PLACEHOLDER = "${CardVerificationTasksFunctionArn}";

  private static final String STATE_MACHINE_NAME = "card-verification";
  private static final String STATES_ROLE_ARN = "arn:aws:iam::123456789012:role/card-verification-states";
  private static final String FUNCTION_NAME = "card-verification-tasks";
  /** sc. 5 spends about 31 s in moto's retry delays; everything else is far quicker. */
  private static final Duration MOTO_DEADLINE = Duration.ofSeconds(60);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
  /** How much later than the definition says moto may start a retry (sleep plus bookkeeping). */
  private static final Duration MOTO_RETRY_SLACK = Duration.ofMillis(750);
  private static final Instant ASL_START = Instant.parse("2026-03-01T09:00:00Z");
  private static final String TOKEN_MARK = "<task token>";

  private static final String INPUT = "{\"accountId\": \"acc_x\", \"paymentMethodId\": \"pm_x\"}";

  // The states the scenarios talk about.
  private static final String PLACE_CHARGES = "PlaceCharges";
  private static final String FIRST_DAY = "AwaitOwnerFirstDay";
  private static final String REST_OF_WEEK = "AwaitOwnerRestOfWeek";
  /** The {@code .waitForTaskToken} states, in the order an execution can reach them. */
  private static final List<String> WAIT_STATES = List.of(FIRST_DAY, REST_OF_WEEK);

  // What CardVerificationTasks answers (see handlers/tasks/CardVerificationTasks).
  private static final Canned PENDING = new Returns("{\"status\":\"PENDING_VERIFICATION\"}");
  private static final Canned VERIFIED = new Returns("{\"status\":\"VERIFIED\"}");
  private static final Canned FAILED = new Returns("{\"status\":\"FAILED\"}");
  private static final Canned WAITING = new Returns("{\"status\":\"WAITING\"}");
  private static final Canned FUNCTION_ERROR = new FunctionError();

  /** moto's answer to an oversized response (moto/awslambda/responses.py), as its interpreter re-serialises it. */
  static final String FUNCTION_ERROR_DOCUMENT = "{\"errorMessage\":\"Response payload size exceeded maximum"
      + " allowed payload size (6291556 bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}";
  static final String FUNCTION_ERROR_TYPE = "Function.ResponseSizeTooLarge";
  /** moto reports a function error for a response whose {@code sys.getsizeof} exceeds 6,000,000. */
  static final int OVERSIZED_RESULT_CHARS = 6_000_000;

  private static final String CARD_VERIFICATION_FAILED = "CardVerificationFailed";
  private static final String FAILED_CAUSE = "A step failed; the charges were released.";

  /** A field of the definition that a test copy shortens, with its value in the file and in the copy. */
  enum Shortening {
    FIRST_DAY_TIMEOUT("/States/AwaitOwnerFirstDay/TimeoutSeconds", 82_800, 1),
    REST_OF_WEEK_TIMEOUT("/States/AwaitOwnerRestOfWeek/TimeoutSeconds", 518_400, 1),
    PLACEMENT_RETRY_INTERVAL("/States/PlaceCharges/Retry/0/IntervalSeconds", 10, 1);

    final String pointer;
    final int real;
    final int test;

    Shortening(String pointer, int real, int test) {
      this.pointer = pointer;
      this.real = real;
      this.test = test;
    }
  }

  /** What the Lambda function answers to one invocation. */
  sealed interface Canned permits Returns, FunctionError {}

  /** A normal answer: this JSON as the function's result. */
  record Returns(String payloadJson) implements Canned {}

  /** A function error ({@value #FUNCTION_ERROR_TYPE}, see the class doc for why that one). */
  record FunctionError() implements Canned {}

  /** How one {@code .waitForTaskToken} wait ends. */
  sealed interface Answer permits Resume, NoAnswer {}

  /** SendTaskSuccess with this output. */
  record Resume(String output) implements Answer {}

  /** Nobody answers: the task's TimeoutSeconds passes. */
  record NoAnswer() implements Answer {}

  /**
   * @param answers how each wait the execution reaches ends, in order (see {@link #WAIT_STATES})
   * @param lambdaResults the function's answers, invocation by invocation (a {@code
   *     .waitForTaskToken} task's own invocation included, whose answer the task ignores)
   * @param shortened the fields the test copy changes; empty: both engines run the file itself
   * @param expectedCalls each Lambda invocation as {@code State:ACTION}, in order
   * @param expectedOutput the execution output when it succeeds, {@code null} when it fails
   */
  record Scenario(String name, List<Answer> answers, List<Canned> lambdaResults, Set<Shortening> shortened,
      List<String> expectedPath, List<String> expectedCalls, String expectedStatus, String expectedOutput) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** What one engine did with one scenario. */
  record Run(List<String> visitedStates, String status, String error, String cause, JsonNode output,
      List<JsonNode> lambdaCalls, List<JsonNode> taskFailures, List<Duration> placementRetryDelays) {}

  private static final List<String> ANSWERED_ON_DAY_ONE = List.of(
      PLACE_CHARGES, "IsPending", "NotifyOwner", FIRST_DAY, "ReleaseAfterAnswer", "Done");
  private static final List<String> ANSWERED_LATER = List.of(PLACE_CHARGES, "IsPending", "NotifyOwner",
      FIRST_DAY, "ReleaseAfterFirstDay", "StillPending", REST_OF_WEEK, "ReleaseAfterAnswer", "Done");
  private static final List<String> NEVER_ANSWERED = List.of(PLACE_CHARGES, "IsPending", "NotifyOwner",
      FIRST_DAY, "ReleaseAfterFirstDay", "StillPending", REST_OF_WEEK, "ExpireVerification", "Done");
  private static final List<String> PLACEMENT_FAILED =
      List.of(PLACE_CHARGES, "ReleaseAfterFailure", "Failed");
  private static final List<String> ANSWERED_BEFORE_START =
      List.of(PLACE_CHARGES, "IsPending", "ReleaseAfterAnswer", "Done");

  private static final String TIMEOUT = "{\"Error\":\"States.Timeout\",\"Cause\":\"\"}";

  static Stream<Scenario> scenarios() {
    return Stream.of(
        new Scenario("1 the owner proves the card on day one",
            List.of(new Resume("{\"status\":\"VERIFIED\"}")),
            List.of(PENDING, PENDING, WAITING, VERIFIED),
            EnumSet.noneOf(Shortening.class),
            ANSWERED_ON_DAY_ONE,
            List.of("PlaceCharges:PLACE_CHARGES", "NotifyOwner:NOTIFY_CHARGES_PLACED",
                "AwaitOwnerFirstDay:AWAIT_OWNER", "ReleaseAfterAnswer:RELEASE_CHARGES"),
            "SUCCEEDED",
            """
            {"accountId": "acc_x", "paymentMethodId": "pm_x",
             "placement": {"status": "PENDING_VERIFICATION"}, "answer": {"status": "VERIFIED"}}"""),
        new Scenario("2 five wrong answers",
            List.of(new Resume("{\"status\":\"FAILED\"}")),
            List.of(PENDING, PENDING, WAITING, FAILED),
            EnumSet.noneOf(Shortening.class),
            ANSWERED_ON_DAY_ONE,
            List.of("PlaceCharges:PLACE_CHARGES", "NotifyOwner:NOTIFY_CHARGES_PLACED",
                "AwaitOwnerFirstDay:AWAIT_OWNER", "ReleaseAfterAnswer:RELEASE_CHARGES"),
            "SUCCEEDED",
            """
            {"accountId": "acc_x", "paymentMethodId": "pm_x",
             "placement": {"status": "PENDING_VERIFICATION"}, "answer": {"status": "FAILED"}}"""),
        new Scenario("3 no answer on day one, proven later in the week",
            List.of(new NoAnswer(), new Resume("{\"status\":\"VERIFIED\"}")),
            List.of(PENDING, PENDING, WAITING, PENDING, WAITING, VERIFIED),
            EnumSet.of(Shortening.FIRST_DAY_TIMEOUT),
            ANSWERED_LATER,
            List.of("PlaceCharges:PLACE_CHARGES", "NotifyOwner:NOTIFY_CHARGES_PLACED",
                "AwaitOwnerFirstDay:AWAIT_OWNER", "ReleaseAfterFirstDay:RELEASE_CHARGES",
                "AwaitOwnerRestOfWeek:AWAIT_OWNER", "ReleaseAfterAnswer:RELEASE_CHARGES"),
            "SUCCEEDED",
            """
            {"accountId": "acc_x", "paymentMethodId": "pm_x",
             "placement": {"status": "PENDING_VERIFICATION"}, "timeout": %s,
             "release": {"status": "PENDING_VERIFICATION"}, "answer": {"status": "VERIFIED"}}"""
                .formatted(TIMEOUT)),
        new Scenario("4 no answer in seven days",
            List.of(new NoAnswer(), new NoAnswer()),
            List.of(PENDING, PENDING, WAITING, PENDING, WAITING, FAILED),
            EnumSet.of(Shortening.FIRST_DAY_TIMEOUT, Shortening.REST_OF_WEEK_TIMEOUT),
            NEVER_ANSWERED,
            List.of("PlaceCharges:PLACE_CHARGES", "NotifyOwner:NOTIFY_CHARGES_PLACED",
                "AwaitOwnerFirstDay:AWAIT_OWNER", "ReleaseAfterFirstDay:RELEASE_CHARGES",
                "AwaitOwnerRestOfWeek:AWAIT_OWNER", "ExpireVerification:EXPIRE_VERIFICATION"),
            "SUCCEEDED",
            // the second timeout's Catch output replaces the first one's at $.timeout
            """
            {"accountId": "acc_x", "paymentMethodId": "pm_x",
             "placement": {"status": "PENDING_VERIFICATION"}, "timeout": %s,
             "release": {"status": "PENDING_VERIFICATION"}}""".formatted(TIMEOUT)),
        new Scenario("5 placing the charges fails every time",
            List.of(),
            List.of(FUNCTION_ERROR, FUNCTION_ERROR, FUNCTION_ERROR, FUNCTION_ERROR, FUNCTION_ERROR,
                FUNCTION_ERROR, PENDING),
            EnumSet.of(Shortening.PLACEMENT_RETRY_INTERVAL),
            PLACEMENT_FAILED,
            Stream.concat(Collections.nCopies(6, "PlaceCharges:PLACE_CHARGES").stream(),
                Stream.of("ReleaseAfterFailure:RELEASE_CHARGES")).toList(),
            "FAILED",
            null),
        new Scenario("6 the card was answered before the workflow started",
            List.of(),
            List.of(VERIFIED, VERIFIED),
            EnumSet.noneOf(Shortening.class),
            ANSWERED_BEFORE_START,
            List.of("PlaceCharges:PLACE_CHARGES", "ReleaseAfterAnswer:RELEASE_CHARGES"),
            "SUCCEEDED",
            """
            {"accountId": "acc_x", "paymentMethodId": "pm_x", "placement": {"status": "VERIFIED"}}"""));
  }

  private AwsEmulator aws;
  private SfnClient sfn;
  private LambdaClient lambda;
  private String functionArn;

  @BeforeEach
  void startFromNothing(AwsEmulator aws) {
    this.aws = aws;
    aws.reset();
    aws.enableStepFunctionsExecution();
    aws.useLambdaWithoutDocker();
    sfn = SfnClient.builder().applyMutation(b -> configure(b, aws)).build();
    lambda = LambdaClient.builder().applyMutation(b -> configure(b, aws)).build();
    String roleArn;
    try (IamClient iam = IamClient.builder().applyMutation(b -> configure(b, aws)).build()) {
      roleArn = iam.createRole(r -> r.roleName(FUNCTION_NAME).assumeRolePolicyDocument("""
          {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
            "Principal": {"Service": "lambda.amazonaws.com"}}]}""")).role().arn();
    }
    // Never run: moto without Docker answers with the queued results.
    functionArn = lambda.createFunction(f -> f.functionName(FUNCTION_NAME).runtime(Runtime.JAVA17)
            .role(roleArn)
            .handler("com.platform.accounts.handlers.tasks.CardVerificationTasks::handleRequest")
            .code(c -> c.zipFile(SdkBytes.fromByteArray(dummyZip()))))
        .functionArn();
  }

  @AfterEach
  void closeClients() {
    if (sfn != null) {
      sfn.close();
    }
    if (lambda != null) {
      lambda.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void motoAndAslAgree(Scenario scenario) throws Exception {
    String definition = testCopy(realDefinition(), scenario.shortened());

    Run onMoto = runOnMoto(scenario, definition);
    Run onAsl = runOnAsl(scenario, definition);

    // moto took the path the scenario is about (two engines agreeing on a wrong path fail here) ...
    assertThat(onMoto.visitedStates()).as("moto: visited states").isEqualTo(scenario.expectedPath());
    assertThat(onMoto.status()).as("moto: status").isEqualTo(scenario.expectedStatus());
    assertThat(onMoto.lambdaCalls().stream().map(CardVerificationStateMachineCrossCheckIT::stateAndAction))
        .as("moto: Lambda invocations").containsExactlyElementsOf(scenario.expectedCalls());
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
        expectedFailures.add(taskFailure(stateOf(scenario.expectedCalls().get(i)), FUNCTION_ERROR_TYPE,
            FUNCTION_ERROR_DOCUMENT));
      }
    }
    assertThat(onMoto.taskFailures()).as("moto: TaskFailed events").isEqualTo(expectedFailures);

    // ... and asl agrees with moto on everything observable.
    assertThat(onAsl.visitedStates()).as("asl vs moto: visited states").isEqualTo(onMoto.visitedStates());
    assertThat(onAsl.status()).as("asl vs moto: status").isEqualTo(onMoto.status());
    assertThat(onAsl.error()).as("asl vs moto: error").isEqualTo(onMoto.error());
    assertThat(onAsl.cause()).as("asl vs moto: cause").isEqualTo(onMoto.cause());
    assertThat(onAsl.output()).as("asl vs moto: execution output").isEqualTo(onMoto.output());
    assertThat(onAsl.lambdaCalls()).as("asl vs moto: Lambda invocations (state, resource, parameters)")
        .isEqualTo(onMoto.lambdaCalls());
    assertThat(onAsl.taskFailures()).as("asl vs moto: task failures").isEqualTo(onMoto.taskFailures());

    // The retry schedule: exact on asl, within a little slack of it on moto (which really sleeps).
    List<Duration> schedule = retrySchedule(scenario, definition);
    assertThat(onAsl.placementRetryDelays()).as("asl: PlaceCharges retry delays").isEqualTo(schedule);
    assertThat(onMoto.placementRetryDelays()).as("moto: PlaceCharges retry delays").hasSameSizeAs(schedule);
    for (int i = 0; i < schedule.size(); i++) {
      assertThat(onMoto.placementRetryDelays().get(i)).as("moto: PlaceCharges retry delay %d", i + 1)
          .isBetween(schedule.get(i).minusMillis(50), schedule.get(i).plus(MOTO_RETRY_SLACK));
    }

    if (!scenario.shortened().isEmpty()) {
      // The shortened fields are the only difference: the unchanged file, with the engine's clock
      // moved through its real timeouts and retry delays, ends exactly as the copy did.
      Run real = runOnAsl(scenario, realDefinition());
      assertThat(withoutRetryDelays(real)).as("asl: unchanged file vs test copy")
          .isEqualTo(withoutRetryDelays(onAsl));
      assertThat(real.placementRetryDelays()).as("asl: unchanged file's PlaceCharges retry delays")
          .isEqualTo(retrySchedule(scenario, realDefinition()))
          .isEqualTo(onAsl.placementRetryDelays().stream()
              .map(d -> d.multipliedBy(Shortening.PLACEMENT_RETRY_INTERVAL.real
                  / Shortening.PLACEMENT_RETRY_INTERVAL.test))
              .toList());
    }
  }

  /** Each test copy differs from the file in its shortened fields only, and those hold the test values. */
  @Test
  void testCopiesChangeOnlyTheirFields() {
    JsonNode real = readJson(realDefinition());
    Set<Set<Shortening>> copies =
        scenarios().map(Scenario::shortened).collect(Collectors.toCollection(HashSet::new));
    copies.add(EnumSet.allOf(Shortening.class));
    for (Set<Shortening> shortened : copies) {
      JsonNode copy = readJson(testCopy(realDefinition(), shortened));
      for (Shortening field : Shortening.values()) {
        assertThat(real.at(field.pointer).isIntegralNumber()).as("file: %s", field.pointer).isTrue();
        assertThat(real.at(field.pointer).asLong()).as("file: %s", field.pointer).isEqualTo(field.real);
        assertThat(copy.at(field.pointer).asLong()).as("copy %s: %s", shortened, field.pointer)
            .isEqualTo(shortened.contains(field) ? field.test : field.real);
        put(copy, field.pointer, field.real);
      }
      assertThat(copy).as("copy %s with the real values put back", shortened).isEqualTo(real);
    }
    assertThat(realDefinition()).doesNotContain("${").contains(functionArn);
  }

  // ---------------------------------------------------------------------------------------------
  // moto

  private Run runOnMoto(Scenario scenario, String definition) throws Exception {
    String stateMachineArn = sfn.createStateMachine(c -> c.name(STATE_MACHINE_NAME)
        .definition(definition).roleArn(STATES_ROLE_ARN)).stateMachineArn();
    // All queued up front, so which invocation gets which answer does not depend on timing.
    String oversized = null;
    for (Canned result : scenario.lambdaResults()) {
      if (result instanceof Returns returns) {
        aws.queueLambdaResult(returns.payloadJson());
      } else {
        if (oversized == null) {
          oversized = "{\"status\":\"" + "x".repeat(OVERSIZED_RESULT_CHARS) + "\"}";
        }
        aws.queueLambdaResult(oversized);
      }
    }
    // Always a name: without one moto ends the ARN in ":None" and the next start collides.
    String executionArn = sfn.startExecution(s -> s.stateMachineArn(stateMachineArn)
        .name(executionName(scenario)).input(INPUT)).executionArn();

    for (int i = 0; i < scenario.answers().size(); i++) {
      if (scenario.answers().get(i) instanceof Resume resume) {
        String token = awaitTaskToken(executionArn, WAIT_STATES.get(i));
        sfn.sendTaskSuccess(s -> s.taskToken(token).output(resume.output()));
      } // NoAnswer: moto's own timer ends the wait.
    }
    DescribeExecutionResponse done = awaitEnd(executionArn);
    List<HistoryEvent> history = history(executionArn);

    // Every canned result was used: with the queue empty, moto's Lambda echoes the request payload.
    String probe = "{\"probe\":\"queue is empty\"}";
    String answer = lambda.invoke(i -> i.functionName(FUNCTION_NAME).payload(SdkBytes.fromUtf8String(probe)))
        .payload().asUtf8String();
    assertThat(readJson(answer)).as("moto: canned Lambda results left over").isEqualTo(readJson(probe));

    List<String> visited = new ArrayList<>();
    List<JsonNode> calls = new ArrayList<>();
    List<JsonNode> failures = new ArrayList<>();
    List<Duration> retryDelays = new ArrayList<>();
    Instant placementFailedAt = null;
    String current = null;
    for (HistoryEvent event : history) {
      if (event.stateEnteredEventDetails() != null) {
        current = event.stateEnteredEventDetails().name();
        visited.add(current);
      }
      if (event.type() == HistoryEventType.TASK_SCHEDULED) {
        var details = event.taskScheduledEventDetails();
        calls.add(lambdaCall(current, "arn:aws:states:::" + details.resourceType() + ":" + details.resource(),
            readJson(details.parameters())));
        if (PLACE_CHARGES.equals(current) && placementFailedAt != null) {
          retryDelays.add(Duration.between(placementFailedAt, event.timestamp()));
        }
      }
      if (event.type() == HistoryEventType.TASK_FAILED) {
        var details = event.taskFailedEventDetails();
        failures.add(taskFailure(current, details.error(), details.cause()));
        if (PLACE_CHARGES.equals(current)) {
          placementFailedAt = event.timestamp();
        }
      }
    }
    if (done.status() != ExecutionStatus.SUCCEEDED && done.status() != ExecutionStatus.FAILED) {
      fail("moto: execution ended %s (%s: %s); history: %s", done.statusAsString(), done.error(),
          done.cause(), history);
    }
    JsonNode output = done.output() == null ? null : readJson(done.output());
    return new Run(visited, done.statusAsString(), done.error(), done.cause(), output, calls, failures,
        retryDelays);
  }

  /**
   * Polls the history until {@code state} was entered and its {@code .waitForTaskToken} Lambda call
   * was made; returns the task token from that call's parameters.
   */
  private String awaitTaskToken(String executionArn, String state) throws InterruptedException {
    Instant deadline = Instant.now().plus(MOTO_DEADLINE);
    while (Instant.now().isBefore(deadline)) {
      List<HistoryEvent> history = history(executionArn);
      String current = null;
      HistoryEvent scheduled = null;
      boolean submitted = false;
      for (HistoryEvent event : history) {
        if (event.stateEnteredEventDetails() != null) {
          current = event.stateEnteredEventDetails().name();
        } else if (state.equals(current)) {
          switch (event.type()) {
            case TASK_SCHEDULED -> scheduled = event;
            case TASK_SUBMITTED -> submitted = true;
            case TASK_FAILED, TASK_TIMED_OUT, TASK_SUCCEEDED ->
                fail("moto: %s ended before it was answered: %s", state, history);
            default -> { }
          }
        }
        if (isExecutionEnd(event.type())) {
          fail("moto: the execution ended before %s waited: %s", state, history);
        }
      }
      if (scheduled != null && submitted) {
        String token = readJson(scheduled.taskScheduledEventDetails().parameters())
            .path("Payload").path("taskToken").asText("");
        assertThat(token).as("moto: task token in %s's TaskScheduled parameters", state).isNotBlank();
        return token;
      }
      Thread.sleep(POLL_INTERVAL.toMillis());
    }
    throw new AssertionError("moto: " + state + "'s Lambda call not seen within " + MOTO_DEADLINE
        + "; history: " + history(executionArn));
  }

  private static boolean isExecutionEnd(HistoryEventType type) {
    return type == HistoryEventType.EXECUTION_SUCCEEDED || type == HistoryEventType.EXECUTION_FAILED
        || type == HistoryEventType.EXECUTION_TIMED_OUT || type == HistoryEventType.EXECUTION_ABORTED;
  }

  private DescribeExecutionResponse awaitEnd(String executionArn) throws InterruptedException {
    Instant deadline = Instant.now().plus(MOTO_DEADLINE);
    DescribeExecutionResponse described;
    while ((described = sfn.describeExecution(d -> d.executionArn(executionArn))).status()
        == ExecutionStatus.RUNNING) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("moto: execution still RUNNING after " + MOTO_DEADLINE
            + "; history: " + history(executionArn));
      }
      Thread.sleep(POLL_INTERVAL.toMillis());
    }
    return described;
  }

  private List<HistoryEvent> history(String executionArn) {
    return sfn.getExecutionHistoryPaginator(h -> h.executionArn(executionArn)).events().stream().toList();
  }

  // ---------------------------------------------------------------------------------------------
  // asl

  /** A task token the asl engine handed to a {@code .waitForTaskToken} task. */
  private record IssuedToken(String state, String token) {}

  /**
   * Runs the scenario on a fresh engine: answers each wait as the scenario says (moving the clock by
   * the task's own TimeoutSeconds in {@code definition} when nobody answers), then moves the clock
   * from one due retry to the next until the execution ends.
   */
  private Run runOnAsl(Scenario scenario, String definition) {
    Deque<Canned> canned = new ArrayDeque<>(scenario.lambdaResults());
    List<JsonNode> calls = new ArrayList<>();
    List<JsonNode> failures = new ArrayList<>();
    List<Instant> placementAttempts = new ArrayList<>();
    List<IssuedToken> tokens = new ArrayList<>();
    ManualClock clock = new ManualClock(ASL_START);
    AslEngine engine = new AslEngine((resource, parameters, context) -> {
      calls.add(lambdaCall(context.stateName(), resource, parameters));
      if (PLACE_CHARGES.equals(context.stateName())) {
        placementAttempts.add(clock.instant());
      }
      if (context.taskToken() != null) {
        tokens.add(new IssuedToken(context.stateName(), context.taskToken()));
      }
      Canned next = canned.poll();
      if (next == null) {
        // Not a task failure: Retry/Catch would hide the mistake. Fail the test instead.
        throw new AssertionError("asl: no canned Lambda result left for " + context.stateName());
      }
      if (next instanceof Returns returns) {
        ObjectNode invocation = JSON.createObjectNode();
        invocation.set("Payload", readJson(returns.payloadJson()));
        invocation.put("StatusCode", 200);
        return invocation;
      }
      // A function error, as the lambda:invoke integration reports it: errorType, and the payload.
      failures.add(taskFailure(context.stateName(), FUNCTION_ERROR_TYPE, FUNCTION_ERROR_DOCUMENT));
      throw new TaskFailedException(FUNCTION_ERROR_TYPE, FUNCTION_ERROR_DOCUMENT);
    }, clock);
    JsonNode tree = readJson(definition);
    StateMachine machine = engine.parse(definition);

    String executionArn = engine.startExecution(machine, STATE_MACHINE_NAME, "cross-check", readJson(INPUT));
    for (int i = 0; i < scenario.answers().size(); i++) {
      String state = WAIT_STATES.get(i);
      assertThat(tokens).as("asl: task tokens when %s should wait", state).hasSize(i + 1);
      assertThat(tokens.get(i).state()).as("asl: state waiting for its token").isEqualTo(state);
      if (scenario.answers().get(i) instanceof Resume resume) {
        engine.sendTaskSuccess(tokens.get(i).token(), readJson(resume.output()));
      } else {
        long timeout = tree.at("/States/" + state + "/TimeoutSeconds").asLong();
        assertThat(timeout).as("asl: %s's TimeoutSeconds", state).isPositive();
        engine.runUntil(clock.instant().plusSeconds(timeout));
      }
    }
    assertThat(tokens).as("asl: task tokens handed out").hasSize(scenario.answers().size());
    // Whatever is still due (retry delays) runs now; the execution's own timeout must not be reached.
    Instant executionDeadline = ASL_START.plusSeconds(tree.path("TimeoutSeconds").asLong());
    while (engine.describe(executionArn).status() == ExecutionDescription.Status.RUNNING) {
      Optional<Instant> next = engine.nextDueAt();
      if (next.isEmpty() || !next.get().isBefore(executionDeadline)) {
        fail("asl: execution still RUNNING with nothing due before its own timeout; visited %s",
            engine.describe(executionArn).visitedStates());
      }
      engine.runUntil(next.get());
    }
    ExecutionDescription done = engine.describe(executionArn);

    assertThat(canned).as("asl: canned Lambda results left over").isEmpty();
    List<Duration> retryDelays = IntStream.range(1, placementAttempts.size())
        .mapToObj(i -> Duration.between(placementAttempts.get(i - 1), placementAttempts.get(i)))
        .toList();
    return new Run(done.visitedStates(), done.status().name(), done.error(), done.cause(), done.output(),
        calls, failures, retryDelays);
  }

  // ---------------------------------------------------------------------------------------------
  // shared

  /**
   * The delays before each PlaceCharges retry that {@code definition}'s first retrier prescribes
   * for this scenario: IntervalSeconds x BackoffRate^n (no MaxDelaySeconds, no jitter there), one per
   * function error that is followed by another attempt.
   */
  private static List<Duration> retrySchedule(Scenario scenario, String definition) {
    JsonNode retrier = readJson(definition).at("/States/" + PLACE_CHARGES + "/Retry/0");
    assertThat(retrier.has("MaxDelaySeconds") || retrier.has("JitterStrategy")).isFalse();
    long failures = scenario.lambdaResults().stream().filter(FunctionError.class::isInstance).count();
    long retries = Math.min(failures, retrier.path("MaxAttempts").asLong());
    List<Duration> delays = new ArrayList<>();
    for (int n = 0; n < retries; n++) {
      double seconds = retrier.path("IntervalSeconds").asDouble() * Math.pow(retrier.path("BackoffRate").asDouble(), n);
      delays.add(Duration.ofMillis(Math.round(seconds * 1000)));
    }
    return delays;
  }

  /** One Lambda invocation as both engines can report it; the token (random per engine) is masked. */
  private static JsonNode lambdaCall(String state, String resource, JsonNode parameters) {
    ObjectNode params = parameters.deepCopy();
    if (params.path("Payload") instanceof ObjectNode payload && payload.has("taskToken")) {
      assertThat(payload.path("taskToken").asText("")).as("taskToken passed to " + state).isNotBlank();
      payload.put("taskToken", TOKEN_MARK);
    }
    ObjectNode call = JSON.createObjectNode();
    call.put("state", state);
    call.put("resource", resource);
    call.set("parameters", params);
    return call;
  }

  private static Run withoutRetryDelays(Run run) {
    return new Run(run.visitedStates(), run.status(), run.error(), run.cause(), run.output(),
        run.lambdaCalls(), run.taskFailures(), List.of());
  }

  private static JsonNode taskFailure(String state, String error, String cause) {
    ObjectNode failure = JSON.createObjectNode();
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

  /** A valid execution name (1-80 characters, no blanks or punctuation) made from the scenario's. */
  private static String executionName(Scenario scenario) {
    String slug = scenario.name().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    return slug.substring(0, Math.min(slug.length(), 80));
  }

  /** The file as SAM would deploy it: the placeholder replaced by the function's ARN. */
  private String realDefinition() {
    try {
      String text = Files.readString(DEFINITION, StandardCharsets.UTF_8);
      assertThat(text).contains(PLACEHOLDER);
      return text.replace(PLACEHOLDER, functionArn);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The definition with the given fields shortened (checked to hold their real values first); itself if none. */
  private static String testCopy(String definition, Set<Shortening> shortened) {
    if (shortened.isEmpty()) {
      return definition;
    }
    JsonNode tree = readJson(definition);
    for (Shortening field : shortened) {
      assertThat(tree.at(field.pointer).asLong()).as("file: %s", field.pointer).isEqualTo(field.real);
      put(tree, field.pointer, field.test);
    }
    try {
      return JSON.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sets the integer at a JSON pointer whose parent is an object. */
  private static void put(JsonNode tree, String pointer, int value) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = tree.at(pointer.substring(0, slash));
    assertThat(parent.isObject()).as("parent of %s", pointer).isTrue();
    ((ObjectNode) parent).put(pointer.substring(slash + 1), value);
  }

  private static JsonNode readJson(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }

  private static byte[] dummyZip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("README.txt"));
      zip.write("never run: moto answers with queued results".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> void configure(
      B builder, AwsEmulator aws) {
    builder.endpointOverride(aws.endpoint())
        .region(Region.of(aws.region()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(aws.accessKeyId(), aws.secretAccessKey())))
        .httpClientBuilder(UrlConnectionHttpClient.builder());
  }
}
