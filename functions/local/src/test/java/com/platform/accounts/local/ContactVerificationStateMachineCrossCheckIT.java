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
import com.platform.accounts.asl.TaskContext;
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
import java.util.Deque;
import java.util.List;
import java.util.Optional;
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
 * Runs {@code infrastructure/statemachines/contact-verification.asl.json} on moto's Step Functions
 * interpreter (LocalStack's, behind the real Step Functions API) and on the project's own {@code
 * asl} engine, with the same input and the same canned task results, and requires both to visit
 * the same states in the same order, end in the same status and produce the same output. The Lambda
 * payloads the tasks were invoked with are compared as well.
 *
 * <p>How each side is driven:
 *
 * <ul>
 *   <li>moto: a state machine created through the Step Functions API (CloudFormation-made ones do
 *       not execute), the placeholder replaced by the ARN of a dummy Lambda function; moto runs it
 *       without Docker and answers each invocation with the next result queued through {@link
 *       AwsEmulator#queueLambdaResult}. The {@code .waitForTaskToken} task's token is read from the
 *       {@code TaskScheduled} event of {@code GetExecutionHistory} (its {@code parameters} carry the
 *       Payload with {@code taskToken}), the path from the {@code *StateEntered} events.
 *   <li>asl: an {@link AslEngine} on a {@link ManualClock}, with a task invoker that hands out the
 *       same canned results in the same order, wrapped as the {@code lambda:invoke} integration
 *       does ({@code {"Payload": <result>, "StatusCode": 200}}).
 * </ul>
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
 * <p>A timed-out task's Catch output is compared in full, {@code Cause} included: moto binds
 * {@code "Cause": ""} there, which is also what AWS itself puts in that output.
 */
@ExtendWith(AwsEmulator.class)
class ContactVerificationStateMachineCrossCheckIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Path DEFINITION = LocalRuntime.findRepoRoot()
      .resolve("infrastructure/statemachines/contact-verification.asl.json");
  private static final String PLACEHOLDER = "${ContactVerificationTasksFunctionArn}";
  private static final String WAITING_STATE = "AwaitVerification";
  private static final int REAL_WAIT_TIMEOUT_SECONDS = 86_400;
  /** AwaitVerification's TimeoutSeconds in the test copy used by the scenarios that time out. */
  static final int TEST_WAIT_TIMEOUT_SECONDS = 2;

  private static final String STATE_MACHINE_NAME = "contact-verification";
  private static final String STATES_ROLE_ARN = "arn:aws:iam::123456789012:role/contact-verification-states";
  private static final String FUNCTION_NAME = "contact-verification-tasks";
  private static final Duration MOTO_DEADLINE = Duration.ofSeconds(30);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
  private static final Instant ASL_START = Instant.parse("2026-03-01T09:00:00Z");
  private static final String TOKEN_MARK = "<task token>";

  // What ContactVerificationTasks answers for each action.
  private static final String WAITING = "{\"status\":\"WAITING\"}";
  private static final String VERIFIED = "{\"status\":\"VERIFIED\"}";
  private static final String EXPIRED = "{\"status\":\"EXPIRED\"}";

  private static final List<String> PROVEN_PATH =
      List.of("AwaitVerification", "WasVerified", "PublishVerified", "Verified");
  private static final List<String> EXPIRED_PATH =
      List.of("AwaitVerification", "ExpireChallenge", "VerifiedAtTheEnd", "Expired");
  private static final List<String> LAST_MOMENT_PATH = List.of(
      "AwaitVerification", "ExpireChallenge", "VerifiedAtTheEnd", "PublishVerified", "Verified");
  private static final List<String> GONE_PATH = List.of(
      "AwaitVerification", "WasVerified", "ExpireChallenge", "VerifiedAtTheEnd", "Expired");

  /** How the AwaitVerification wait ends. */
  sealed interface Ending permits TaskSuccess, TaskFailure, WaitTimesOut {}

  /** SendTaskSuccess with this output. */
  record TaskSuccess(String output) implements Ending {}

  /** SendTaskFailure with this error and cause. */
  record TaskFailure(String error, String cause) implements Ending {}

  /** Nobody answers: AwaitVerification's TimeoutSeconds passes (on the test copy, see class doc). */
  record WaitTimesOut() implements Ending {}

  /**
   * @param lambdaResults what the Lambda function answers, invocation by invocation (the first is
   *     AwaitVerification's own invocation, whose answer a {@code .waitForTaskToken} task ignores)
   */
  record Scenario(String name, Ending ending, List<String> lambdaResults, List<String> expectedPath) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** What one engine did with one scenario. */
  record Run(List<String> visitedStates, String status, JsonNode output, List<JsonNode> lambdaCalls) {}

  static Stream<Scenario> scenarios() {
    return Stream.of(
        new Scenario("1 the code is proven",
            new TaskSuccess(VERIFIED), List.of(WAITING, VERIFIED), PROVEN_PATH),
        new Scenario("2 the challenge expires (wait times out)",
            new WaitTimesOut(), List.of(WAITING, EXPIRED), EXPIRED_PATH),
        new Scenario("3 the proof wins the race at the last moment (wait times out)",
            new WaitTimesOut(), List.of(WAITING, VERIFIED, VERIFIED), LAST_MOMENT_PATH),
        new Scenario("3b the proof wins the race after the wait was failed by SendTaskFailure",
            new TaskFailure("ChallengeExpired", "the challenge's lifetime ended"),
            List.of(WAITING, VERIFIED, VERIFIED), LAST_MOMENT_PATH),
        new Scenario("4 the wait is resumed with EXPIRED (challenge already gone)",
            new TaskSuccess(EXPIRED), List.of(WAITING, EXPIRED), GONE_PATH));
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
    // moto without Docker never runs the code; the real handler cannot run on moto anyway.
    functionArn = lambda.createFunction(f -> f.functionName(FUNCTION_NAME).runtime(Runtime.JAVA17)
            .role(roleArn)
            .handler("com.platform.accounts.handlers.tasks.ContactVerificationTasks::handleRequest")
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
    String definition = definitionFor(scenario);

    Run onMoto = runOnMoto(scenario, definition);
    Run onAsl = runOnAsl(scenario, definition, Duration.ofSeconds(TEST_WAIT_TIMEOUT_SECONDS));

    // Each engine took the path the scenario is about (so two engines agreeing on a wrong path fail).
    assertThat(onMoto.visitedStates()).as("moto: visited states").isEqualTo(scenario.expectedPath());
    assertThat(onMoto.status()).as("moto: status").isEqualTo("SUCCEEDED");
    // ... and they agree with each other on everything observable.
    assertThat(onAsl.visitedStates()).as("asl vs moto: visited states").isEqualTo(onMoto.visitedStates());
    assertThat(onAsl.status()).as("asl vs moto: status").isEqualTo(onMoto.status());
    assertThat(onAsl.lambdaCalls()).as("asl vs moto: Lambda invocations (state, resource, parameters)")
        .isEqualTo(onMoto.lambdaCalls());
    if (scenario.ending() instanceof TaskFailure failure
        && onMoto.output().path("failure").path("Cause").isNull()) {
      // moto 5.2.5 drops SendTaskFailure's cause at its HTTP layer (moto/stepfunctions/responses.py
      // passes only the error on), so its Catch output carries "Cause": null. AWS puts the cause
      // sent there: hold asl to that, and compare the rest of the output with moto.
      assertThat(onAsl.output().at("/failure/Cause").asText(null)).as("asl: Catch output Cause")
          .isEqualTo(failure.cause());
      assertThat(withoutFailureCause(onAsl.output())).as("asl vs moto: execution output (but Cause)")
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
      Run real = runOnAsl(scenario, realDefinition(), Duration.ofSeconds(REAL_WAIT_TIMEOUT_SECONDS));
      assertThat(real).as("asl: unchanged file vs test copy").isEqualTo(onAsl);
    }
  }

  /** The test copy really differs from the file in AwaitVerification's TimeoutSeconds only. */
  @Test
  void testCopyChangesOnlyTheWaitTimeout() throws Exception {
    JsonNode real = JSON.readTree(realDefinition());
    JsonNode copy = JSON.readTree(shortenedDefinition(realDefinition()));

    assertThat(real.at("/States/" + WAITING_STATE + "/TimeoutSeconds").asLong())
        .isEqualTo(REAL_WAIT_TIMEOUT_SECONDS);
    assertThat(copy.at("/States/" + WAITING_STATE + "/TimeoutSeconds").asLong())
        .isEqualTo(TEST_WAIT_TIMEOUT_SECONDS);
    ((ObjectNode) copy.at("/States/" + WAITING_STATE)).put("TimeoutSeconds", REAL_WAIT_TIMEOUT_SECONDS);
    assertThat(copy).as("test copy with the real TimeoutSeconds put back").isEqualTo(real);
    assertThat(realDefinition()).doesNotContain("${").contains(functionArn);
  }

  // ---------------------------------------------------------------------------------------------
  // moto

  private Run runOnMoto(Scenario scenario, String definition) throws Exception {
    String stateMachineArn = sfn.createStateMachine(c -> c.name(STATE_MACHINE_NAME)
        .definition(definition).roleArn(STATES_ROLE_ARN)).stateMachineArn();
    // Queued up front, so which invocation gets which answer does not depend on timing.
    for (String result : scenario.lambdaResults()) {
      aws.queueLambdaResult(result);
    }
    // Always a name: without one moto ends the ARN in ":None" and the next start collides.
    String executionArn = sfn.startExecution(s -> s.stateMachineArn(stateMachineArn)
        .name(executionName(scenario)).input(input())).executionArn();

    String token = awaitTaskToken(executionArn);
    if (scenario.ending() instanceof TaskSuccess success) {
      sfn.sendTaskSuccess(s -> s.taskToken(token).output(success.output()));
    } else if (scenario.ending() instanceof TaskFailure failure) {
      sfn.sendTaskFailure(s -> s.taskToken(token).error(failure.error()).cause(failure.cause()));
    } // WaitTimesOut: nobody answers, moto's own timer ends the wait.
    DescribeExecutionResponse done = awaitEnd(executionArn);
    List<HistoryEvent> history = history(executionArn);

    // Every canned result was used: with the queue empty, moto's Lambda echoes the request payload.
    String probe = "{\"probe\":\"queue is empty\"}";
    String answer = lambda.invoke(i -> i.functionName(FUNCTION_NAME).payload(SdkBytes.fromUtf8String(probe)))
        .payload().asUtf8String();
    assertThat(JSON.readTree(answer)).as("moto: canned Lambda results left over")
        .isEqualTo(JSON.readTree(probe));

    List<String> visited = new ArrayList<>();
    List<JsonNode> calls = new ArrayList<>();
    String current = null;
    for (HistoryEvent event : history) {
      if (event.stateEnteredEventDetails() != null) {
        current = event.stateEnteredEventDetails().name();
        visited.add(current);
      }
      if (event.type() == HistoryEventType.TASK_SCHEDULED) {
        var details = event.taskScheduledEventDetails();
        calls.add(lambdaCall(current,
            "arn:aws:states:::" + details.resourceType() + ":" + details.resource(),
            JSON.readTree(details.parameters())));
      }
    }
    JsonNode output = done.output() == null ? null : JSON.readTree(done.output());
    if (done.status() != ExecutionStatus.SUCCEEDED) {
      fail("moto: execution ended %s (%s: %s); history: %s", done.statusAsString(), done.error(),
          done.cause(), history);
    }
    return new Run(visited, done.statusAsString(), output, calls);
  }

  /** Polls the history until AwaitVerification's Lambda call was made; returns its task token. */
  private String awaitTaskToken(String executionArn) throws InterruptedException, JsonProcessingException {
    Instant deadline = Instant.now().plus(MOTO_DEADLINE);
    while (Instant.now().isBefore(deadline)) {
      List<HistoryEvent> history = history(executionArn);
      boolean submitted = history.stream().anyMatch(e -> e.type() == HistoryEventType.TASK_SUBMITTED);
      Optional<HistoryEvent> scheduled = history.stream()
          .filter(e -> e.type() == HistoryEventType.TASK_SCHEDULED).findFirst();
      if (submitted && scheduled.isPresent()) {
        JsonNode parameters = JSON.readTree(scheduled.get().taskScheduledEventDetails().parameters());
        String token = parameters.path("Payload").path("taskToken").asText("");
        assertThat(token).as("moto: task token in the TaskScheduled parameters").isNotBlank();
        return token;
      }
      if (history.stream().anyMatch(e -> e.type().toString().startsWith("Execution")
          && e.type() != HistoryEventType.EXECUTION_STARTED)) {
        fail("moto: the execution ended before AwaitVerification waited: %s", history);
      }
      Thread.sleep(POLL_INTERVAL.toMillis());
    }
    throw new AssertionError("moto: AwaitVerification's Lambda call not seen within " + MOTO_DEADLINE
        + "; history: " + history(executionArn));
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

  /**
   * Runs the scenario on a fresh engine. {@code waitTimeout} is how far the clock is moved when the
   * scenario lets AwaitVerification time out (the definition's own TimeoutSeconds for that task).
   */
  private Run runOnAsl(Scenario scenario, String definition, Duration waitTimeout) {
    Deque<String> canned = new ArrayDeque<>(scenario.lambdaResults());
    List<JsonNode> calls = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    ManualClock clock = new ManualClock(ASL_START);
    AslEngine engine = new AslEngine((resource, parameters, context) -> {
      calls.add(lambdaCall(context.stateName(), resource, parameters));
      if (context.taskToken() != null) {
        tokens.add(context.taskToken());
      }
      return cannedInvocation(canned, context);
    }, clock);
    StateMachine machine = engine.parse(definition);

    String executionArn = engine.startExecution(machine, STATE_MACHINE_NAME, "cross-check", readJson(input()));
    assertThat(tokens).as("asl: AwaitVerification's task token").hasSize(1);
    String token = tokens.get(0);
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

    assertThat(canned).as("asl: canned Lambda results left over").isEmpty();
    if (done.status() != ExecutionDescription.Status.SUCCEEDED) {
      fail("asl: execution ended %s (%s: %s) after %s", done.status(), done.error(), done.cause(),
          done.visitedStates());
    }
    return new Run(done.visitedStates(), done.status().name(), done.output(), calls);
  }

  /** The next canned result, as the {@code lambda:invoke} integration returns a function's answer. */
  private static JsonNode cannedInvocation(Deque<String> canned, TaskContext context) {
    String result = canned.poll();
    if (result == null) {
      // Not a task failure: that would let Retry/Catch hide the mistake. Fail the test instead.
      throw new AssertionError("asl: no canned Lambda result left for " + context.stateName());
    }
    ObjectNode invocation = JSON.createObjectNode();
    invocation.set("Payload", readJson(result));
    invocation.put("StatusCode", 200);
    return invocation;
  }

  // ---------------------------------------------------------------------------------------------
  // shared

  /** One Lambda invocation as both engines can report it; the token (random per engine) is masked. */
  private JsonNode lambdaCall(String state, String resource, JsonNode parameters) {
    ObjectNode params = parameters.deepCopy();
    JsonNode payload = params.path("Payload");
    if (payload.has("taskToken")) {
      assertThat(payload.path("taskToken").asText("")).as("taskToken passed to " + state).isNotBlank();
      ((ObjectNode) payload).put("taskToken", TOKEN_MARK);
    }
    ObjectNode call = JSON.createObjectNode();
    call.put("state", state);
    call.put("resource", resource);
    call.set("parameters", params);
    return call;
  }

  /** A valid execution name (1-80 characters, no blanks or punctuation) made from the scenario's. */
  private static String executionName(Scenario scenario) {
    String slug = scenario.name().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    return slug.substring(0, Math.min(slug.length(), 80));
  }

  private static JsonNode withoutFailureCause(JsonNode output) {
    JsonNode copy = output.deepCopy();
    if (copy.path("failure") instanceof ObjectNode failure) {
      failure.remove("Cause");
    }
    return copy;
  }

  private String definitionFor(Scenario scenario) {
    return scenario.ending() instanceof WaitTimesOut ? shortenedDefinition(realDefinition()) : realDefinition();
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

  /** The test copy: AwaitVerification's TimeoutSeconds shortened, nothing else changed. */
  private static String shortenedDefinition(String definition) {
    JsonNode tree = readJson(definition);
    JsonNode waiting = tree.at("/States/" + WAITING_STATE);
    assertThat(waiting.path("TimeoutSeconds").asLong()).isEqualTo(REAL_WAIT_TIMEOUT_SECONDS);
    ((ObjectNode) waiting).put("TimeoutSeconds", TEST_WAIT_TIMEOUT_SECONDS);
    try {
      return JSON.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String input() {
    return "{\"challengeId\":\"chl-0f3c2a9e\"}";
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

  private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>
      & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>> void configure(
      B builder, AwsEmulator aws) {
    builder.endpointOverride(aws.endpoint())
        .region(Region.of(aws.region()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(aws.accessKeyId(), aws.secretAccessKey())))
        .httpClientBuilder(UrlConnectionHttpClient.builder());
  }
}
