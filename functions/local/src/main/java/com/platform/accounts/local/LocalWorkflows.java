package com.platform.accounts.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.asl.AslEngine;
import com.platform.accounts.asl.StateMachine;
import com.platform.accounts.asl.TaskContext;
import com.platform.accounts.asl.TaskFailedException;
import com.platform.accounts.asl.TaskInvoker;
import com.platform.accounts.core.port.Workflows;
import com.platform.accounts.handlers.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step Functions in the local JVM: the template's state machines run on the ASL engine, and their
 * {@code lambda:invoke} tasks call the same handler classes the template deploys.
 */
public final class LocalWorkflows implements Workflows, TaskInvoker {
  private static final Logger LOG = LoggerFactory.getLogger(LocalWorkflows.class);
  static final String CONTACT_VERIFICATION = "ContactVerificationStateMachine";
  static final String CARD_VERIFICATION = "CardVerificationStateMachine";
  static final String PAYPAL_LINKING = "PayPalLinkingStateMachine";
  static final String ACCOUNT_DELETION = "AccountDeletionStateMachine";
  private static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";

  /** As {@code StepFunctionsWorkflows.PROVEN_SUFFIX} names the after-work of a challenge. */
  static final String PROVEN_SUFFIX = "-proven";

  private final AslEngine engine;
  private final SamTemplate template;
  private final Map<String, StateMachine> machines = new HashMap<>();
  private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
  private volatile Function<String, Object> functions;

  public LocalWorkflows(SamTemplate template, Clock clock) {
    this.template = template;
    this.engine = new AslEngine(this, clock);
    for (SamTemplate.StateMachine machine : template.stateMachines().values()) {
      machines.put(machine.logicalId(), engine.parse(definition(machine)));
    }
  }

  /** Connects the handlers, which are built after the workflows they start. */
  public void connect(Function<String, Object> functionsByLogicalId) {
    this.functions = functionsByLogicalId;
  }

  public AslEngine engine() {
    return engine;
  }

  /**
   * Queues the after-work of a proven challenge; {@link #startPending} starts it once the request
   * has returned, as Step Functions runs an execution apart from the request that started it (the
   * request writes the proof after the start).
   */
  @Override
  public void startContactVerification(String challengeId) {
    ObjectNode input = Json.object().put("challengeId", challengeId);
    pending.add(() -> start(CONTACT_VERIFICATION, challengeId + PROVEN_SUFFIX, input));
  }

  @Override
  public void startCardVerification(String accountId, String paymentMethodId) {
    ObjectNode input =
        Json.object().put("accountId", accountId).put("paymentMethodId", paymentMethodId);
    pending.add(() -> start(CARD_VERIFICATION, paymentMethodId, input));
  }

  @Override
  public void startPayPalLinking(String accountId, String paymentMethodId) {
    ObjectNode input =
        Json.object().put("accountId", accountId).put("paymentMethodId", paymentMethodId);
    pending.add(() -> start(PAYPAL_LINKING, paymentMethodId, input));
  }

  @Override
  public void startAccountDeletion(String accountId, String deletionId) {
    ObjectNode input = Json.object().put("accountId", accountId).put("deletionId", deletionId);
    pending.add(() -> start(ACCOUNT_DELETION, deletionId, input));
  }

  /** Starts the executions that requests asked for; the router calls it after each request. */
  public void startPending() {
    for (Runnable start = pending.poll(); start != null; start = pending.poll()) {
      start.run();
    }
  }

  /** Starts an execution of a state machine that the template schedules, as EventBridge does. */
  public void startScheduled(String logicalId, JsonNode input) {
    engine.startExecution(machine(logicalId), logicalId, null, input);
  }

  private void start(String machine, String name, ObjectNode input) {
    try {
      engine.startExecution(machine(machine), machine, name, input);
    } catch (IllegalStateException alreadyStarted) {
      // the execution is named after its item: a second start of the same work is a no-op
      LOG.debug("execution already exists");
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public JsonNode invoke(String resource, JsonNode parameters, TaskContext context)
      throws TaskFailedException {
    if (!resource.equals(LAMBDA_INVOKE)) {
      throw new TaskFailedException("States.Runtime", "unsupported local resource " + resource);
    }
    String functionId = LocalFunctions.logicalIdOf(parameters.path("FunctionName").asText());
    Object handler = functions.apply(functionId);
    Map<String, Object> payload =
        Json.MAPPER.convertValue(
            parameters.path("Payload"), new TypeReference<Map<String, Object>>() {});
    try {
      Object result =
          ((RequestHandler<Map<String, Object>, Object>) handler).handleRequest(payload, null);
      ObjectNode output = Json.object();
      output.put("StatusCode", 200);
      output.set("Payload", Json.MAPPER.valueToTree(result));
      return output;
    } catch (RuntimeException e) {
      // Lambda reports a function error by the exception's class name
      throw new TaskFailedException(e.getClass().getName(), "the function failed");
    }
  }

  private StateMachine machine(String logicalId) {
    StateMachine machine = machines.get(logicalId);
    if (machine == null) {
      throw new IllegalStateException("template.yaml has no state machine " + logicalId);
    }
    return machine;
  }

  private static String definition(SamTemplate.StateMachine machine) {
    try {
      String text = Files.readString(machine.definition());
      for (Map.Entry<String, String> sub : machine.functionArns().entrySet()) {
        text = text.replace("${" + sub.getKey() + "}", LocalFunctions.arn(sub.getValue()));
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + machine.definition(), e);
    }
  }
}
