package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The front door as README's Capacity and Load test sections describe it: a stage throttle of its
 * own for every route that hashes a password or sends a message, each set by a template parameter;
 * full tiered compilation only where every request hashes a password.
 */
class FrontDoorTemplateTest {
  private static final String TIERED_STOP = "-XX:TieredStopAtLevel=1";

  private static JsonNode template;

  @BeforeAll
  static void readTemplate() throws Exception {
    // Jackson reads a CloudFormation tag's value and drops the tag: "!Ref Name" reads as "Name"
    template =
        new ObjectMapper(new YAMLFactory())
            .readTree(TestRuntimes.repoRoot().resolve("template.yaml").toFile());
  }

  @Test
  void everySensitiveRouteHasItsOwnStageThrottleSetByParameters() {
    Map<String, JsonNode> settings = new HashMap<>();
    for (JsonNode setting :
        template.path("Resources").path("AccountApi").path("Properties").path("MethodSettings")) {
      settings.put(
          setting.path("HttpMethod").asText() + " " + setting.path("ResourcePath").asText(),
          setting);
    }
    List<String> routes =
        List.of(
            "* /*",
            "POST /~1v1~1signups",
            "POST /~1v1~1signups~1{signupId}~1code",
            "POST /~1v1~1signups~1{signupId}~1verify",
            "POST /~1v1~1sessions",
            "POST /~1v1~1account~1verifications",
            "POST /~1v1~1account~1verifications~1{verificationId}~1verify",
            "POST /~1v1~1account~1payment-methods~1cards",
            "POST /~1v1~1account~1payment-methods~1paypal",
            "POST /~1v1~1account~1deletion");

    assertThat(settings).containsKeys(routes.toArray(String[]::new));
    List<String> parameters = new ArrayList<>();
    for (String route : routes) {
      JsonNode setting = settings.get(route);
      parameters.add(setting.path("ThrottlingRateLimit").asText());
      parameters.add(setting.path("ThrottlingBurstLimit").asText());
      assertThat(setting.path("DataTraceEnabled").asBoolean(true)).as(route).isFalse();
    }
    assertThat(parameters).doesNotHaveDuplicates();
    for (String parameter : parameters) {
      assertThat(template.path("Parameters").path(parameter).path("Default").asInt())
          .as(parameter)
          .isPositive();
    }
  }

  @Test
  void onlyTheFunctionsThatHashPasswordsLeaveC1() {
    assertThat(
            template
                .path("Globals")
                .path("Function")
                .path("Environment")
                .path("Variables")
                .path("JAVA_TOOL_OPTIONS")
                .asText())
        .contains(TIERED_STOP);
    Map<String, String> overrides = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> resource = it.next();
      JsonNode options =
          resource.getValue().path("Properties").path("Environment").path("Variables");
      if (resource.getValue().path("Type").asText().equals("AWS::Serverless::Function")
          && options.has("JAVA_TOOL_OPTIONS")) {
        overrides.put(resource.getKey(), options.path("JAVA_TOOL_OPTIONS").asText());
      }
    }

    assertThat(overrides).containsOnlyKeys("SignupApiFunction", "SessionApiFunction");
    assertThat(overrides.values()).allMatch(options -> !options.contains(TIERED_STOP));
  }
}
