package com.platform.accounts.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

class AwsClientsTest {
  @Test
  void takesTheRegionFromTheEnvironment() {
    try (AwsClients clients =
        AwsClients.fromVariables(Map.of("AWS_REGION", "eu-central-1"), false)) {
      assertThat(clients.region()).isEqualTo(Region.EU_CENTRAL_1);
    }
  }

  @Test
  void refusesToStartWithoutARegion() {
    assertThatThrownBy(() -> AwsClients.fromVariables(Map.of(), false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AWS_REGION");
  }

  @Test
  void buildsEachClientOnce() {
    try (AwsClients clients =
        AwsClients.forEndpoint(URI.create("http://127.0.0.1:1"), "us-east-1", "id", "secret")) {
      assertThat(clients.dynamoDb()).isSameAs(clients.dynamoDb());
      assertThat(clients.client(SnsClient.builder())).isSameAs(clients.client(SnsClient.builder()));
      assertThat(clients.dynamoDb().serviceClientConfiguration().endpointOverride())
          .contains(URI.create("http://127.0.0.1:1"));
    }
  }

  @Test
  void everyClientRunsTheInterceptorsOfTheOverrides() {
    List<String> seen = new ArrayList<>();
    // stops each call before it is sent: nothing listens on the endpoint
    ExecutionInterceptor recordAndStop =
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(
              Context.BeforeExecution context, ExecutionAttributes attributes) {
            seen.add(
                attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)
                    + "."
                    + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            throw new IllegalStateException("stopped before sending");
          }
        };
    try (AwsClients clients =
        AwsClients.forEndpoint(
            URI.create("http://127.0.0.1:1"),
            "us-east-1",
            "id",
            "secret",
            ClientOverrideConfiguration.builder().addExecutionInterceptor(recordAndStop).build())) {
      assertThatThrownBy(() -> clients.dynamoDb().listTables())
          .hasMessage("stopped before sending");
      assertThatThrownBy(() -> clients.client(SnsClient.builder()).listTopics())
          .hasMessage("stopped before sending");
    }

    assertThat(seen).containsExactly("DynamoDb.ListTables", "Sns.ListTopics");
  }
}
