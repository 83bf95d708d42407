package com.platform.accounts.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.platform.accounts.core.port.WorkflowUnavailableException;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

/**
 * The Step Functions answers moto never gives (throttling, for one) from a stand-in speaking the
 * service's JSON protocol: which are swallowed, which mean "try again", which surface.
 */
class StepFunctionsWorkflowsErrorsIT {
  private static final String JSON_1_0 = "application/x-amz-json-1.0";
  private static final String ARN =
      "arn:aws:states:us-east-1:123456789012:stateMachine:contact-verification";

  @RegisterExtension
  static final WireMockExtension SERVICE =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private AwsClients clients;
  private StepFunctionsWorkflows workflows;

  @BeforeEach
  void setUp() {
    clients =
        AwsClients.forEndpoint(URI.create(SERVICE.baseUrl()), "us-east-1", "AKIDEXAMPLE", "secret");
    workflows = new StepFunctionsWorkflows(clients.client(SfnClient.builder()), ARN, ARN);
  }

  @AfterEach
  void tearDown() {
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
  void startNamesTheExecutionAfterTheChallengeAndSendsItAsInput() {
    answer("StartExecution", 200, "{\"executionArn\":\"" + ARN + ":sgn_1\",\"startDate\":1}");

    workflows.startContactVerification("sgn_1");

    SERVICE.verify(
        postRequestedFor(urlEqualTo("/"))
            .withRequestBody(
                equalToJson(
                    """
        {"stateMachineArn": "%s", "name": "sgn_1-proven", "input": "{\\"challengeId\\":\\"sgn_1\\"}"}"""
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

  @ParameterizedTest
  @ValueSource(strings = {"ThrottlingException", "ServiceUnavailable"})
  void aThrottledOrFailingStartIsUnavailableSoThatTheRequestCanBeRetried(String error) {
    answer(
        "StartExecution",
        error.equals("ThrottlingException") ? 400 : 503,
        "{\"__type\":\"" + error + "\",\"message\":\"Rate exceeded\"}");

    assertThatThrownBy(() -> workflows.startContactVerification("sgn_1"))
        .isInstanceOf(WorkflowUnavailableException.class);
    assertThatThrownBy(() -> workflows.startCardVerification("acc_1", "pm_1"))
        .isInstanceOf(WorkflowUnavailableException.class);
  }
}
