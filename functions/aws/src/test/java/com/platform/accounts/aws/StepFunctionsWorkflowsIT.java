package com.platform.accounts.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.testkit.AwsEmulator;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/** Starting executions named after the challenge, once, on moto's Step Functions. */
class StepFunctionsWorkflowsIT {
  private static final String ROLE = "arn:aws:iam::123456789012:role/contact-verification";

  @RegisterExtension static final AwsEmulator AWS = new AwsEmulator();

  @RegisterExtension final EmulatorClients clients = new EmulatorClients(AWS);

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
        new StepFunctionsWorkflows(clients.client(SfnClient.builder()), arn, arn);

    workflows.startContactVerification("sgn_retried");
    workflows.startContactVerification("sgn_retried");

    assertThat(
            clients
                .client(SfnClient.builder())
                .listExecutions(list -> list.stateMachineArn(arn))
                .executions())
        .extracting(ExecutionListItem::name)
        .containsExactly("sgn_retried" + StepFunctionsWorkflows.PROVEN_SUFFIX);
    DescribeExecutionResponse execution =
        clients
            .client(SfnClient.builder())
            .describeExecution(
                describe ->
                    describe.executionArn(
                        executionArn(arn, "sgn_retried" + StepFunctionsWorkflows.PROVEN_SUFFIX)));
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
                    .name("sgn_taken" + StepFunctionsWorkflows.PROVEN_SUFFIX)
                    .input("{\"challengeId\":\"another\"}"));

    new StepFunctionsWorkflows(clients.client(SfnClient.builder()), arn, arn)
        .startContactVerification("sgn_taken");

    assertThat(
            clients
                .client(SfnClient.builder())
                .listExecutions(list -> list.stateMachineArn(arn))
                .executions())
        .hasSize(1);
  }

  private static String executionArn(String stateMachineArn, String name) {
    return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name;
  }
}
