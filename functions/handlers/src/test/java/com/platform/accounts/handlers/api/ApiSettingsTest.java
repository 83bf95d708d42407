package com.platform.accounts.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.handlers.FakeContext;
import com.platform.accounts.handlers.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiSettingsTest {

  @Test
  void readsTheVariablesOfTemplateYaml() {
    ApiSettings settings = ApiSettings.from(Map.of("FRONTEND_ORIGIN", "https://app.example.com",
        "POWERTOOLS_METRICS_NAMESPACE", "Accounts"));

    assertThat(settings).isEqualTo(new ApiSettings("https://app.example.com", "Accounts"));
  }

  @Test
  void withoutVariablesNoOriginIsAllowedAndMetricsKeepTheServiceNamespace() {
    assertThat(ApiSettings.from(Map.of("FRONTEND_ORIGIN", " ")))
        .isEqualTo(new ApiSettings(null, "AccountLifecycle"));
  }

  @Test
  void answersAllowTheFrontendOriginItWasGiven() {
    APIGatewayProxyResponseEvent answer =
        ping(new ApiSettings("https://app.example.com", "AccountLifecycle"));

    assertThat(answer.getHeaders()).containsEntry("Access-Control-Allow-Origin",
        "https://app.example.com").containsEntry("Vary", "Origin");
  }

  @Test
  void withoutAFrontendOriginNoOriginIsAllowed() {
    APIGatewayProxyResponseEvent answer = ping(new ApiSettings(null, "AccountLifecycle"));

    assertThat(answer.getStatusCode()).isEqualTo(200);
    assertThat(answer.getHeaders()).doesNotContainKey("Access-Control-Allow-Origin");
  }

  @Test
  void metricsGoToTheNamespaceItWasGiven() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      ping(new ApiSettings(null, "AccountsUnderTest"), new FakeContext());
    } finally {
      System.setOut(original);
    }

    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("\"Namespace\":\"AccountsUnderTest\"");
  }

  private static APIGatewayProxyResponseEvent ping(ApiSettings settings) {
    return ping(settings, null);
  }

  private static APIGatewayProxyResponseEvent ping(ApiSettings settings, Context context) {
    ApiHandler api = new ApiHandler(new TestLifecycle().lifecycle, settings) {
      {
        route("GET", "/v1/ping", request -> ApiResponse.of(200, Json.object()));
      }
    };
    return api.handleRequest(new APIGatewayProxyRequestEvent().withHttpMethod("GET")
        .withResource("/v1/ping").withPath("/v1/ping"), context);
  }
}
