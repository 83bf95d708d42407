package com.platform.accounts.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.asl.ExecutionDescription.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Tasks that call back into the engine, and several threads driving one engine. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ConcurrencyAndCallbackTest extends EngineTestSupport {

  private static final String CHILD =
      """
      {"StartAt": "Child", "States": {"Child": {"Type": "Pass", "Result": "child done",
        "End": true}}}
      """;

  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void taskStartingAnotherExecutionOnItsOwnThreadHasItRunOnceTheTaskReturns() {
    StateMachine child = engine.parse(CHILD);
    AtomicReference<Status> statusSeenInsideTask = new AtomicReference<>();
    tasks.on(
        "startChild",
        (r, p, c) -> {
          String arn = engine.startExecution(child, "Child", "child-of-" + c.stateName(), p);
          statusSeenInsideTask.set(engine.describe(arn).status());
          return json("\"" + arn + "\"");
        });

    ExecutionDescription parent =
        run(
            """
        {"StartAt": "Spawn", "States": {"Spawn": {"Type": "Task", "Resource": "startChild",
          "End": true}}}
        """,
            "{}");

    assertThat(parent.status()).isEqualTo(Status.SUCCEEDED);
    // Queued rather than run recursively inside the task...
    assertThat(statusSeenInsideTask).hasValue(Status.RUNNING);
    // ...and finished before the outer call returned.
    ExecutionDescription childRun = describe(parent.output().textValue());
    assertThat(childRun.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(childRun.output()).isEqualTo(json("\"child done\""));
  }

  @Test
  void chainsOfExecutionsStartedFromTasksDoNotGrowTheStack() {
    StateMachine chain =
        engine.parse(
            """
        {"StartAt": "Next", "States": {"Next": {"Type": "Task", "Resource": "chain",
          "End": true}}}
        """);
    tasks.on(
        "chain",
        (r, p, c) -> {
          int n = p.path("n").asInt();
          if (n < 2000) {
            engine.startExecution(
                chain, "Chain", "link-" + (n + 1), json("{\"n\": " + (n + 1) + "}"));
          }
          return p;
        });

    engine.startExecution(chain, "Chain", "link-0", json("{\"n\": 0}"));

    assertThat(engine.executions())
        .hasSize(2001)
        .allSatisfy(d -> assertThat(d.status()).isEqualTo(Status.SUCCEEDED));
  }

  @Test
  void taskBlockingOnAnotherThreadThatUsesTheEngineDoesNotDeadlock() {
    StateMachine child = engine.parse(CHILD);
    tasks.on(
        "viaOtherThread",
        (r, p, c) -> {
          Future<JsonNode> reply =
              pool.submit(
                  () -> {
                    String arn = engine.startExecution(child, "Child", "from-worker", null);
                    return engine.describe(arn).output();
                  });
          try {
            return reply.get(5, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new TaskFailedException("WorkerFailed", e.toString());
          }
        });

    ExecutionDescription d =
        run(
            """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "viaOtherThread",
          "End": true}}}
        """,
            "{}");

    assertThat(d.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(d.output()).isEqualTo(json("\"child done\""));
  }

  @Test
  void stopFromAnotherThreadWhileATaskRunsDiscardsItsResult() throws Exception {
    CountDownLatch taskStarted = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    tasks.on(
        "slow",
        (r, p, c) -> {
          taskStarted.countDown();
          try {
            stopped.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return json("\"late\"");
        });
    Future<String> runner =
        pool.submit(
            () ->
                start(
                    """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "slow", "Next": "After"},
          "After": {"Type": "Pass", "End": true}}}
        """,
                    "{}"));
    assertThat(taskStarted.await(5, TimeUnit.SECONDS)).isTrue();

    String arn = engine.executions().get(0).executionArn();
    engine.stopExecution(arn, "Stopped", "by test");
    stopped.countDown();
    runner.get(5, TimeUnit.SECONDS);

    ExecutionDescription d = describe(arn);
    assertThat(d.status()).isEqualTo(Status.ABORTED);
    assertThat(d.visitedStates()).containsExactly("T");
  }

  @Test
  void tokensAnsweredFromManyThreadsWhileTheClockRunsAllLand() throws Exception {
    int items = 40;
    String arn =
        start(
            """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true,
          "ItemProcessor": {"StartAt": "Ask", "States": {
            "Ask": {"Type": "Task", "Resource": "ask.waitForTaskToken", "Next": "Cool"},
            "Cool": {"Type": "Wait", "Seconds": 5, "End": true}}}}}}
        """,
            json(rangeJson(items)).toString());
    List<ScriptedInvoker.Call> calls = tasks.calls("ask.waitForTaskToken");
    assertThat(calls).hasSize(items);

    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int worker = w;
      workers.add(
          pool.submit(
              () -> {
                for (int i = worker; i < items; i += 4) {
                  ScriptedInvoker.Call call = calls.get(i);
                  engine.sendTaskSuccess(
                      call.context().taskToken(),
                      json(String.valueOf(call.parameters().intValue() * 10)));
                }
              }));
    }
    for (int tick = 0; tick < 20; tick++) {
      clock.advanceBy(Duration.ofSeconds(1));
      engine.runDue();
    }
    for (Future<?> worker : workers) {
      worker.get(5, TimeUnit.SECONDS);
    }
    engine.runUntil(clock.instant().plusSeconds(5));

    ExecutionDescription d = describe(arn);
    assertThat(d.status()).isEqualTo(Status.SUCCEEDED);
    for (int i = 0; i < items; i++) {
      assertThat(d.output().get(i).intValue()).isEqualTo(i * 10);
    }
  }

  private static String rangeJson(int n) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      out.append(i == 0 ? "" : ",").append(i);
    }
    return out.append("]").toString();
  }
}
