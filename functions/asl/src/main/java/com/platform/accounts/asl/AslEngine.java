package com.platform.accounts.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.asl.ExecutionDescription.Status;
import com.platform.accounts.asl.Model.Catcher;
import com.platform.accounts.asl.Model.Choice;
import com.platform.accounts.asl.Model.ChoiceState;
import com.platform.accounts.asl.Model.FailState;
import com.platform.accounts.asl.Model.Graph;
import com.platform.accounts.asl.Model.MapState;
import com.platform.accounts.asl.Model.ParallelState;
import com.platform.accounts.asl.Model.PassState;
import com.platform.accounts.asl.Model.Recoverable;
import com.platform.accounts.asl.Model.Retrier;
import com.platform.accounts.asl.Model.State;
import com.platform.accounts.asl.Model.SucceedState;
import com.platform.accounts.asl.Model.TaskState;
import com.platform.accounts.asl.Model.Transition;
import com.platform.accounts.asl.Model.WaitState;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * A local AWS Step Functions engine: runs Amazon States Language definitions (JSONPath flavour) on
 * a clock the caller controls.
 *
 * <h2>How it runs</h2>
 *
 * Nothing runs on its own. Work happens only inside {@link #startExecution}, {@link
 * #sendTaskSuccess}, {@link #sendTaskFailure}, {@link #runDue} and {@link #runUntil}, on the
 * calling thread, and each of them returns once nothing more can happen without outside help: every
 * branch of every execution has finished or waits for the clock (a Wait, a retry delay, a task
 * timeout) or for a task token. So a test drives an execution step by step and always sees the same
 * order.
 *
 * <p>Each line of control (the execution itself, each Parallel branch, each Map iteration) is a
 * <em>fiber</em>: explicit state saying which state it is in and what it waits for. Runnable fibers
 * sit in a queue that the calling thread drains.
 *
 * <h2>Threads and callbacks</h2>
 *
 * All engine state is guarded by one lock, which is released while a {@link TaskInvoker} runs. So:
 *
 * <ul>
 *   <li>a task may call back into the engine on its own thread ({@code sendTaskSuccess} with its
 *       own token, {@code startExecution} of another machine, ...): the call records its effect and
 *       returns at once, and the work it causes runs as soon as the task returns, in the same drain
 *       loop, so there is neither deadlock nor unbounded recursion;
 *   <li>a task may block waiting for another thread that calls the engine (an HTTP emulator thread,
 *       say): that thread takes the lock and does its work meanwhile. It returns when the queue is
 *       empty, without waiting for tasks other threads are still running.
 * </ul>
 */
public final class AslEngine {

  private static final String ARN_PREFIX = "arn:aws:states:local:000000000000:";

  /**
   * AWS fails an execution whose history passes 25,000 events; counting state transitions against
   * the same number stops a definition that loops without a Wait from spinning forever here.
   */
  private static final int MAX_TRANSITIONS = 25_000;

  /** AWS naming rules for state machines and executions: 1-80 characters, none of these. */
  private static final Pattern VALID_NAME =
      Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]{1,80}");

  private static final int TOKEN_BYTES = 48;

  private final TaskInvoker invoker;
  private final Clock clock;
  private final SecureRandom tokenRandom = new SecureRandom();
  private final Random jitterRandom = new Random();
  private final ReentrantLock lock = new ReentrantLock();

  /** How many task invocations the current thread is inside; > 0 means a callback. */
  private final ThreadLocal<int[]> invokeDepth = ThreadLocal.withInitial(() -> new int[1]);

  private final Map<String, Execution> executions = new LinkedHashMap<>();
  private final Map<String, Fiber> fibersByToken = new HashMap<>();
  private final Deque<Fiber> ready = new ArrayDeque<>();
  private final PriorityQueue<Timer> timers =
      new PriorityQueue<>(Comparator.comparing(Timer::due).thenComparingLong(Timer::sequence));
  private long timerSequence;

  public AslEngine(TaskInvoker invoker, Clock clock) {
    this.invoker = Objects.requireNonNull(invoker, "invoker");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Parses and validates a definition.
   *
   * @throws IllegalArgumentException for invalid ASL (missing StartAt, a Next pointing nowhere, an
   *     unknown state type or field, a malformed path or intrinsic, JSONata, ...), with a message
   *     naming the offending state
   */
  public StateMachine parse(String definitionJson) {
    return new StateMachine(DefinitionParser.parse(definitionJson));
  }

  /**
   * Starts an execution and runs it until it finishes or every branch is waiting.
   *
   * @param executionName the name, unique per state machine name; {@code null} for a random UUID
   * @param input the execution input; {@code null} for {@code {}}
   * @return the execution ARN
   * @throws IllegalStateException if an execution of that name exists (AWS: ExecutionAlreadyExists)
   * @throws IllegalArgumentException if a name breaks the AWS naming rules
   */
  public String startExecution(
      StateMachine machine, String stateMachineName, String executionName, JsonNode input) {
    Objects.requireNonNull(machine, "machine");
    checkName(stateMachineName, "state machine name");
    String name = executionName == null ? UUID.randomUUID().toString() : executionName;
    checkName(name, "execution name");
    JsonNode data = input == null ? Json.NODES.objectNode() : Json.copy(input);
    lock.lock();
    try {
      String arn = ARN_PREFIX + "execution:" + stateMachineName + ":" + name;
      if (executions.containsKey(arn)) {
        throw new IllegalStateException("ExecutionAlreadyExists: " + arn);
      }
      Execution execution = new Execution(arn, name, stateMachineName, data, clock.instant());
      executions.put(arn, execution);
      Fiber root = new Fiber(execution, machine.graph(), null, 0);
      execution.root = root;
      schedule(root, new Begin(data));
      Integer timeout = machine.graph().timeoutSeconds();
      if (timeout != null) {
        timers.add(
            new Timer(
                execution.startDate.plusSeconds(timeout),
                timerSequence++,
                TimerKind.EXECUTION_TIMEOUT,
                root,
                0,
                execution));
      }
      drain();
      return arn;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Completes a {@code .waitForTaskToken} task with {@code output} as its result.
   *
   * @throws TaskTokenInvalidException if the token is unknown, already answered, or its task no
   *     longer waits (timed out, or its execution or branch ended)
   */
  public void sendTaskSuccess(String taskToken, JsonNode output) {
    JsonNode result = Json.copy(output);
    lock.lock();
    try {
      answer(claim(taskToken), new Completed(result));
      drain();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Fails a {@code .waitForTaskToken} task with an error name and cause, which Retry and Catch then
   * see as they would a failure thrown by the invoker.
   *
   * @throws TaskTokenInvalidException as for {@link #sendTaskSuccess}
   */
  public void sendTaskFailure(String taskToken, String error, String cause) {
    lock.lock();
    try {
      answer(claim(taskToken), new Errored(error, cause));
      drain();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Fires every wait, retry delay, task timeout and execution timeout that is due at the clock's
   * current time, in due order, and runs what they release, repeatedly until nothing more is due.
   */
  public void runDue() {
    lock.lock();
    try {
      boolean fired;
      do {
        Instant now = clock.instant();
        fired = false;
        while (!timers.isEmpty() && !timers.peek().due().isAfter(now)) {
          Timer timer = timers.poll();
          if (isValid(timer)) {
            fire(timer);
            fired = true;
          }
        }
        drain();
      } while (fired && !insideInvoke());
    } finally {
      lock.unlock();
    }
  }

  /** The earliest instant at which something waits on the clock, if anything does. */
  public Optional<Instant> nextDueAt() {
    lock.lock();
    try {
      dropStaleTimers();
      return timers.isEmpty() ? Optional.empty() : Optional.of(timers.peek().due());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Moves a {@link ManualClock} forward to {@code target}, stopping at every instant something is
   * due on the way and running it then. Unlike one big jump followed by {@link #runDue}, a wait or
   * retry that a fired timer starts is measured from the instant it was due, as on AWS.
   *
   * @throws IllegalStateException if the engine was not built with a {@link ManualClock}
   */
  public void runUntil(Instant target) {
    if (!(clock instanceof ManualClock manual)) {
      throw new IllegalStateException("runUntil needs the engine to run on a ManualClock");
    }
    Optional<Instant> next = nextDueAt();
    while (next.isPresent() && !next.get().isAfter(target)) {
      if (next.get().isAfter(manual.instant())) {
        manual.advanceTo(next.get());
      }
      runDue();
      next = nextDueAt();
    }
    if (target.isAfter(manual.instant())) {
      manual.advanceTo(target);
    }
    runDue();
  }

  /**
   * Describes an execution.
   *
   * @throws IllegalArgumentException if there is no such execution (AWS: ExecutionDoesNotExist)
   */
  public ExecutionDescription describe(String executionArn) {
    lock.lock();
    try {
      return find(executionArn).describe();
    } finally {
      lock.unlock();
    }
  }

  /** Every execution started on this engine, oldest first. */
  public List<ExecutionDescription> executions() {
    lock.lock();
    try {
      return executions.values().stream().map(Execution::describe).toList();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops a running execution with status ABORTED; its pending waits and task tokens are dropped.
   * Stopping an execution that already ended changes nothing.
   *
   * @throws IllegalArgumentException if there is no such execution
   */
  public void stopExecution(String executionArn, String error, String cause) {
    lock.lock();
    try {
      finish(find(executionArn), Status.ABORTED, null, error, cause);
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Scheduling

  /** Runs queued fibers until none is left, unless this thread is inside a task (see class doc). */
  private void drain() {
    if (insideInvoke()) {
      return;
    }
    Fiber fiber;
    while ((fiber = ready.poll()) != null) {
      if (fiber.isLive() && fiber.status == FiberStatus.READY) {
        run(fiber);
      }
    }
  }

  private boolean insideInvoke() {
    return invokeDepth.get()[0] > 0;
  }

  private void schedule(Fiber fiber, Resume resume) {
    fiber.pending = resume;
    fiber.status = FiberStatus.READY;
    ready.add(fiber);
  }

  /** Resumes a waiting fiber; bumping waitId makes whatever else it waited for (a timer) stale. */
  private void wake(Fiber fiber, Resume resume) {
    fiber.waitId++;
    schedule(fiber, resume);
  }

  private void waitFor(Fiber fiber) {
    fiber.status = FiberStatus.WAITING;
    fiber.waitId++;
  }

  private void addTimer(Fiber fiber, Instant due, TimerKind kind) {
    waitFor(fiber);
    timers.add(new Timer(due, timerSequence++, kind, fiber, fiber.waitId, fiber.execution));
  }

  private boolean isValid(Timer timer) {
    if (timer.kind() == TimerKind.EXECUTION_TIMEOUT) {
      return timer.execution().status == Status.RUNNING;
    }
    Fiber fiber = timer.fiber();
    return fiber.isLive() && fiber.status == FiberStatus.WAITING && fiber.waitId == timer.waitId();
  }

  private void dropStaleTimers() {
    while (!timers.isEmpty() && !isValid(timers.peek())) {
      timers.poll();
    }
  }

  private void fire(Timer timer) {
    Fiber fiber = timer.fiber();
    switch (timer.kind()) {
      case WAIT -> wake(fiber, Signal.WAIT_ELAPSED);
      case RETRY -> wake(fiber, Signal.START);
      case TASK_TIMEOUT -> {
        releaseToken(fiber);
        // AWS reports a task timeout with an empty cause; Catch output must match it exactly
        wake(fiber, new Errored(StatesErrors.TIMEOUT, ""));
      }
      case EXECUTION_TIMEOUT ->
          finish(
              timer.execution(),
              Status.TIMED_OUT,
              null,
              StatesErrors.TIMEOUT,
              "The execution ran longer than its TimeoutSeconds");
    }
  }

  private Fiber claim(String taskToken) {
    Fiber fiber = taskToken == null ? null : fibersByToken.remove(taskToken);
    if (fiber == null || !fiber.isLive()) {
      throw new TaskTokenInvalidException(
          "Invalid task token: unknown, already used, or its task is no longer waiting");
    }
    fiber.taskToken = null;
    return fiber;
  }

  /**
   * Delivers a token answer; one that arrives while the task is still being invoked waits for it.
   */
  private void answer(Fiber fiber, Resume resume) {
    if (fiber.status == FiberStatus.INVOKING) {
      fiber.earlyAnswer = resume;
    } else {
      wake(fiber, resume);
    }
  }

  private void releaseToken(Fiber fiber) {
    if (fiber.taskToken != null) {
      fibersByToken.remove(fiber.taskToken);
      fiber.taskToken = null;
    }
  }

  private String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    tokenRandom.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  // ---------------------------------------------------------------------------------------------
  // Running a fiber

  private void run(Fiber fiber) {
    Resume resume = fiber.pending;
    fiber.pending = null;
    fiber.status = FiberStatus.RUNNING;
    try {
      if (resume instanceof Begin begin) {
        if (!enter(fiber, fiber.graph.startAt(), begin.input())) {
          return;
        }
        resume = Signal.START;
      }
      while (true) {
        Step step;
        try {
          step = advance(fiber, resume);
        } catch (StatesError e) {
          step = recover(fiber, e);
        }
        if (!fiber.isLive() || step == Signal.SUSPENDED) {
          return;
        }
        if (step == Signal.RETRY) {
          resume = Signal.START;
        } else if (step instanceof Goto go) {
          if (!enter(fiber, go.next(), go.output())) {
            return;
          }
          resume = Signal.START;
        } else if (step instanceof Finish done) {
          fiberSucceeded(fiber, done.output());
          return;
        } else {
          Failure failure = (Failure) step;
          fiberFailed(fiber, failure.error(), failure.cause());
          return;
        }
      }
    } catch (RuntimeException e) {
      // A defect in the engine must not leave an execution RUNNING forever with nobody to tell:
      // fail it visibly instead.
      finish(
          fiber.execution,
          Status.FAILED,
          null,
          StatesErrors.RUNTIME,
          "Internal engine error in state '"
              + (fiber.state == null ? "?" : fiber.state.name())
              + "': "
              + e);
    }
  }

  /** Moves a fiber into a state; false if the execution hit the transition limit instead. */
  private boolean enter(Fiber fiber, String stateName, JsonNode input) {
    Execution execution = fiber.execution;
    if (++execution.transitions > MAX_TRANSITIONS) {
      finish(
          execution,
          Status.FAILED,
          null,
          StatesErrors.RUNTIME,
          "The execution exceeded " + MAX_TRANSITIONS + " state transitions");
      return false;
    }
    State state = fiber.graph.state(stateName);
    fiber.state = state;
    fiber.stateInput = input;
    fiber.enteredAt = clock.instant();
    fiber.retryAttempts =
        new int[state instanceof Recoverable recoverable ? recoverable.retry().size() : 0];
    fiber.retryCount = 0;
    execution.visited.add(stateName);
    return true;
  }

  private Step advance(Fiber fiber, Resume resume) {
    State state = fiber.state;
    if (resume == Signal.START) {
      return execute(fiber, state);
    }
    if (resume == Signal.WAIT_ELAPSED) {
      return proceed(fiber, state, fiber.waitOutput);
    }
    if (resume instanceof Errored errored) {
      throw new StatesError(errored.error(), errored.cause());
    }
    JsonNode result = ((Completed) resume).result();
    if (state instanceof TaskState task) {
      return completeTask(fiber, task, result);
    }
    if (state instanceof ParallelState parallel) {
      return complete(fiber, parallel, parallel.resultSelector(), parallel.resultPath(), result);
    }
    MapState map = (MapState) state;
    return complete(fiber, map, map.resultSelector(), map.resultPath(), result);
  }

  private Step execute(Fiber fiber, State state) {
    if (state instanceof TaskState task) {
      return executeTask(fiber, task);
    }
    if (state instanceof PassState pass) {
      JsonNode input = effectiveInput(fiber, pass);
      if (pass.parameters() != null) {
        input = pass.parameters().evaluate(scope(fiber, input, null));
      }
      JsonNode result = pass.result() != null ? pass.result() : input;
      return proceed(fiber, pass, applyResultPath(fiber, pass.resultPath(), result));
    }
    if (state instanceof ChoiceState choice) {
      return executeChoice(fiber, choice);
    }
    if (state instanceof WaitState wait) {
      return executeWait(fiber, wait);
    }
    if (state instanceof SucceedState succeed) {
      return new Finish(applyOutputPath(fiber, succeed, effectiveInput(fiber, succeed)));
    }
    if (state instanceof FailState fail) {
      Scope scope = scope(fiber, fiber.stateInput, null);
      String error =
          fail.errorPath() == null
              ? fail.error()
              : text(fail.errorPath().evaluate(scope), "ErrorPath");
      String cause =
          fail.causePath() == null
              ? fail.cause()
              : text(fail.causePath().evaluate(scope), "CausePath");
      return new Failure(error, cause);
    }
    if (state instanceof ParallelState parallel) {
      return executeParallel(fiber, parallel);
    }
    return executeMap(fiber, (MapState) state);
  }

  private Step executeTask(Fiber fiber, TaskState task) {
    JsonNode input = effectiveInput(fiber, task);
    String token = task.waitsForTaskToken() ? newToken() : null;
    Scope scope = scope(fiber, input, token);
    JsonNode parameters = task.parameters() == null ? input : task.parameters().evaluate(scope);
    Duration timeout = taskTimeout(task, scope);
    if (token != null) {
      fibersByToken.put(token, fiber);
      fiber.taskToken = token;
    }
    Instant invokedAt = clock.instant();
    fiber.status = FiberStatus.INVOKING;
    Invocation invocation =
        invoke(
            task.resource(),
            Json.copy(parameters),
            new TaskContext(fiber.execution.arn, task.name(), token));
    if (!fiber.isLive()) {
      // The execution was stopped, or a sibling branch failed, while the task ran.
      return Signal.SUSPENDED;
    }
    fiber.status = FiberStatus.RUNNING;
    if (token != null) {
      Resume early = fiber.earlyAnswer;
      fiber.earlyAnswer = null;
      if (early != null) {
        // The task answered its own token before returning; that answer came first, so it wins.
        return advance(fiber, early);
      }
      if (invocation.error() != null) {
        releaseToken(fiber);
        throw new StatesError(invocation.error(), invocation.cause());
      }
      if (timeout != null) {
        addTimer(fiber, invokedAt.plus(timeout), TimerKind.TASK_TIMEOUT);
      } else {
        waitFor(fiber);
      }
      return Signal.SUSPENDED;
    }
    if (invocation.error() != null) {
      throw new StatesError(invocation.error(), invocation.cause());
    }
    if (timeout != null && clock.instant().isAfter(invokedAt.plus(timeout))) {
      throw new StatesError(
          StatesErrors.TIMEOUT,
          "Task '" + task.name() + "' ran longer than " + timeout.toSeconds() + " seconds");
    }
    return completeTask(fiber, task, invocation.result());
  }

  private Duration taskTimeout(TaskState task, Scope scope) {
    if (task.timeoutSeconds() != null) {
      return Duration.ofSeconds(task.timeoutSeconds());
    }
    if (task.timeoutSecondsPath() == null) {
      return null;
    }
    JsonNode value = task.timeoutSecondsPath().readRequired(scope, "TimeoutSecondsPath");
    Long seconds = Json.wholeNumber(value);
    if (seconds == null || seconds <= 0) {
      throw StatesError.runtime(
          "TimeoutSecondsPath '"
              + task.timeoutSecondsPath()
              + "' must select a positive integer, got "
              + Json.quote(value));
    }
    return Duration.ofSeconds(seconds);
  }

  /** Calls the invoker with the engine lock fully released (see the class doc for why). */
  private Invocation invoke(String resource, JsonNode parameters, TaskContext context) {
    int holds = lock.getHoldCount();
    for (int i = 0; i < holds; i++) {
      lock.unlock();
    }
    int[] depth = invokeDepth.get();
    depth[0]++;
    try {
      return new Invocation(Json.copy(invoker.invoke(resource, parameters, context)), null, null);
    } catch (TaskFailedException e) {
      return new Invocation(null, e.error(), e.cause());
    } catch (RuntimeException e) {
      // As Lambda reports an unhandled exception: the exception type is the error name.
      return new Invocation(null, e.getClass().getName(), e.getMessage());
    } finally {
      depth[0]--;
      for (int i = 0; i < holds; i++) {
        lock.lock();
      }
    }
  }

  private Step completeTask(Fiber fiber, TaskState task, JsonNode result) {
    return complete(fiber, task, task.resultSelector(), task.resultPath(), result);
  }

  /**
   * ResultSelector, ResultPath and OutputPath, as Task, Parallel and Map apply them to a result.
   */
  private Step complete(
      Fiber fiber,
      State state,
      PayloadTemplate resultSelector,
      JsonPath resultPath,
      JsonNode result) {
    JsonNode selected =
        resultSelector == null ? result : resultSelector.evaluate(scope(fiber, result, null));
    return proceed(fiber, state, applyResultPath(fiber, resultPath, selected));
  }

  private Step executeChoice(Fiber fiber, ChoiceState choice) {
    JsonNode input = effectiveInput(fiber, choice);
    Scope scope = scope(fiber, input, null);
    for (Choice rule : choice.choices()) {
      if (rule.rule().matches(scope)) {
        return new Goto(rule.next(), applyOutputPath(fiber, choice, input));
      }
    }
    if (choice.defaultNext() != null) {
      return new Goto(choice.defaultNext(), applyOutputPath(fiber, choice, input));
    }
    throw new StatesError(
        StatesErrors.NO_CHOICE_MATCHED,
        "No Choice Rules matched and no Default "
            + "was specified in state '"
            + choice.name()
            + "'");
  }

  private Step executeWait(Fiber fiber, WaitState wait) {
    JsonNode input = effectiveInput(fiber, wait);
    Instant now = clock.instant();
    Instant due;
    if (wait.seconds() != null) {
      due = now.plusSeconds(wait.seconds());
    } else if (wait.timestamp() != null) {
      due = wait.timestamp();
    } else if (wait.secondsPath() != null) {
      JsonNode value = wait.secondsPath().readRequired(scope(fiber, input, null), "SecondsPath");
      Long seconds = Json.wholeNumber(value);
      if (seconds == null || seconds < 0) {
        throw StatesError.runtime(
            "SecondsPath '"
                + wait.secondsPath()
                + "' must select a non-negative integer, got "
                + Json.quote(value));
      }
      due = now.plusSeconds(seconds);
    } else {
      JsonNode value =
          wait.timestampPath().readRequired(scope(fiber, input, null), "TimestampPath");
      due =
          (value.isTextual() ? Timestamps.parse(value.textValue()) : Optional.<Instant>empty())
              .orElseThrow(
                  () ->
                      StatesError.runtime(
                          "TimestampPath '"
                              + wait.timestampPath()
                              + "' must select an RFC 3339 timestamp, got "
                              + Json.quote(value)));
    }
    if (!due.isAfter(now)) {
      return proceed(fiber, wait, input);
    }
    fiber.waitOutput = input;
    addTimer(fiber, due, TimerKind.WAIT);
    return Signal.SUSPENDED;
  }

  private Step executeParallel(Fiber fiber, ParallelState parallel) {
    JsonNode input = effectiveInput(fiber, parallel);
    JsonNode branchInput =
        parallel.parameters() == null
            ? input
            : parallel.parameters().evaluate(scope(fiber, input, null));
    Join join = new Join(fiber, parallel.branches().size(), 0);
    for (Graph branch : parallel.branches()) {
      join.notStarted.add(new PendingChild(branch, branchInput));
    }
    return fork(fiber, join);
  }

  private Step executeMap(Fiber fiber, MapState map) {
    JsonNode input = effectiveInput(fiber, map);
    Scope scope = scope(fiber, input, null);
    JsonNode items = map.itemsPath().readRequired(scope, "ItemsPath");
    if (!items.isArray()) {
      throw StatesError.runtime(
          "ItemsPath '" + map.itemsPath() + "' must select an array, got " + Json.quote(items));
    }
    int maxConcurrency = map.maxConcurrency();
    if (map.maxConcurrencyPath() != null) {
      JsonNode value = map.maxConcurrencyPath().readRequired(scope, "MaxConcurrencyPath");
      Long limit = Json.wholeNumber(value);
      if (limit == null || limit < 0 || limit > Integer.MAX_VALUE) {
        throw StatesError.runtime(
            "MaxConcurrencyPath '"
                + map.maxConcurrencyPath()
                + "' must select a non-negative integer, got "
                + Json.quote(value));
      }
      maxConcurrency = limit.intValue();
    }
    if (items.isEmpty()) {
      return complete(fiber, map, map.resultSelector(), map.resultPath(), Json.NODES.arrayNode());
    }
    Join join = new Join(fiber, items.size(), maxConcurrency);
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      int index = i;
      JsonNode iterationInput =
          map.itemSelector() == null
              ? item
              : map.itemSelector()
                  .evaluate(new Scope(input, () -> contextObject(fiber, null, item, index)));
      join.notStarted.add(new PendingChild(map.iterator(), iterationInput));
    }
    return fork(fiber, join);
  }

  /** Parks a Parallel or Map fiber until its children are done, and queues the children. */
  private Step fork(Fiber fiber, Join join) {
    fiber.join = join;
    waitFor(fiber);
    startChildren(join);
    return Signal.SUSPENDED;
  }

  private void startChildren(Join join) {
    while (!join.closed
        && !join.notStarted.isEmpty()
        && (join.maxConcurrency == 0 || join.running < join.maxConcurrency)) {
      PendingChild pending = join.notStarted.poll();
      Fiber child = new Fiber(join.owner.execution, pending.graph(), join, join.children.size());
      join.children.add(child);
      join.running++;
      schedule(child, new Begin(pending.input()));
    }
  }

  private void fiberSucceeded(Fiber fiber, JsonNode output) {
    fiber.status = FiberStatus.DONE;
    Join join = fiber.parent;
    if (join == null) {
      finish(fiber.execution, Status.SUCCEEDED, output, null, null);
      return;
    }
    if (join.closed) {
      return;
    }
    join.results[fiber.index] = output;
    join.completed++;
    join.running--;
    if (join.completed < join.results.length) {
      startChildren(join);
      return;
    }
    join.closed = true;
    ArrayNode results = Json.NODES.arrayNode();
    for (JsonNode result : join.results) {
      results.add(result);
    }
    join.owner.join = null;
    wake(join.owner, new Completed(results));
  }

  /** A failed branch or iteration fails its Parallel or Map state and stops its siblings. */
  private void fiberFailed(Fiber fiber, String error, String cause) {
    fiber.status = FiberStatus.DONE;
    Join join = fiber.parent;
    if (join == null) {
      finish(fiber.execution, Status.FAILED, null, error, cause);
      return;
    }
    if (join.closed) {
      return;
    }
    join.closed = true;
    for (Fiber sibling : join.children) {
      cancel(sibling);
    }
    join.owner.join = null;
    wake(join.owner, new Errored(error, cause));
  }

  private void cancel(Fiber fiber) {
    if (fiber.cancelled) {
      return;
    }
    fiber.cancelled = true;
    fiber.waitId++;
    releaseToken(fiber);
    if (fiber.join != null) {
      fiber.join.closed = true;
      for (Fiber child : fiber.join.children) {
        cancel(child);
      }
    }
  }

  private void finish(
      Execution execution, Status status, JsonNode output, String error, String cause) {
    if (execution.status != Status.RUNNING) {
      return;
    }
    execution.status = status;
    execution.output = output;
    execution.error = error;
    execution.cause = cause;
    execution.stopDate = clock.instant();
    cancel(execution.root);
  }

  /** Retry, then Catch, as the States Language defines them; otherwise the state fails. */
  private Step recover(Fiber fiber, StatesError failure) {
    if (!(fiber.state instanceof Recoverable recoverable)
        || StatesErrors.isTerminal(failure.error())) {
      return new Failure(failure.error(), failure.cause());
    }
    List<Retrier> retriers = recoverable.retry();
    for (int i = 0; i < retriers.size(); i++) {
      Retrier retrier = retriers.get(i);
      if (!StatesErrors.matches(retrier.errorEquals(), failure.error())) {
        continue;
      }
      if (fiber.retryAttempts[i] < retrier.maxAttempts()) {
        Duration delay = retrier.delay(fiber.retryAttempts[i], jitterRandom);
        fiber.retryAttempts[i]++;
        fiber.retryCount++;
        if (delay.isZero()) {
          return Signal.RETRY;
        }
        addTimer(fiber, clock.instant().plus(delay), TimerKind.RETRY);
        return Signal.SUSPENDED;
      }
      // Only the first matching retrier counts; once it is used up the error goes to Catch.
      break;
    }
    for (Catcher catcher : recoverable.catchers()) {
      if (StatesErrors.matches(catcher.errorEquals(), failure.error())) {
        ObjectNode errorOutput = Json.NODES.objectNode();
        errorOutput.put("Error", failure.error());
        errorOutput.put("Cause", failure.cause());
        try {
          return new Goto(
              catcher.next(), applyResultPath(fiber, catcher.resultPath(), errorOutput));
        } catch (StatesError resultPathFailure) {
          return new Failure(resultPathFailure.error(), resultPathFailure.cause());
        }
      }
    }
    return new Failure(failure.error(), failure.cause());
  }

  // ---------------------------------------------------------------------------------------------
  // Data flow

  private JsonNode effectiveInput(Fiber fiber, State state) {
    if (state.inputPath() == null) {
      return Json.NODES.objectNode();
    }
    return state.inputPath().readRequired(scope(fiber, fiber.stateInput, null), "InputPath");
  }

  private JsonNode applyOutputPath(Fiber fiber, State state, JsonNode output) {
    if (state.outputPath() == null) {
      return Json.NODES.objectNode();
    }
    return state.outputPath().readRequired(scope(fiber, output, null), "OutputPath");
  }

  private JsonNode applyResultPath(Fiber fiber, JsonPath resultPath, JsonNode result) {
    return resultPath == null ? fiber.stateInput : resultPath.write(fiber.stateInput, result);
  }

  /** OutputPath, then on to Next, or the end of the fiber's graph. */
  private Step proceed(Fiber fiber, State state, JsonNode output) {
    JsonNode out = applyOutputPath(fiber, state, output);
    Transition transition = DefinitionParser.transitionOf(state);
    return transition.end() ? new Finish(out) : new Goto(transition.next(), out);
  }

  private static String text(JsonNode value, String field) {
    if (!value.isTextual()) {
      throw StatesError.runtime(field + " must select a string, got " + Json.quote(value));
    }
    return value.textValue();
  }

  private Scope scope(Fiber fiber, JsonNode input, String taskToken) {
    return new Scope(input, () -> contextObject(fiber, taskToken, null, -1));
  }

  /** The context object ($$) as AWS lays it out, for the fiber's current state. */
  private JsonNode contextObject(Fiber fiber, String taskToken, JsonNode mapItem, int mapIndex) {
    Execution execution = fiber.execution;
    ObjectNode context = Json.NODES.objectNode();
    ObjectNode exec = context.putObject("Execution");
    exec.put("Id", execution.arn);
    exec.put("Name", execution.name);
    exec.put("StartTime", Timestamps.format(execution.startDate));
    exec.set("Input", execution.input);
    ObjectNode machine = context.putObject("StateMachine");
    machine.put("Id", ARN_PREFIX + "stateMachine:" + execution.machineName);
    machine.put("Name", execution.machineName);
    ObjectNode state = context.putObject("State");
    state.put("Name", fiber.state.name());
    state.put("EnteredTime", Timestamps.format(fiber.enteredAt));
    state.put("RetryCount", fiber.retryCount);
    if (taskToken != null) {
      context.putObject("Task").put("Token", taskToken);
    }
    if (mapItem != null) {
      ObjectNode item = context.putObject("Map").putObject("Item");
      item.put("Index", mapIndex);
      item.set("Value", mapItem);
    }
    return context;
  }

  private Execution find(String executionArn) {
    Execution execution = executions.get(executionArn);
    if (execution == null) {
      throw new IllegalArgumentException("ExecutionDoesNotExist: " + executionArn);
    }
    return execution;
  }

  private static void checkName(String name, String what) {
    if (name == null || !VALID_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Invalid "
              + what
              + " '"
              + name
              + "': use 1-80 characters without whitespace or any of < > { } [ ] ? * \" # % \\ ^ | ~ "
              + "` $ & , ; : /");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Runtime records

  private enum FiberStatus {
    READY,
    RUNNING,
    INVOKING,
    WAITING,
    DONE
  }

  private enum TimerKind {
    WAIT,
    RETRY,
    TASK_TIMEOUT,
    EXECUTION_TIMEOUT
  }

  /** Why a fiber is being run. */
  private sealed interface Resume permits Begin, Signal, Completed, Errored {}

  /** What a state's step ended with. */
  private sealed interface Step permits Signal, Goto, Finish, Failure {}

  /** Begin the fiber's graph at StartAt with this input. */
  private record Begin(JsonNode input) implements Resume {}

  /** A Task, Parallel or Map result arrived. */
  private record Completed(JsonNode result) implements Resume {}

  /** A Task, Parallel or Map failed with this error. */
  private record Errored(String error, String cause) implements Resume {}

  private record Goto(String next, JsonNode output) implements Step {}

  private record Finish(JsonNode output) implements Step {}

  private record Failure(String error, String cause) implements Step {}

  /** Resumes and steps that carry no data. */
  private enum Signal implements Resume, Step {
    /** Run the current state (again, after a retry). */
    START,
    /** A Wait state's time has come. */
    WAIT_ELAPSED,
    /** The fiber now waits for a timer, a token or its children. */
    SUSPENDED,
    /** Retry the current state at once (zero delay). */
    RETRY
  }

  private record Invocation(JsonNode result, String error, String cause) {}

  private record Timer(
      Instant due, long sequence, TimerKind kind, Fiber fiber, int waitId, Execution execution) {}

  private record PendingChild(Graph graph, JsonNode input) {}

  private static final class Execution {
    final String arn;
    final String name;
    final String machineName;
    final JsonNode input;
    final Instant startDate;
    final List<String> visited = new ArrayList<>();
    Status status = Status.RUNNING;
    JsonNode output;
    String error;
    String cause;
    Instant stopDate;
    int transitions;
    Fiber root;

    Execution(String arn, String name, String machineName, JsonNode input, Instant startDate) {
      this.arn = arn;
      this.name = name;
      this.machineName = machineName;
      this.input = input;
      this.startDate = startDate;
    }

    ExecutionDescription describe() {
      return new ExecutionDescription(
          arn,
          name,
          machineName,
          status,
          input.deepCopy(),
          output == null ? null : output.deepCopy(),
          error,
          cause,
          startDate,
          stopDate,
          visited);
    }
  }

  /** One line of control: the execution's own, a Parallel branch or a Map iteration. */
  private static final class Fiber {
    final Execution execution;
    final Graph graph;

    /**
     * The Parallel or Map this fiber is a branch or iteration of; null for the execution's root.
     */
    final Join parent;

    final int index;

    State state;
    JsonNode stateInput;
    Instant enteredAt;
    int[] retryAttempts = new int[0];
    int retryCount;

    FiberStatus status = FiberStatus.READY;

    /** Bumped whenever the fiber starts or stops waiting, so that timers set earlier go stale. */
    int waitId;

    Resume pending;

    /** A token answer that came in while the task was still being invoked. */
    Resume earlyAnswer;

    String taskToken;

    /** A Wait state's output, kept while the timer runs. */
    JsonNode waitOutput;

    /** The children of the Parallel or Map state this fiber waits in. */
    Join join;

    boolean cancelled;

    Fiber(Execution execution, Graph graph, Join parent, int index) {
      this.execution = execution;
      this.graph = graph;
      this.parent = parent;
      this.index = index;
    }

    boolean isLive() {
      return !cancelled && status != FiberStatus.DONE && execution.status == Status.RUNNING;
    }
  }

  /** The children of one Parallel or Map state, and their results in order. */
  private static final class Join {
    final Fiber owner;
    final JsonNode[] results;

    /** 0 means no limit. */
    final int maxConcurrency;

    final Deque<PendingChild> notStarted = new ArrayDeque<>();
    final List<Fiber> children = new ArrayList<>();
    int running;
    int completed;
    boolean closed;

    Join(Fiber owner, int size, int maxConcurrency) {
      this.owner = owner;
      this.results = new JsonNode[size];
      this.maxConcurrency = maxConcurrency;
    }
  }
}
