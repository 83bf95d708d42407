package com.platform.accounts.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.wiring.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Headers every answer of the API frame carries, whatever route or failure produced it. */
class ApiResponseHeadersTest {
  private final TestLifecycle core = new TestLifecycle();
  private final ApiHandler api =
      new ApiHandler(
          core.lifecycle.authenticator(),
          core.lifecycle.idempotency(),
          new Settings.Api(null, "AccountLifecycle")) {
        {
          route("GET", "/v1/ping", request -> ApiResponse.of(200, Json.object()));
          route("POST", "/v1/pings", request -> ApiResponse.of(201, Json.object().put("n", 1)));
        }
      };

  @Test
  void aRouteAnswerTellsBrowsersNotToSniffItsType() {
    APIGatewayProxyResponseEvent answer = api.handle(request("GET", "/v1/ping"), null);

    assertThat(answer.getStatusCode()).isEqualTo(200);
    assertThat(answer.getHeaders()).containsEntry("X-Content-Type-Options", "nosniff");
  }

  @Test
  void aProblemAnswerTellsBrowsersNotToSniffItsType() {
    APIGatewayProxyResponseEvent answer = api.handle(request("GET", "/v1/nothing"), null);

    assertThat(answer.getStatusCode()).isEqualTo(404);
    assertThat(answer.getHeaders()).containsEntry("X-Content-Type-Options", "nosniff");
  }

  @Test
  void aReplayedAnswerTellsBrowsersNotToSniffItsType() {
    APIGatewayProxyRequestEvent post =
        request("POST", "/v1/pings").withHeaders(Map.of("Idempotency-Key", "key-1")).withBody("{}");
    api.handle(post, null);

    APIGatewayProxyResponseEvent replay = api.handle(post, null);

    assertThat(replay.getStatusCode()).isEqualTo(201);
    assertThat(replay.getHeaders()).containsEntry("X-Content-Type-Options", "nosniff");
  }

  private static APIGatewayProxyRequestEvent request(String method, String resource) {
    return new APIGatewayProxyRequestEvent()
        .withHttpMethod(method)
        .withResource(resource)
        .withPath(resource);
  }
}
