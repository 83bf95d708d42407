package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whatever the WAF blocks, the browser reads a problem with the CORS header, not a CORS error. The
 * rate-based rules answer their own 429 (a WAF custom response); the managed rule groups' blocks
 * carry none, so API Gateway answers them with its {@code WAF_FILTERED} gateway response (a WAF
 * custom response, where set, takes precedence over it). Overriding each managed rule's action with
 * a custom response would have to name every rule of every group version, and AWS silently ignores
 * a name the group does not ship.
 */
class WafBlocksTemplateTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode resources;

  @BeforeAll
  static void readTemplate() throws Exception {
    // Jackson reads a CloudFormation tag's value and drops the tag: "!Ref Name" reads as "Name"
    resources =
        new ObjectMapper(new YAMLFactory())
            .readTree(TestRuntimes.repoRoot().resolve("template.yaml").toFile())
            .path("Resources");
  }

  @Test
  void everyBlockingRuleOfTheWebAclAnswersItsProblemWithTheCorsHeader() throws Exception {
    JsonNode acl = resources.path("AccountApiWebAcl").path("Properties");
    int blocking = 0;
    for (JsonNode rule : acl.path("Rules")) {
      JsonNode block = rule.path("Action").path("Block");
      if (block.isMissingNode()) {
        continue;
      }
      blocking++;
      String name = rule.path("Name").asText();
      JsonNode response = block.path("CustomResponse");
      assertThat(header(response, "Access-Control-Allow-Origin"))
          .as(name)
          .isEqualTo("FrontendOrigin");
      JsonNode body =
          acl.path("CustomResponseBodies").path(response.path("CustomResponseBodyKey").asText());
      assertThat(body.path("ContentType").asText()).as(name).isEqualTo("APPLICATION_JSON");
      JsonNode problem = JSON.readTree(body.path("Content").asText());
      assertThat(problem.path("status").asInt())
          .as(name)
          .isEqualTo(response.path("ResponseCode").asInt());
      assertThat(problem.path("code").asText()).as(name).isNotEmpty();
    }
    assertThat(blocking).as("the rate-based rules").isEqualTo(6);
  }

  @Test
  void aBlockByAManagedRuleGroupIsAnsweredAsAProblemWithTheCorsHeader() throws Exception {
    JsonNode acl = resources.path("AccountApiWebAcl").path("Properties");
    int managed = 0;
    for (JsonNode rule : acl.path("Rules")) {
      if (rule.path("Statement").has("ManagedRuleGroupStatement")) {
        managed++;
        assertThat(rule.path("OverrideAction").has("None"))
            .as("%s blocks as its rules say", rule.path("Name").asText())
            .isTrue();
      }
    }
    assertThat(managed).isEqualTo(3);

    JsonNode filtered =
        resources
            .path("AccountApi")
            .path("Properties")
            .path("GatewayResponses")
            .path("WAF_FILTERED");
    JsonNode headers = filtered.path("ResponseParameters").path("Headers");
    assertThat(filtered.path("StatusCode").asText()).isEqualTo("403");
    assertThat(headers.path("Access-Control-Allow-Origin").asText())
        .isEqualTo("'${FrontendOrigin}'");
    assertThat(headers.path("Content-Type").asText()).isEqualTo("'application/problem+json'");
    JsonNode problem =
        JSON.readTree(filtered.path("ResponseTemplates").path("application/json").asText());
    assertThat(problem.path("status").asInt()).isEqualTo(403);
    assertThat(problem.path("code").asText()).isEqualTo("REQUEST_BLOCKED");
  }

  private static String header(JsonNode customResponse, String name) {
    for (JsonNode header : customResponse.path("ResponseHeaders")) {
      if (header.path("Name").asText().equalsIgnoreCase(name)) {
        return header.path("Value").asText();
      }
    }
    return null;
  }
}
