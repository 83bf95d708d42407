package com.platform.accounts.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.handlers.FakeContext;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.StandardOutput;
import com.platform.accounts.handlers.wiring.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiFrameSettingsTest {

  @Test
  void readsTheVariablesOfTemplateYaml() {
    Settings.Api settings =
        Settings.from(
                Map.of(
                    "FRONTEND_ORIGIN",
                    "https://app.example.com",
                    "POWERTOOLS_METRICS_NAMESPACE",
                    "Accounts"))
            .api();

    assertThat(settings).isEqualTo(new Settings.Api("https://app.example.com", "Accounts"));
  }

  @Test
  void withoutVariablesNoOriginIsAllowedAndMetricsKeepTheServiceNamespace() {
    assertThat(Settings.from(Map.of("FRONTEND_ORIGIN", " ")).api())
        .isEqualTo(new Settings.Api(null, "AccountLifecycle"));
  }

  @Test
  void answersAllowTheFrontendOriginItWasGiven() {
    APIGatewayProxyResponseEvent answer =
        ping(new Settings.Api("https://app.example.com", "AccountLifecycle"));

    assertThat(answer.getHeaders())
        .containsEntry("Access-Control-Allow-Origin", "https://app.example.com")
        .containsEntry("Vary", "Origin");
  }

  @Test
  void withoutAFrontendOriginNoOriginIsAllowed() {
    APIGatewayProxyResponseEvent answer = ping(new Settings.Api(null, "AccountLifecycle"));

    assertThat(answer.getStatusCode()).isEqualTo(200);
    assertThat(answer.getHeaders()).doesNotContainKey("Access-Control-Allow-Origin");
  }

  @Test
  void metricsGoToTheNamespaceItWasGiven() {
    String out =
        StandardOutput.of(
            () -> ping(new Settings.Api(null, "AccountsUnderTest"), new FakeContext()));

    assertThat(out).contains("\"Namespace\":\"AccountsUnderTest\"");
  }

  private static APIGatewayProxyResponseEvent ping(Settings.Api settings) {
    return ping(settings, null);
  }

  private static APIGatewayProxyResponseEvent ping(Settings.Api settings, Context context) {
    TestLifecycle core = new TestLifecycle();
    ApiHandler api =
        new ApiHandler(core.lifecycle.authenticator(), core.lifecycle.idempotency(), settings) {
          {
            route("GET", "/v1/ping", request -> ApiResponse.of(200, Json.object()));
          }
        };
    return api.handle(
        new APIGatewayProxyRequestEvent()
            .withHttpMethod("GET")
            .withResource("/v1/ping")
            .withPath("/v1/ping"),
        context);
  }
}
