package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every state machine the template deploys raises an alarm when one of its executions ends badly,
 * whichever way: failed, timed out or aborted (Step Functions counts each in a metric of its own).
 */
class WorkflowAlarmsTemplateTest {
  private static final Set<String> ENDED_BADLY =
      Set.of("ExecutionsFailed", "ExecutionsTimedOut", "ExecutionsAborted");

  @Test
  void everyStateMachineHasAnAlarmOverFailedTimedOutAndAbortedExecutions() throws Exception {
    JsonNode resources =
        new ObjectMapper(new YAMLFactory())
            .readTree(TestRuntimes.repoRoot().resolve("template.yaml").toFile())
            .path("Resources");
    List<String> stateMachines = new ArrayList<>();
    List<String> covered = new ArrayList<>();
    for (Map.Entry<String, JsonNode> resource : resources.properties()) {
      String type = resource.getValue().path("Type").asText();
      if (type.equals("AWS::Serverless::StateMachine")) {
        stateMachines.add(resource.getKey());
      } else if (type.equals("AWS::CloudWatch::Alarm")) {
        covered.addAll(stateMachinesWatchedForEveryBadEnd(resource.getValue().path("Properties")));
      }
    }

    assertThat(stateMachines).hasSize(6);
    assertThat(covered).containsAll(stateMachines);
  }

  /**
   * The state machines whose three bad-end metrics this alarm adds up in the one expression it
   * returns. Jackson drops the {@code !Ref} tag, so a dimension's value reads as the logical id.
   */
  private static List<String> stateMachinesWatchedForEveryBadEnd(JsonNode alarm) {
    JsonNode returned = null;
    for (JsonNode metric : alarm.path("Metrics")) {
      if (metric.path("ReturnData").asBoolean(true)) {
        returned = metric;
      }
    }
    if (returned == null) {
      return List.of();
    }
    String expression = returned.path("Expression").asText();
    Map<String, Set<String>> metricsByStateMachine = new HashMap<>();
    for (JsonNode metric : alarm.path("Metrics")) {
      JsonNode stat = metric.path("MetricStat").path("Metric");
      if (!stat.path("Namespace").asText().equals("AWS/States")
          || !expression.contains(metric.path("Id").asText())) {
        continue;
      }
      for (JsonNode dimension : stat.path("Dimensions")) {
        if (dimension.path("Name").asText().equals("StateMachineArn")) {
          metricsByStateMachine
              .computeIfAbsent(dimension.path("Value").asText(), k -> new HashSet<>())
              .add(stat.path("MetricName").asText());
        }
      }
    }
    return metricsByStateMachine.entrySet().stream()
        .filter(e -> e.getValue().containsAll(ENDED_BADLY))
        .map(Map.Entry::getKey)
        .toList();
  }
}
