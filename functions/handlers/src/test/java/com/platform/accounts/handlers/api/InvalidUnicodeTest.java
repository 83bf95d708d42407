package com.platform.accounts.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.CodeSent;
import com.platform.accounts.handlers.Events;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.TestHandlers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Text that is not valid Unicode, in any field of any body, is refused naming the field. */
class InvalidUnicodeTest {
  private static final String PASSWORD = "correct horse battery staple";

  /** The JSON escape of an unpaired high surrogate, as a client would send it. */
  private static final String UNPAIRED = "\\ud800";

  private final TestLifecycle t = new TestLifecycle();
  private final SignupApi signupApi = TestHandlers.signupApi(t.lifecycle);
  private final SessionApi sessionApi = TestHandlers.sessionApi(t.lifecycle);
  private final PaymentMethodsApi paymentMethodsApi = TestHandlers.paymentMethodsApi(t.lifecycle);

  private static APIGatewayProxyRequestEvent signup(String body) {
    return Events.api("SignupApiFunction-post-signups.json").withBody(body);
  }

  private static String signupBody(String password, String confirmation) {
    return "{\"country\":\"US\",\"email\":\"ana@example.com\",\"password\":\""
        + password
        + "\",\"passwordConfirmation\":\""
        + confirmation
        + "\",\"termsAccepted\":true}";
  }

  private static JsonNode json(APIGatewayProxyResponseEvent response) throws Exception {
    return Json.MAPPER.readTree(response.getBody());
  }

  private static Map<String, String> fieldErrors(APIGatewayProxyResponseEvent response)
      throws Exception {
    JsonNode body = json(response);
    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(body.path("code").asText()).isEqualTo("VALIDATION_FAILED");
    Map<String, String> errors = new LinkedHashMap<>();
    body.path("errors").forEach(e -> errors.put(e.path("field").asText(), e.path("code").asText()));
    return errors;
  }

  @Test
  void aPasswordWithAnUnpairedSurrogateIsRefusedNotReadAsAQuestionMark() throws Exception {
    String password = "abcdefgh" + UNPAIRED + "xyz1 long enough";

    APIGatewayProxyResponseEvent response =
        signupApi.handle(signup(signupBody(password, password)), null);

    assertThat(fieldErrors(response))
        .containsExactly(
            Map.entry("password", "INVALID_VALUE"),
            Map.entry("passwordConfirmation", "INVALID_VALUE"));
    assertThat(t.outbox.all()).isEmpty();
  }

  @Test
  void everyTextFieldIsCheckedAndEachBadOneNamed() throws Exception {
    String body =
        "{\"country\":\"U\\u0000S\",\"email\":\"ana@example.com\\udc00\",\"password\":\""
            + PASSWORD
            + "\",\"passwordConfirmation\":\""
            + PASSWORD
            + "\",\"termsAccepted\":true,\"verificationChannel\":\"SMS\",\"phone\":\"+1202555"
            + UNPAIRED
            + "0123\"}";

    assertThat(fieldErrors(signupApi.handle(signup(body), null)))
        .containsOnlyKeys("country", "email", "phone")
        .containsValues("INVALID_VALUE");
  }

  @Test
  void aSignInWithAnUnpairedSurrogateIsAValidationFailureNotWrongCredentials() throws Exception {
    APIGatewayProxyRequestEvent login =
        Events.api("SessionApiFunction-post-sessions.json")
            .withBody("{\"email\":\"ana@example.com\",\"password\":\"abc" + UNPAIRED + "\"}");

    assertThat(fieldErrors(sessionApi.handle(login, null)))
        .containsExactly(Map.entry("password", "INVALID_VALUE"));
  }

  @Test
  void aNestedFieldIsNamedByItsPath() throws Exception {
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand("US", "ana@example.com", PASSWORD, PASSWORD, true, null, null),
                new Validation());
    String token =
        t.lifecycle
            .signups()
            .verify(sent.challengeId(), t.lastCode("ana@example.com"))
            .session()
            .token();
    APIGatewayProxyRequestEvent verify =
        Events.api("AccountApiFunction-get-account.json")
            .withHttpMethod("POST")
            .withResource("/v1/account/payment-methods/{paymentMethodId}/verify")
            .withPath("/v1/account/payment-methods/pm_x/verify")
            .withPathParameters(Map.of("paymentMethodId", "pm_x"))
            .withBody(
                "{\"localAmounts\":{\"currency\":\"JP\\u0000Y\",\"hold\":\"150\","
                    + "\"microcharge\":\"50\"}}");
    verify.getHeaders().put("Authorization", "Bearer " + token);

    assertThat(fieldErrors(paymentMethodsApi.handle(verify, null)))
        .containsExactly(Map.entry("localAmounts.currency", "INVALID_VALUE"));
  }

  @Test
  void aMemberNameThatIsNotValidTextMakesTheBodyMalformed() throws Exception {
    APIGatewayProxyResponseEvent response =
        signupApi.handle(signup("{\"x" + UNPAIRED + "\":1,\"country\":\"US\"}"), null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).path("code").asText()).isEqualTo("MALFORMED_REQUEST");
  }

  @Test
  void anUnpairedSurrogateDeliveredAsSuchIsRefusedToo() throws Exception {
    String password = "abcdefgh" + (char) 0xD800 + "xyz1 long enough";

    assertThat(fieldErrors(signupApi.handle(signup(signupBody(password, PASSWORD)), null)))
        .containsExactly(Map.entry("password", "INVALID_VALUE"));
  }

  @Test
  void aBase64BodyThatIsNotUtf8IsRefusedRatherThanReadWithReplacements() throws Exception {
    ByteArrayOutputStream tampered = new ByteArrayOutputStream();
    tampered.writeBytes(
        "{\"country\":\"US\",\"email\":\"ana@example.com\",\"password\":\"abcdefgh"
            .getBytes(StandardCharsets.UTF_8));
    // two bytes that are no UTF-8, which a lenient decoder would read as two U+FFFD
    tampered.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
    tampered.writeBytes(
        ("xyz1 long enough\",\"passwordConfirmation\":\"" + PASSWORD + "\",\"termsAccepted\":true}")
            .getBytes(StandardCharsets.UTF_8));
    APIGatewayProxyRequestEvent event =
        signup(Base64.getEncoder().encodeToString(tampered.toByteArray()))
            .withIsBase64Encoded(true);

    assertThat(fieldErrors(signupApi.handle(event, null)))
        .containsKey("password")
        .containsValue("INVALID_VALUE");
    assertThat(t.outbox.all()).isEmpty();
  }

  @Test
  void aBase64BodyOfValidUtf8IsReadExactly() throws Exception {
    String password = "pässwörd 😀 über";
    APIGatewayProxyRequestEvent event =
        signup(
                Base64.getEncoder()
                    .encodeToString(
                        signupBody(password, password).getBytes(StandardCharsets.UTF_8)))
            .withIsBase64Encoded(true);

    APIGatewayProxyResponseEvent response = signupApi.handle(event, null);

    assertThat(response.getStatusCode()).isEqualTo(201);
    String signupId = json(response).path("signupId").asText();
    String accountId =
        t.lifecycle.signups().verify(signupId, t.lastCode("ana@example.com")).accountId();
    assertThat(t.lifecycle.sessions().login("ana@example.com", password)).isNotNull();
    assertThat(accountId).startsWith("acc_");
  }

  @Test
  void anIdInThePathThatIsNotValidTextIsNotFound() throws Exception {
    String id = "sgn_" + (char) 0xD800;
    APIGatewayProxyRequestEvent verify =
        signup("{\"code\":\"123456\"}")
            .withResource("/v1/signups/{signupId}/verify")
            .withPath("/v1/signups/" + id + "/verify")
            .withPathParameters(Map.of("signupId", id));

    assertThat(signupApi.handle(verify, null).getStatusCode()).isEqualTo(404);
  }
}
