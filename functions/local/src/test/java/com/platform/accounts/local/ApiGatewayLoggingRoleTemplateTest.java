package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * The account-wide role API Gateway assumes to write stage logs trusts API Gateway exactly as AWS
 * documents it: a condition on a key API Gateway does not send (such as {@code aws:SourceAccount})
 * would make the account setting fail and the stack roll back.
 */
class ApiGatewayLoggingRoleTemplateTest {

  @Test
  void theLoggingRoleTrustsApiGatewayWithoutConditions() throws Exception {
    JsonNode template =
        new ObjectMapper(new YAMLFactory())
            .readTree(TestRuntimes.repoRoot().resolve("template.yaml").toFile());
    JsonNode statements =
        template
            .path("Resources")
            .path("ApiGatewayCloudWatchRole")
            .path("Properties")
            .path("AssumeRolePolicyDocument")
            .path("Statement");

    assertThat(statements).hasSize(1);
    JsonNode statement = statements.get(0);
    assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
    assertThat(statement.path("Principal").path("Service").asText())
        .isEqualTo("apigateway.amazonaws.com");
    assertThat(statement.path("Action").asText()).isEqualTo("sts:AssumeRole");
    assertThat(statement.has("Condition")).as("no condition API Gateway may not satisfy").isFalse();
  }
}
