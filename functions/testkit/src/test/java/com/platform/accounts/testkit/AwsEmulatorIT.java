package com.platform.accounts.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Starts the emulator the way every integration test does, and checks what the harness offers. */
@ExtendWith(AwsEmulator.class)
class AwsEmulatorIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void startFromNothing(AwsEmulator aws) {
    aws.reset();
  }

  @Test
  void endpointAnswersWithTheAdvertisedRegionAndCredentials(
      AwsEmulator.Endpoint endpoint, AwsEmulator aws) throws Exception {
    HttpResponse<String> dashboard =
        http.send(
            HttpRequest.newBuilder(endpoint.uri().resolve("/moto-api/")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(endpoint.uri()).isEqualTo(aws.endpoint());
    assertThat(endpoint.region()).isEqualTo("us-east-1").isEqualTo(aws.region());
    assertThat(endpoint.accessKeyId()).isEqualTo("testing").isEqualTo(aws.accessKeyId());
    assertThat(endpoint.secretAccessKey()).isEqualTo("testing").isEqualTo(aws.secretAccessKey());
  }

  @Test
  void readsSentEmailAndSmsAndResetForgetsThem(AwsEmulator aws, AwsEmulator.Endpoint endpoint)
      throws Exception {
    AwsCalls calls = new AwsCalls(endpoint);
    // SES refuses unverified senders, as AWS does in the sandbox
    calls.query(
        "ses",
        Map.of(
            "Action",
            "VerifyEmailIdentity",
            "Version",
            "2010-12-01",
            "EmailAddress",
            "noreply@example.com"));
    calls.query(
        "ses",
        Map.of(
            "Action",
            "SendEmail",
            "Version",
            "2010-12-01",
            "Source",
            "noreply@example.com",
            "Destination.ToAddresses.member.1",
            "user@example.com",
            "Message.Subject.Data",
            "Confirm your e-mail",
            "Message.Body.Text.Data",
            "Your code is 123456"));
    calls.query(
        "sns",
        Map.of(
            "Action",
            "Publish",
            "Version",
            "2010-03-31",
            "PhoneNumber",
            "+15555550100",
            "Message",
            "Your code is 654321"));

    assertThat(aws.sentEmails())
        .containsExactly(
            new SentEmail(
                "noreply@example.com",
                List.of("user@example.com"),
                "Confirm your e-mail",
                "Your code is 123456"));
    assertThat(aws.sentSms()).containsExactly(new SentSms("+15555550100", "Your code is 654321"));

    aws.reset();

    assertThat(aws.sentEmails()).isEmpty();
    assertThat(aws.sentSms()).isEmpty();
  }

  @Test
  void stateMachinesRunAndTheirServiceIntegrationsReachTheSameEmulator(
      AwsEmulator aws, AwsEmulator.Endpoint endpoint) throws Exception {
    AwsCalls calls = new AwsCalls(endpoint);
    aws.enableStepFunctionsExecution();
    String definition =
        JSON.writeValueAsString(
            JSON.readTree(
                """
        {"StartAt": "Compose", "States": {
          "Compose": {"Type": "Pass", "Parameters": {"text.$": "States.Format('Your code is {}', $.code)"},
                      "Next": "Send"},
          "Send": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
                   "Parameters": {"PhoneNumber": "+15555550100", "Message.$": "$.text"}, "End": true}}}
        """));
    String stateMachineArn =
        JSON.readTree(
                calls.json(
                    "states",
                    "AWSStepFunctions.CreateStateMachine",
                    JSON.writeValueAsString(
                        Map.of(
                            "name",
                            "send-code",
                            "definition",
                            definition,
                            "roleArn",
                            "arn:aws:iam::123456789012:role/states"))))
            .path("stateMachineArn")
            .asText();
    // an explicit execution name: without one moto names every execution "None" and the next
    // collides
    String executionArn =
        JSON.readTree(
                calls.json(
                    "states",
                    "AWSStepFunctions.StartExecution",
                    JSON.writeValueAsString(
                        Map.of(
                            "stateMachineArn",
                            stateMachineArn,
                            "name",
                            "run-1",
                            "input",
                            "{\"code\": \"123456\"}"))))
            .path("executionArn")
            .asText();

    String status =
        await("the execution ending")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(100))
            .until(
                () ->
                    JSON.readTree(
                            calls.json(
                                "states",
                                "AWSStepFunctions.DescribeExecution",
                                JSON.writeValueAsString(Map.of("executionArn", executionArn))))
                        .path("status")
                        .asText(),
                s -> !s.equals("RUNNING"));

    assertThat(status).isEqualTo("SUCCEEDED");
    assertThat(aws.sentSms()).containsExactly(new SentSms("+15555550100", "Your code is 123456"));
  }

  @Test
  void lambdaWithoutDockerReturnsQueuedResultsAndStateStaysReadable(
      AwsEmulator aws, AwsEmulator.Endpoint endpoint) throws Exception {
    AwsCalls calls = new AwsCalls(endpoint);
    aws.useLambdaWithoutDocker();
    calls.query(
        "iam",
        Map.of(
            "Action",
            "CreateRole",
            "Version",
            "2010-05-08",
            "RoleName",
            "lambda-role",
            "AssumeRolePolicyDocument",
            "{}"));
    String zip =
        Base64.getEncoder().encodeToString(AwsCalls.zipWithOneFile("handler.txt", "not run"));
    calls.rest(
        "lambda",
        "/2015-03-31/functions",
        "{\"FunctionName\": \"stub\", \"Runtime\": \"java17\","
            + " \"Role\": \"arn:aws:iam::123456789012:role/lambda-role\", \"Handler\": \"a.B::handle\","
            + " \"Code\": {\"ZipFile\": \""
            + zip
            + "\"}}");

    aws.queueLambdaResult("{\"verified\":true}");
    String queued = calls.rest("lambda", "/2015-03-31/functions/stub/invocations", "{\"in\":1}");
    String echoed = calls.rest("lambda", "/2015-03-31/functions/stub/invocations", "{\"in\":2}");

    assertThat(queued).isEqualTo("{\"verified\":true}");
    assertThat(echoed).isEqualTo("{\"in\":2}");
    // Without the harness's Docker API stand-in moto fails data.json once a function exists.
    JsonNode functions = aws.state().path("awslambda").path("LambdaFunction");
    assertThat(functions).hasSize(1);
    assertThat(aws.sentSms()).isEmpty();
  }
}
