package com.platform.accounts.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.platform.accounts.core.memory.InMemoryTelemetry;
import com.platform.accounts.core.port.WorkflowOutcome;
import com.platform.accounts.testkit.AwsEmulator;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Starting executions by challenge id, and resuming a waiting task, on moto's Step Functions. */
class StepFunctionsWorkflowsIT {
  private static final String ROLE = "arn:aws:iam::123456789012:role/contact-verification";

  /** How long moto may take to run an execution up to its wait, and on to its end. */
  private static final Duration MOTO_DEADLINE = Duration.ofSeconds(20);

  @RegisterExtension static final AwsEmulator AWS = new AwsEmulator();

  @RegisterExtension final EmulatorClients clients = new EmulatorClients(AWS);

  private final EmulatorTables tables = new EmulatorTables(AWS);

  @AfterEach
  void dropTables() {
    tables.dropAll();
  }

  private String stateMachine(String definition) {
    return clients
        .client(SfnClient.builder())
        .createStateMachine(
            machine ->
                machine
                    .name("contact-verification-" + UUID.randomUUID())
                    .roleArn(ROLE)
                    .definition(definition))
        .stateMachineArn();
  }

  @Test
  void startingTwiceForOneChallengeStartsOneExecutionWithTheChallengeAsInput() {
    String arn =
        stateMachine(
            """
        {"StartAt": "Done", "States": {"Done": {"Type": "Pass", "End": true}}}""");
    StepFunctionsWorkflows workflows =
        new StepFunctionsWorkflows(
            clients.client(SfnClient.builder()), arn, arn, new InMemoryTelemetry());

    workflows.startContactVerification("sgn_retried");
    workflows.startContactVerification("sgn_retried");

    assertThat(
            clients
                .client(SfnClient.builder())
                .listExecutions(list -> list.stateMachineArn(arn))
                .executions())
        .extracting(ExecutionListItem::name)
        .containsExactly("sgn_retried");
    DescribeExecutionResponse execution =
        clients
            .client(SfnClient.builder())
            .describeExecution(describe -> describe.executionArn(executionArn(arn, "sgn_retried")));
    assertThat(execution.input()).isEqualTo("{\"challengeId\":\"sgn_retried\"}");
  }

  @Test
  void anExecutionThatExistsWithAnotherInputCountsAsStarted() {
    String arn =
        stateMachine(
            """
        {"StartAt": "Done", "States": {"Done": {"Type": "Pass", "End": true}}}""");
    clients
        .client(SfnClient.builder())
        .startExecution(
            start ->
                start
                    .stateMachineArn(arn)
                    .name("sgn_taken")
                    .input("{\"challengeId\":\"another\"}"));

    new StepFunctionsWorkflows(
            clients.client(SfnClient.builder()), arn, arn, new InMemoryTelemetry())
        .startContactVerification("sgn_taken");

    assertThat(
            clients
                .client(SfnClient.builder())
                .listExecutions(list -> list.stateMachineArn(arn))
                .executions())
        .hasSize(1);
  }

  @Test
  void resumeCompletesTheWaitingTaskWithTheOutput() {
    AWS.enableStepFunctionsExecution();
    DynamoDbTable table = tables.create(Clock.systemUTC());
    // the execution parks its task token in the table, as the real workflow hands it to a task
    String arn =
        stateMachine(
            """
        {"StartAt": "AwaitProof", "States": {"AwaitProof": {
          "Type": "Task",
          "Resource": "arn:aws:states:::aws-sdk:dynamodb:updateItem.waitForTaskToken",
          "Parameters": {
            "TableName": "%s",
            "Key": {"pk": {"S.$": "$.challengeId"}, "sk": {"S": "TOKEN"}},
            "UpdateExpression": "SET #token = :token",
            "ExpressionAttributeNames": {"#token": "token"},
            "ExpressionAttributeValues": {":token": {"S.$": "$$.Task.Token"}}},
          "TimeoutSeconds": 60,
          "End": true}}}"""
                .formatted(table.tableName()));
    StepFunctionsWorkflows workflows =
        new StepFunctionsWorkflows(
            clients.client(SfnClient.builder()), arn, arn, new InMemoryTelemetry());

    workflows.startContactVerification("sgn_waiting");
    String token = awaitToken(table, "sgn_waiting");
    workflows.resume(token, WorkflowOutcome.ContactOutcome.VERIFIED);

    DescribeExecutionResponse finished = awaitEnd(executionArn(arn, "sgn_waiting"));
    assertThat(finished.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(finished.output().replace(" ", "")).isEqualTo("{\"status\":\"VERIFIED\"}");
  }

  private String awaitToken(DynamoDbTable table, String challengeId) {
    return await("the execution handing out its task token")
        .atMost(MOTO_DEADLINE)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              Map<String, AttributeValue> item =
                  tables
                      .client()
                      .getItem(
                          get ->
                              get.tableName(table.tableName())
                                  .key(
                                      Map.of(
                                          "pk",
                                          AttributeValue.fromS(challengeId),
                                          "sk",
                                          AttributeValue.fromS("TOKEN"))))
                      .item();
              return item != null && item.containsKey("token") ? item.get("token").s() : null;
            },
            Objects::nonNull);
  }

  private DescribeExecutionResponse awaitEnd(String executionArn) {
    return await("the execution ending")
        .atMost(MOTO_DEADLINE)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> clients.stepFunctions().describeExecution(d -> d.executionArn(executionArn)),
            execution -> execution.status() != ExecutionStatus.RUNNING);
  }

  private static String executionArn(String stateMachineArn, String name) {
    return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name;
  }
}
