package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The resource ledger's two ways in as the template deploys them: the internal route behind IAM
 * only, and the queue whose refused messages end in a dead-letter queue that raises an alarm.
 */
class LedgerTemplateTest {
  private static JsonNode template;
  private static JsonNode resources;

  @BeforeAll
  static void readTemplate() throws Exception {
    // Jackson reads a CloudFormation tag's value and drops the tag: "!Ref Name" reads as "Name"
    template =
        new ObjectMapper(new YAMLFactory())
            .readTree(TestRuntimes.repoRoot().resolve("template.yaml").toFile());
    resources = template.path("Resources");
  }

  private static JsonNode properties(String logicalId) {
    return resources.path(logicalId).path("Properties");
  }

  @Test
  void theInternalRouteTakesOnlyIamSignedCallers() {
    JsonNode event = properties("LedgerEventsApiFunction").path("Events").path("PostLedgerEvent");

    assertThat(event.path("Properties").path("Path").asText())
        .isEqualTo("/internal/v1/ledger-events");
    assertThat(event.path("Properties").path("Auth").path("Authorizer").asText())
        .isEqualTo("AWS_IAM");
  }

  @Test
  void refusedQueueMessagesAreReportedOneByOneAndEndInTheDeadLetterQueue() {
    JsonNode source = properties("LedgerQueueFunction").path("Events").path("LedgerEvents");
    JsonNode queue = properties("LedgerEventsQueue");
    int timeout =
        properties("LedgerQueueFunction")
            .path("Timeout")
            .asInt(template.path("Globals").path("Function").path("Timeout").asInt(15));

    assertThat(source.path("Type").asText()).isEqualTo("SQS");
    assertThat(source.path("Properties").path("FunctionResponseTypes").get(0).asText())
        .isEqualTo("ReportBatchItemFailures");
    assertThat(source.path("Properties").path("BatchSize").asInt()).isEqualTo(10);
    assertThat(queue.path("VisibilityTimeout").asInt()).isGreaterThanOrEqualTo(6 * timeout);
    assertThat(queue.path("RedrivePolicy").path("deadLetterTargetArn").asText())
        .isEqualTo("LedgerEventsDeadLetterQueue.Arn");
    assertThat(queue.path("RedrivePolicy").path("maxReceiveCount").asInt()).isEqualTo(3);
    assertThat(properties("LedgerEventsDeadLetterQueue").path("MessageRetentionPeriod").asInt())
        .isEqualTo(14 * 24 * 3600);
    assertThat(
            properties("LedgerEventsDeadLetteredAlarm")
                .path("Dimensions")
                .get(0)
                .path("Value")
                .asText())
        .isEqualTo("LedgerEventsDeadLetterQueue.QueueName");
  }

  /** A charge issued to an account being deleted starts its deletion's collection of charges. */
  @Test
  void bothLedgerFunctionsWriteTheTableAndStartDeletionsOnlyAndReadNoSecret() {
    for (String function : new String[] {"LedgerEventsApiFunction", "LedgerQueueFunction"}) {
      assertThat(properties(function).path("Policies"))
          .extracting(JsonNode::asText)
          .as(function)
          .containsExactly("AccountsTableDataPolicy", "AccountDeletionStartPolicy");
    }
  }
}
