package com.platform.accounts.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.platform.accounts.core.card.PaymentMethodStatus;
import com.platform.accounts.core.memory.InMemoryTelemetry;
import com.platform.accounts.core.port.WorkflowOutcome;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

/**
 * The Step Functions answers moto never gives (it accepts any task token, for one) from a stand-in
 * speaking the service's JSON protocol: which are swallowed, which surface, and that no log line
 * carries the task token.
 */
class StepFunctionsWorkflowsErrorsIT {
  private static final String JSON_1_0 = "application/x-amz-json-1.0";
  private static final String TOKEN = "AAAAKgAAAAIAAAAAAAAAAf-secret-task-token";
  private static final String ARN =
      "arn:aws:states:us-east-1:123456789012:stateMachine:contact-verification";

  @RegisterExtension
  static final WireMockExtension SERVICE =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final Logger log = Logger.getLogger(StepFunctionsWorkflows.class.getName());
  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(new SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private AwsClients clients;
  private StepFunctionsWorkflows workflows;
  private final InMemoryTelemetry telemetry = new InMemoryTelemetry();

  @BeforeEach
  void setUp() {
    log.addHandler(capture);
    clients =
        AwsClients.forEndpoint(URI.create(SERVICE.baseUrl()), "us-east-1", "AKIDEXAMPLE", "secret");
    workflows =
        new StepFunctionsWorkflows(clients.client(SfnClient.builder()), ARN, ARN, telemetry);
  }

  @AfterEach
  void tearDown() {
    log.removeHandler(capture);
    clients.close();
  }

  private static void answer(String operation, int status, String body) {
    SERVICE.stubFor(
        post("/")
            .withHeader("X-Amz-Target", equalTo("AWSStepFunctions." + operation))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", JSON_1_0)
                    .withBody(body)));
  }

  @Test
  void startSendsTheChallengeAsNameAndInput() {
    answer("StartExecution", 200, "{\"executionArn\":\"" + ARN + ":sgn_1\",\"startDate\":1}");

    workflows.startContactVerification("sgn_1");

    SERVICE.verify(
        postRequestedFor(urlEqualTo("/"))
            .withRequestBody(
                equalToJson(
                    """
        {"stateMachineArn": "%s", "name": "sgn_1", "input": "{\\"challengeId\\":\\"sgn_1\\"}"}"""
                        .formatted(ARN))));
  }

  @Test
  void anExistingExecutionMeansStarted() {
    answer(
        "StartExecution",
        400,
        "{\"__type\":\"ExecutionAlreadyExists\",\"message\":\"Execution Already Exists\"}");

    assertThatCode(() -> workflows.startContactVerification("sgn_1")).doesNotThrowAnyException();
    assertThatCode(() -> workflows.startCardVerification("acc_1", "pm_1"))
        .doesNotThrowAnyException();

    // each start was asked for once, and its refusal taken as "already started"
    SERVICE.verify(
        2,
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("AWSStepFunctions.StartExecution")));
  }

  @Test
  void otherStartFailuresSurface() {
    answer(
        "StartExecution",
        400,
        "{\"__type\":\"StateMachineDoesNotExist\",\"message\":\"no such state machine\"}");

    assertThatThrownBy(() -> workflows.startContactVerification("sgn_1"))
        .isInstanceOf(StateMachineDoesNotExistException.class);
    assertThatThrownBy(() -> workflows.startCardVerification("acc_1", "pm_1"))
        .isInstanceOf(StateMachineDoesNotExistException.class);
  }

  @Test
  void resumeSendsTheTokenAndOutput() {
    answer("SendTaskSuccess", 200, "{}");

    workflows.resume(TOKEN, WorkflowOutcome.ContactOutcome.VERIFIED);

    SERVICE.verify(
        postRequestedFor(urlEqualTo("/"))
            .withRequestBody(
                equalToJson(
                    "{\"taskToken\": \""
                        + TOKEN
                        + "\", \"output\": \"{\\\"status\\\":\\\"VERIFIED\\\"}\"}")));
  }

  @Test
  void aCardOutcomeIsSentAsThePaymentMethodsStatus() {
    answer("SendTaskSuccess", 200, "{}");

    workflows.resume(TOKEN, new WorkflowOutcome.CardOutcome(PaymentMethodStatus.REMOVED));

    SERVICE.verify(
        postRequestedFor(urlEqualTo("/"))
            .withRequestBody(
                equalToJson(
                    "{\"taskToken\": \""
                        + TOKEN
                        + "\", \"output\": \"{\\\"status\\\":\\\"REMOVED\\\"}\"}")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"TaskTimedOut", "TaskDoesNotExist", "InvalidToken"})
  void aTaskThatNoLongerWaitsIsLoggedWithoutItsTokenAndIgnored(String error) {
    answer("SendTaskSuccess", 400, "{\"__type\":\"" + error + "\",\"message\":\"gone\"}");

    workflows.resume(TOKEN, WorkflowOutcome.ContactOutcome.VERIFIED);

    assertThat(logged).anySatisfy(line -> assertThat(line).contains(error));
    assertThat(logged).noneSatisfy(line -> assertThat(line).contains(TOKEN));
    assertThat(telemetry.counted(StepFunctionsWorkflows.TASK_NO_LONGER_WAITING)).isEqualTo(1);
  }

  @Test
  void otherFailuresSurface() {
    answer("SendTaskSuccess", 400, "{\"__type\":\"InvalidOutput\",\"message\":\"bad\"}");

    assertThatThrownBy(() -> workflows.resume(TOKEN, WorkflowOutcome.ContactOutcome.EXPIRED))
        .isInstanceOf(InvalidOutputException.class);
  }
}
