package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The answers API Gateway gives itself in AWS (throttling, unknown routes, its 4xx and 5xx) carry
 * the headers the functions' answers carry.
 */
class GatewayResponsesTemplateTest {

  @Test
  void everyGatewayResponseTellsBrowsersNotToSniffItsType() throws Exception {
    JsonNode responses =
        new ObjectMapper(new YAMLFactory())
            .readTree(TestRuntimes.repoRoot().resolve("template.yaml").toFile())
            .path("Resources")
            .path("AccountApi")
            .path("Properties")
            .path("GatewayResponses");

    assertThat(responses.size()).isPositive();
    for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> response = it.next();
      assertThat(
              response
                  .getValue()
                  .path("ResponseParameters")
                  .path("Headers")
                  .path("X-Content-Type-Options")
                  .asText())
          .as(response.getKey())
          .isEqualTo("'nosniff'");
    }
  }
}
