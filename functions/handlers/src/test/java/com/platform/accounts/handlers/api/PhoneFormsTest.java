package com.platform.accounts.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.handlers.Events;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.TestHandlers;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every phone field takes the forms people write, read with the country, and keeps E.164. */
class PhoneFormsTest {
  private static final String PASSWORD = "correct horse battery staple";
  private final TestLifecycle t = new TestLifecycle();
  private final SignupApi signupApi = TestHandlers.signupApi(t.lifecycle);
  private final AccountApi accountApi = TestHandlers.accountApi(t.lifecycle);

  private static APIGatewayProxyRequestEvent signup(String channel, String phone) {
    return Events.api("SignupApiFunction-post-signups.json")
        .withBody(
            "{\"country\":\"US\",\"email\":\"ana@example.com\",\"password\":\""
                + PASSWORD
                + "\",\"passwordConfirmation\":\""
                + PASSWORD
                + "\",\"termsAccepted\":true,\"verificationChannel\":\""
                + channel
                + "\",\"phone\":\""
                + phone
                + "\"}");
  }

  private static JsonNode json(APIGatewayProxyResponseEvent response) throws Exception {
    return Json.MAPPER.readTree(response.getBody());
  }

  @Test
  void anSmsSignupWithANationalNumberTextsAndKeepsItsE164() throws Exception {
    APIGatewayProxyResponseEvent started = signupApi.handle(signup("SMS", "(202) 555-0123"), null);

    assertThat(started.getStatusCode()).isEqualTo(201);
    assertThat(json(started).path("destination").asText()).isEqualTo("+1********23");
    String code = t.lastCode("+12025550123");
    String signupId = json(started).path("signupId").asText();
    APIGatewayProxyResponseEvent verified =
        signupApi.handle(
            signup("SMS", "")
                .withResource("/v1/signups/{signupId}/verify")
                .withPath("/v1/signups/" + signupId + "/verify")
                .withPathParameters(Map.of("signupId", signupId))
                .withBody("{\"code\":\"" + code + "\"}"),
            null);
    String token = json(verified).path("session").path("token").asText();
    APIGatewayProxyRequestEvent account = Events.api("AccountApiFunction-get-account.json");
    account.getHeaders().put("Authorization", "Bearer " + token);
    assertThat(json(accountApi.handle(account, null)).path("phone").asText())
        .isEqualTo("+12025550123");
  }

  @Test
  void theSpacedInternationalFormIsTakenToo() throws Exception {
    APIGatewayProxyResponseEvent started =
        signupApi.handle(signup("VOICE", "+1 (202) 555-0123"), null);

    assertThat(started.getStatusCode()).isEqualTo(201);
    assertThat(t.outbox.to("+12025550123")).hasSize(1);
  }

  @Test
  void aResendToAnotherNumberTakesTheNationalFormWithTheSignupsCountry() throws Exception {
    String signupId =
        json(signupApi.handle(Events.api("SignupApiFunction-post-signups.json"), null))
            .path("signupId")
            .asText();
    t.clock.advanceBy(Duration.ofSeconds(60));

    APIGatewayProxyResponseEvent resent =
        signupApi.handle(
            signup("SMS", "")
                .withResource("/v1/signups/{signupId}/code")
                .withPath("/v1/signups/" + signupId + "/code")
                .withPathParameters(Map.of("signupId", signupId))
                .withBody("{\"channel\":\"SMS\",\"phone\":\"1 202 555 0124\"}"),
            null);

    assertThat(resent.getStatusCode()).isEqualTo(202);
    assertThat(t.outbox.to("+12025550124")).hasSize(1);
  }

  @Test
  void aNumberOfAnotherCountryAndAnImpossibleNumberKeepTheirCodes() throws Exception {
    JsonNode mismatch = json(signupApi.handle(signup("SMS", "+44 20 7183 8750"), null));
    JsonNode invalid = json(signupApi.handle(signup("SMS", "202-555-01"), null));

    assertThat(mismatch.path("errors").get(0).path("code").asText())
        .isEqualTo("PHONE_COUNTRY_MISMATCH");
    assertThat(invalid.path("errors").get(0).path("code").asText()).isEqualTo("INVALID_PHONE");
    assertThat(t.outbox.all()).isEmpty();
  }
}
