package com.platform.accounts.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.PhoneBudgets;
import com.platform.accounts.handlers.Events;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.TestHandlers;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The client IP that SMS and voice budgets count comes from API Gateway's request context, and an
 * over-budget send is answered 429 with Retry-After and the email channel suggested.
 */
class PhoneBudgetsApiTest {
  private final TestLifecycle t =
      new TestLifecycle(
          new PhoneBudgets.Limits(100, 1, 100, 100, 1, Duration.ofHours(1), Set.of()));
  private final SignupApi api = TestHandlers.signupApi(t.lifecycle);

  private APIGatewayProxyResponseEvent smsSignup(int n, String sourceIp) {
    APIGatewayProxyRequestEvent event =
        Events.api("SignupApiFunction-post-signups.json")
            .withBody(
                "{\"country\": \"US\", \"email\": \"ip"
                    + n
                    + "@example.com\", \"password\": \"correct horse battery staple\","
                    + " \"passwordConfirmation\": \"correct horse battery staple\","
                    + " \"termsAccepted\": true, \"verificationChannel\": \"SMS\","
                    + " \"phone\": \"+1202555014"
                    + n
                    + "\"}");
    event.setRequestContext(
        new APIGatewayProxyRequestEvent.ProxyRequestContext()
            .withIdentity(
                new APIGatewayProxyRequestEvent.RequestIdentity().withSourceIp(sourceIp)));
    return api.handle(event, null);
  }

  @Test
  void theSecondSmsFromOneSourceIpIsA429SuggestingEmailAndAnotherIpGoesOn() throws Exception {
    assertThat(smsSignup(1, "198.51.100.20").getStatusCode()).isEqualTo(201);

    APIGatewayProxyResponseEvent refused = smsSignup(2, "198.51.100.20");

    assertThat(refused.getStatusCode()).isEqualTo(429);
    assertThat(Long.parseLong(refused.getHeaders().get("Retry-After"))).isPositive();
    JsonNode body = Json.MAPPER.readTree(refused.getBody());
    assertThat(body.path("code").asText()).isEqualTo("RATE_LIMITED");
    assertThat(body.path("suggestedChannel").asText()).isEqualTo("EMAIL");
    assertThat(t.outbox.to("+12025550142")).isEmpty();
    assertThat(smsSignup(3, "198.51.100.21").getStatusCode()).isEqualTo(201);
  }
}
