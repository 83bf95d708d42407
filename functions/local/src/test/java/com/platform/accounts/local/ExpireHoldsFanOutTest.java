package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.asl.AslEngine;
import com.platform.accounts.asl.ExecutionDescription;
import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.asl.TaskFailedException;
import com.platform.accounts.handlers.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The expire-holds state machine as template.yaml deploys it: one run asks the job function for the
 * shards, then invokes it once for each shard; a shard whose invocation fails is left for the next
 * run without failing the others.
 */
class ExpireHoldsFanOutTest {
  private static final String FUNCTION = LocalFunctions.arn("ExpireHoldsFunction");

  private final List<JsonNode> payloads = new ArrayList<>();

  private AslEngine engine(int failingShard) {
    return new AslEngine(
        (resource, parameters, context) -> {
          assertThat(parameters.path("FunctionName").asText()).isEqualTo(FUNCTION);
          JsonNode payload = parameters.path("Payload");
          synchronized (payloads) {
            payloads.add(payload);
          }
          ObjectNode answer = Json.object();
          if (payload.path("plan").asBoolean()) {
            answer.set("shards", Json.MAPPER.valueToTree(IntStream.range(0, 16).boxed().toList()));
          } else if (payload.path("shard").asInt() == failingShard) {
            throw new TaskFailedException("java.lang.IllegalStateException", "the function failed");
          } else {
            answer.put("finished", 1).put("failed", 0).put("deadLettered", 0).put("left", 0);
          }
          ObjectNode output = Json.object();
          output.set("Payload", answer);
          return output;
        },
        new ManualClock(Instant.parse("2026-11-26T09:00:00Z")));
  }

  private static String definition() throws IOException {
    SamTemplate template = SamTemplate.read(TestRuntimes.repoRoot());
    SamTemplate.StateMachine machine = template.stateMachines().get("ExpireHoldsStateMachine");
    assertThat(machine.functionArns())
        .containsEntry("ExpireHoldsFunctionArn", "ExpireHoldsFunction");
    assertThat(template.stateMachineSchedules())
        .contains(
            new SamTemplate.StateMachineSchedule("ExpireHoldsStateMachine", Duration.ofMinutes(5)));
    return Files.readString(machine.definition()).replace("${ExpireHoldsFunctionArn}", FUNCTION);
  }

  @Test
  void oneRunInvokesTheJobOnceForEveryShardItListed() throws IOException {
    AslEngine engine = engine(-1);

    String arn =
        engine.startExecution(engine.parse(definition()), "expire-holds", null, Json.object());

    ExecutionDescription run = engine.describe(arn);
    assertThat(run.status().name()).isEqualTo("SUCCEEDED");
    assertThat(payloads.get(0).path("plan").asBoolean()).isTrue();
    assertThat(payloads.subList(1, payloads.size()))
        .extracting(p -> p.path("shard").asInt())
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 16).boxed().toList());
  }

  @Test
  void aShardThatFailsIsLeftForTheNextRunAndTheOthersAreSwept() throws IOException {
    AslEngine engine = engine(5);

    String arn =
        engine.startExecution(engine.parse(definition()), "expire-holds", null, Json.object());

    ExecutionDescription run = engine.describe(arn);
    assertThat(run.status().name()).isEqualTo("SUCCEEDED");
    assertThat(run.output().path("swept")).hasSize(16);
    assertThat(run.output().path("swept").get(5).path("finished").asInt()).isZero();
    assertThat(run.output().path("swept").get(6).path("finished").asInt()).isEqualTo(1);
  }
}
