package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.asl.AslEngine;
import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.asl.TaskContext;
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
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.awaitility.core.ConditionTimeoutException;
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
 * The mechanics shared by the cross-checks that run a state machine of {@code
 * infrastructure/statemachines} on moto's Step Functions interpreter (LocalStack's, behind the real
 * Step Functions API) and on the project's own {@code asl} engine, with the same input and the same
 * canned Lambda results ({@link ContactVerificationStateMachineCrossCheckIT}, {@link
 * CardVerificationStateMachineCrossCheckIT}). What a scenario is, and what must agree, is up to
 * each test; this class only drives the two engines and reports what they did comparably.
 *
 * <p>How each side is driven:
 *
 * <ul>
 *   <li>moto: a state machine created through the Step Functions API (CloudFormation-made ones do
 *       not execute), the placeholder replaced by the ARN of a dummy Lambda function; moto runs it
 *       without Docker and answers each invocation with the next result queued through {@link
 *       AwsEmulator#queueLambdaResult}, all of them queued before the execution starts ({@link
 *       #startOnMoto}). A {@code .waitForTaskToken} task's token is read from its {@code
 *       TaskScheduled} event of {@code GetExecutionHistory} (its {@code parameters} carry the
 *       Payload with {@code taskToken}, {@link #awaitTaskToken}), the path from the {@code
 *       *StateEntered} events ({@link #finishOnMoto}).
 *   <li>asl: an {@link AslEngine} on a {@link ManualClock}, with a task invoker that hands out the
 *       same canned results in the same order, wrapped as the {@code lambda:invoke} integration
 *       does ({@code {"Payload": <result>, "StatusCode": 200}}, {@link #lambdaInvokeResult}):
 *       {@link AslRun}.
 * </ul>
 *
 * <p>moto limitations every cross-check meets (each test says what it does about them):
 *
 * <ul>
 *   <li>moto waits in real time, both for a task's TimeoutSeconds and for a retry's
 *       IntervalSeconds, so a scenario that needs them runs a <em>test copy</em> of the definition
 *       in which only those fields are changed ({@link #testCopy}, checked by {@link
 *       #assertTestCopiesChangeOnlyTheirFields}); both engines run that same copy, and the asl
 *       engine also runs the unchanged file with its clock moved through the real durations and
 *       must end exactly as with the copy, so the shortening changes nothing but the wall-clock
 *       time.
 *   <li>moto refuses {@code SendTaskFailure} with an error name starting with {@code States.} (the
 *       execution fails with States.Runtime "Custom Error Names MUST NOT begin with the prefix
 *       'States.'"), so an expiry cannot be simulated with {@code States.Timeout} sent by hand.
 *   <li>moto drops the {@code cause} of {@code SendTaskFailure} (its HTTP layer passes only the
 *       error on), so a Catch output's {@code Cause} is null there.
 *   <li>moto without Docker never runs the function's code (the real handler cannot run on moto
 *       anyway); with its queue empty it echoes the request payload, which is how {@link
 *       #finishOnMoto} checks that every canned result was used.
 *   <li>An execution started without a name gets an ARN ending in {@code ":None"}, and the next
 *       start collides: {@link #startOnMoto} always names it.
 * </ul>
 */
final class StateMachineCrossCheck implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Where the asl engine's clock starts. */
  static final Instant ASL_START = Instant.parse("2026-03-01T09:00:00Z");

  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
  private static final String TOKEN_MARK = "<task token>";
  private static final String EMPTY_QUEUE_PROBE = "{\"probe\":\"queue is empty\"}";

  private final AwsEmulator aws;
  private final String stateMachineName;
  private final String statesRoleArn;
  private final String functionName;
  private final Path definitionFile;
  private final String placeholder;
  private final Duration motoDeadline;
  private final SfnClient sfn;
  private final LambdaClient lambda;
  private final String functionArn;

  /**
   * Resets the emulator and creates the dummy Lambda function the definition's placeholder stands
   * for.
   *
   * @param name the state machine's name, which also names its file ({@code
   *     infrastructure/statemachines/<name>.asl.json}), its role ({@code <name>-states}) and the
   *     tasks function ({@code <name>-tasks})
   * @param placeholder what the file has where SAM puts the tasks function's ARN
   * @param handler the tasks function's handler (never run, see the class doc)
   * @param motoDeadline how long moto may take to reach a wait, and to end an execution
   */
  StateMachineCrossCheck(
      AwsEmulator aws, String name, String placeholder, String handler, Duration motoDeadline) {
    this.aws = aws;
    this.stateMachineName = name;
    this.statesRoleArn = "arn:aws:iam::123456789012:role/" + name + "-states";
    this.functionName = name + "-tasks";
    this.definitionFile =
        LocalRuntime.findRepoRoot().resolve("infrastructure/statemachines/" + name + ".asl.json");
    this.placeholder = placeholder;
    this.motoDeadline = motoDeadline;
    aws.reset();
    aws.enableStepFunctionsExecution();
    aws.useLambdaWithoutDocker();
    sfn = SfnClient.builder().applyMutation(b -> configure(b, aws)).build();
    lambda = LambdaClient.builder().applyMutation(b -> configure(b, aws)).build();
    try {
      String roleArn;
      try (IamClient iam = IamClient.builder().applyMutation(b -> configure(b, aws)).build()) {
        roleArn =
            iam.createRole(
                    r ->
                        r.roleName(functionName)
                            .assumeRolePolicyDocument(
                                """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
              "Principal": {"Service": "lambda.amazonaws.com"}}]}"""))
                .role()
                .arn();
      }
      // Never run: moto without Docker answers with the queued results.
      functionArn =
          lambda
              .createFunction(
                  f ->
                      f.functionName(functionName)
                          .runtime(Runtime.JAVA17)
                          .role(roleArn)
                          .handler(handler)
                          .code(c -> c.zipFile(SdkBytes.fromByteArray(dummyZip()))))
              .functionArn();
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  @Override
  public void close() {
    sfn.close();
    lambda.close();
  }

  String functionArn() {
    return functionArn;
  }

  /** The file as SAM would deploy it: the placeholder replaced by the function's ARN. */
  String realDefinition() {
    try {
      String text = Files.readString(definitionFile, StandardCharsets.UTF_8);
      assertThat(text).contains(placeholder);
      return text.replace(placeholder, functionArn);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // test copies

  /**
   * A field of the definition that a test copy shortens, with its value in the file and in the
   * copy.
   */
  interface Shortening {
    /** JSON pointer to the field; its parent is an object. */
    String pointer();

    int real();

    int test();
  }

  /** A {@link Shortening} on its own. */
  record Field(String pointer, int real, int test) implements Shortening {}

  /**
   * The definition with the given fields shortened (checked to hold their real values first);
   * itself if none.
   */
  static String testCopy(String definition, Collection<? extends Shortening> shortened) {
    if (shortened.isEmpty()) {
      return definition;
    }
    JsonNode tree = readJson(definition);
    for (Shortening field : shortened) {
      assertThat(tree.at(field.pointer()).asLong())
          .as("file: %s", field.pointer())
          .isEqualTo(field.real());
      put(tree, field.pointer(), field.test());
    }
    try {
      return JSON.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Each of {@code copies} (the fields a test copy shortens) differs from the file in its shortened
   * fields only, and those hold the test values; every one of {@code fields} holds its real value
   * in the file. Also: the file as deployed has no placeholder left and names the function.
   */
  <F extends Shortening> void assertTestCopiesChangeOnlyTheirFields(
      Collection<? extends Set<F>> copies, Collection<F> fields) {
    JsonNode real = readJson(realDefinition());
    for (Set<F> shortened : copies) {
      JsonNode copy = readJson(testCopy(realDefinition(), shortened));
      for (F field : fields) {
        assertThat(real.at(field.pointer()).isIntegralNumber())
            .as("file: %s", field.pointer())
            .isTrue();
        assertThat(real.at(field.pointer()).asLong())
            .as("file: %s", field.pointer())
            .isEqualTo(field.real());
        assertThat(copy.at(field.pointer()).asLong())
            .as("copy %s: %s", shortened, field.pointer())
            .isEqualTo(shortened.contains(field) ? field.test() : field.real());
        put(copy, field.pointer(), field.real());
      }
      assertThat(copy).as("copy %s with the real values put back", shortened).isEqualTo(real);
    }
    assertThat(realDefinition()).doesNotContain("${").contains(functionArn);
  }

  /** Sets the integer at a JSON pointer whose parent is an object. */
  private static void put(JsonNode tree, String pointer, int value) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = tree.at(pointer.substring(0, slash));
    assertThat(parent.isObject()).as("parent of %s", pointer).isTrue();
    ((ObjectNode) parent).put(pointer.substring(slash + 1), value);
  }

  // ---------------------------------------------------------------------------------------------
  // moto

  /**
   * Creates the state machine from {@code definition}, queues {@code lambdaResults} (all up front,
   * so which invocation gets which answer does not depend on timing) and starts an execution named
   * after the scenario with {@code input}; returns the execution's ARN.
   */
  String startOnMoto(
      String definition, List<String> lambdaResults, String scenarioName, String input) {
    String stateMachineArn =
        sfn.createStateMachine(
                c -> c.name(stateMachineName).definition(definition).roleArn(statesRoleArn))
            .stateMachineArn();
    for (String result : lambdaResults) {
      aws.queueLambdaResult(result);
    }
    // Always a name: without one moto ends the ARN in ":None" and the next start collides.
    return sfn.startExecution(
            s -> s.stateMachineArn(stateMachineArn).name(executionName(scenarioName)).input(input))
        .executionArn();
  }

  void sendTaskSuccess(String taskToken, String output) {
    sfn.sendTaskSuccess(s -> s.taskToken(taskToken).output(output));
  }

  void sendTaskFailure(String taskToken, String error, String cause) {
    sfn.sendTaskFailure(s -> s.taskToken(taskToken).error(error).cause(cause));
  }

  /**
   * Polls the history until {@code state} was entered and its {@code .waitForTaskToken} Lambda call
   * was made; returns the task token from that call's parameters. Fails when the task or the
   * execution ends first.
   */
  String awaitTaskToken(String executionArn, String state) {
    try {
      return await()
          .atMost(motoDeadline)
          .pollInterval(POLL_INTERVAL)
          .pollInSameThread()
          .until(() -> taskTokenIfCalled(executionArn, state), Objects::nonNull);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "moto: "
              + state
              + "'s Lambda call not seen within "
              + motoDeadline
              + "; history: "
              + history(executionArn),
          e);
    }
  }

  /** The task token of {@code state}'s Lambda call once it was made, null before. */
  private String taskTokenIfCalled(String executionArn, String state) {
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
          default -> {}
        }
      }
      if (isExecutionEnd(event.type())) {
        fail("moto: the execution ended before %s waited: %s", state, history);
      }
    }
    if (scheduled != null && submitted) {
      String token =
          readJson(scheduled.taskScheduledEventDetails().parameters())
              .path("Payload")
              .path("taskToken")
              .asText("");
      assertThat(token).as("moto: task token in %s's TaskScheduled parameters", state).isNotBlank();
      return token;
    }
    return null;
  }

  /**
   * Any execution event but the start (succeeded, failed, timed out, aborted, and redriven too).
   */
  private static boolean isExecutionEnd(HistoryEventType type) {
    return type != HistoryEventType.EXECUTION_STARTED
        && String.valueOf(type).startsWith("Execution");
  }

  /**
   * A history event with the state it belongs to: the last one entered (with it), null before any.
   */
  record StateEvent(String state, HistoryEvent event) {}

  /**
   * What moto did with one execution.
   *
   * @param events the whole history, each event with its state
   * @param lambdaCalls each {@code TaskScheduled} event as a {@link #lambdaCall}
   * @param output the execution output as JSON, {@code null} when there is none
   */
  record MotoExecution(
      DescribeExecutionResponse described,
      List<StateEvent> events,
      List<String> visitedStates,
      List<JsonNode> lambdaCalls,
      JsonNode output) {}

  /**
   * Waits for the execution to end, checks that every canned Lambda result was used and that it
   * ended in one of {@code endings}, and reads its history.
   */
  MotoExecution finishOnMoto(String executionArn, Set<ExecutionStatus> endings) {
    DescribeExecutionResponse done = awaitEnd(executionArn);
    List<HistoryEvent> history = history(executionArn);

    // Every canned result was used: with the queue empty, moto's Lambda echoes the request payload.
    String answer =
        lambda
            .invoke(
                i ->
                    i.functionName(functionName)
                        .payload(SdkBytes.fromUtf8String(EMPTY_QUEUE_PROBE)))
            .payload()
            .asUtf8String();
    assertThat(readJson(answer))
        .as("moto: canned Lambda results left over")
        .isEqualTo(readJson(EMPTY_QUEUE_PROBE));

    List<StateEvent> events = new ArrayList<>();
    List<String> visited = new ArrayList<>();
    List<JsonNode> calls = new ArrayList<>();
    String current = null;
    for (HistoryEvent event : history) {
      if (event.stateEnteredEventDetails() != null) {
        current = event.stateEnteredEventDetails().name();
        visited.add(current);
      }
      events.add(new StateEvent(current, event));
      if (event.type() == HistoryEventType.TASK_SCHEDULED) {
        var details = event.taskScheduledEventDetails();
        calls.add(
            lambdaCall(
                current,
                "arn:aws:states:::" + details.resourceType() + ":" + details.resource(),
                readJson(details.parameters())));
      }
    }
    if (!endings.contains(done.status())) {
      fail(
          "moto: execution ended %s (%s: %s); history: %s",
          done.statusAsString(), done.error(), done.cause(), history);
    }
    JsonNode output = done.output() == null ? null : readJson(done.output());
    return new MotoExecution(done, events, visited, calls, output);
  }

  private DescribeExecutionResponse awaitEnd(String executionArn) {
    try {
      return await()
          .atMost(motoDeadline)
          .pollInterval(POLL_INTERVAL)
          .pollInSameThread()
          .until(
              () -> sfn.describeExecution(d -> d.executionArn(executionArn)),
              described -> described.status() != ExecutionStatus.RUNNING);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "moto: execution still RUNNING after "
              + motoDeadline
              + "; history: "
              + history(executionArn),
          e);
    }
  }

  private List<HistoryEvent> history(String executionArn) {
    return sfn.getExecutionHistoryPaginator(h -> h.executionArn(executionArn)).events().stream()
        .toList();
  }

  // ---------------------------------------------------------------------------------------------
  // asl

  /** A task token the asl engine handed to a {@code .waitForTaskToken} task. */
  record IssuedToken(String state, String token) {}

  /** What the asl task invoker makes of the next canned result. */
  @FunctionalInterface
  interface CannedAnswer<C> {
    JsonNode answer(C next, TaskContext context) throws TaskFailedException;
  }

  /**
   * A fresh asl engine on {@code clock} whose task invoker records each Lambda invocation (as a
   * {@link #lambdaCall}) and each task token, and answers with the next of {@code lambdaResults}
   * through {@code answer}.
   */
  <C> AslRun<C> onAsl(ManualClock clock, List<C> lambdaResults, CannedAnswer<C> answer) {
    return new AslRun<>(stateMachineName, clock, lambdaResults, answer);
  }

  /** One run on the asl engine, see {@link #onAsl}. */
  static final class AslRun<C> {
    private final String stateMachineName;
    private final Deque<C> canned;
    private final List<JsonNode> lambdaCalls = new ArrayList<>();
    private final List<IssuedToken> tokens = new ArrayList<>();
    private final AslEngine engine;

    private AslRun(
        String stateMachineName, ManualClock clock, List<C> lambdaResults, CannedAnswer<C> answer) {
      this.stateMachineName = stateMachineName;
      this.canned = new ArrayDeque<>(lambdaResults);
      this.engine =
          new AslEngine(
              (resource, parameters, context) -> {
                lambdaCalls.add(lambdaCall(context.stateName(), resource, parameters));
                if (context.taskToken() != null) {
                  tokens.add(new IssuedToken(context.stateName(), context.taskToken()));
                }
                C next = canned.poll();
                if (next == null) {
                  // Not a task failure: that would let Retry/Catch hide the mistake. Fail the test
                  // instead.
                  throw new AssertionError(
                      "asl: no canned Lambda result left for " + context.stateName());
                }
                return answer.answer(next, context);
              },
              clock);
    }

    AslEngine engine() {
      return engine;
    }

    /** Parses {@code definition} and starts an execution with {@code input}; returns its ARN. */
    String start(String definition, String input) {
      return engine.startExecution(
          engine.parse(definition), stateMachineName, "cross-check", readJson(input));
    }

    /**
     * The token of the execution's wait number {@code wait} (from 0), which must be the last one
     * handed out so far and have been handed to {@code state}.
     */
    String tokenOf(int wait, String state) {
      assertThat(tokens).as("asl: task tokens when %s should wait", state).hasSize(wait + 1);
      assertThat(tokens.get(wait).state()).as("asl: state waiting for its token").isEqualTo(state);
      return tokens.get(wait).token();
    }

    List<IssuedToken> tokens() {
      return tokens;
    }

    List<JsonNode> lambdaCalls() {
      return lambdaCalls;
    }

    void assertCannedResultsUsedUp() {
      assertThat(canned).as("asl: canned Lambda results left over").isEmpty();
    }
  }

  /** A function's answer as the {@code lambda:invoke} integration returns it. */
  static JsonNode lambdaInvokeResult(String payloadJson) {
    ObjectNode invocation = JSON.createObjectNode();
    invocation.set("Payload", readJson(payloadJson));
    invocation.put("StatusCode", 200);
    return invocation;
  }

  // ---------------------------------------------------------------------------------------------
  // shared

  /**
   * One Lambda invocation as both engines can report it; the token (random per engine) is masked.
   */
  static JsonNode lambdaCall(String state, String resource, JsonNode parameters) {
    ObjectNode params = parameters.deepCopy();
    if (params.path("Payload") instanceof ObjectNode payload && payload.has("taskToken")) {
      assertThat(payload.path("taskToken").asText(""))
          .as("taskToken passed to " + state)
          .isNotBlank();
      payload.put("taskToken", TOKEN_MARK);
    }
    ObjectNode call = JSON.createObjectNode();
    call.put("state", state);
    call.put("resource", resource);
    call.set("parameters", params);
    return call;
  }

  /**
   * A valid execution name (1-80 characters, no blanks or punctuation) made from the scenario's.
   */
  static String executionName(String scenarioName) {
    String slug = scenarioName.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    return slug.substring(0, Math.min(slug.length(), 80));
  }

  static JsonNode readJson(String json) {
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
    builder
        .endpointOverride(aws.endpoint())
        .region(Region.of(aws.region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(aws.accessKeyId(), aws.secretAccessKey())))
        .httpClientBuilder(UrlConnectionHttpClient.builder());
  }
}
