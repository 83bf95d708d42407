package com.platform.accounts.handlers.api;

import static com.platform.accounts.handlers.PayPalFlow.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.handlers.Events;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.PayPalFlow;
import com.platform.accounts.handlers.TestHandlers;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PayPalWebhookApiTest {
  private static final String SAMPLE = "PayPalWebhookApiFunction-post-webhook.json";

  private final TestLifecycle t = new TestLifecycle();
  private final PayPalFlow flow = new PayPalFlow(t);
  private final PayPalWebhookApi api = TestHandlers.payPalWebhookApi(t.lifecycle);
  private String session;
  private String paymentMethodId;
  private String paymentToken;

  @BeforeEach
  void linkPayPal() {
    session = flow.signUp("ana@example.com");
    paymentMethodId = flow.linked(session);
    paymentToken = flow.paymentToken(session, paymentMethodId);
  }

  /** The sample delivery's body about another event id, type and payment token. */
  private static String body(String eventId, String eventType, String resourceId) {
    APIGatewayProxyRequestEvent sample = Events.api(SAMPLE);
    try {
      ObjectNode event = (ObjectNode) Json.MAPPER.readTree(sample.getBody());
      event.put("id", eventId);
      event.put("event_type", eventType);
      ((ObjectNode) event.path("resource")).put("id", resourceId);
      return Json.MAPPER.writeValueAsString(event);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String deletedToken(String eventId) {
    return body(eventId, "VAULT.PAYMENT-TOKEN.DELETED", paymentToken);
  }

  /** The delivery as PayPal sends it: its headers with the given time and signature. */
  private APIGatewayProxyResponseEvent deliver(
      String transmissionId, String time, String signature, String body) {
    APIGatewayProxyRequestEvent event = Events.api(SAMPLE).withBody(body);
    event.getHeaders().put("PAYPAL-TRANSMISSION-ID", transmissionId);
    event.getHeaders().put("PAYPAL-TRANSMISSION-TIME", time);
    event.getHeaders().put("PAYPAL-TRANSMISSION-SIG", signature);
    return api.handle(event, null);
  }

  /** Signed now, as PayPal signs it. */
  private APIGatewayProxyResponseEvent deliverSigned(String body) {
    String id = UUID.randomUUID().toString();
    String time = t.clock.instant().toString();
    return deliver(id, time, t.paypal.sign(id, time, body), body);
  }

  private String status() {
    return flow.method(session, paymentMethodId).path("status").asText();
  }

  @Test
  void aSignedPaymentTokenDeletedRevokesTheMethodAndItsCapabilityAtOnce() {
    assertThat(flow.account(session).path("capabilities").path("prepaid").asBoolean()).isTrue();

    APIGatewayProxyResponseEvent response = deliverSigned(deletedToken("WH-1"));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    assertThat(json(response).path("received").asBoolean()).isTrue();
    assertThat(status()).isEqualTo("REVOKED");
    assertThat(flow.account(session).path("capabilities").path("prepaid").asBoolean()).isFalse();
  }

  @Test
  void theSampleEventsDeliveryIsAcceptedOnceSignedAndIgnoredForAnUnknownToken() {
    String body = Events.api(SAMPLE).getBody();

    APIGatewayProxyResponseEvent response = deliverSigned(body);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    assertThat(status()).isEqualTo("ACTIVE");
  }

  @Test
  void theSameEventDeliveredAgainIsAcknowledgedWithoutASecondEffect() {
    String body = deletedToken("WH-2");
    assertThat(deliverSigned(body).getStatusCode()).isEqualTo(200);
    // the owner links again; PayPal then delivers the same event once more, about the new token
    String again = flow.linked(session);
    paymentToken = flow.paymentToken(session, again);

    APIGatewayProxyResponseEvent sameBody = deliverSigned(body);
    APIGatewayProxyResponseEvent sameId =
        deliverSigned(body("WH-2", "VAULT.PAYMENT-TOKEN.DELETED", paymentToken));

    assertThat(sameBody.getStatusCode()).isEqualTo(200);
    assertThat(sameId.getStatusCode()).isEqualTo(200);
    assertThat(flow.method(session, again).path("status").asText()).isEqualTo("ACTIVE");
    assertThat(t.events.all()).filteredOn(e -> e.type().equals("PaymentMethodRevoked")).hasSize(1);
  }

  @Test
  void aBadSignatureIs400InvalidSignatureAndChangesNothing() {
    String body = deletedToken("WH-3");
    String id = UUID.randomUUID().toString();
    String time = t.clock.instant().toString();
    String signedOther = t.paypal.sign(id, time, body.replace("WH-3", "WH-4"));

    APIGatewayProxyResponseEvent forged = deliver(id, time, signedOther, body);
    APIGatewayProxyResponseEvent unsigned = deliver(id, time, null, body);

    for (APIGatewayProxyResponseEvent response :
        new APIGatewayProxyResponseEvent[] {forged, unsigned}) {
      assertThat(response.getStatusCode()).isEqualTo(400);
      assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
      assertThat(json(response).path("code").asText()).isEqualTo("INVALID_SIGNATURE");
    }
    assertThat(status()).isEqualTo("ACTIVE");
  }

  @Test
  void aStaleTransmissionTimeIsRefusedEvenWhenSigned() {
    String body = deletedToken("WH-5");
    String id = UUID.randomUUID().toString();
    String time = t.clock.instant().minus(Duration.ofMinutes(11)).toString();

    APIGatewayProxyResponseEvent response = deliver(id, time, t.paypal.sign(id, time, body), body);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).path("code").asText()).isEqualTo("INVALID_SIGNATURE");
    assertThat(status()).isEqualTo("ACTIVE");
  }

  @Test
  void anUnknownEventTypeIsAcknowledgedWithoutEffect() {
    APIGatewayProxyResponseEvent response =
        deliverSigned(body("WH-6", "PAYMENT.CAPTURE.COMPLETED", paymentToken));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(status()).isEqualTo("ACTIVE");
  }

  @Test
  void aMalformedBodyIs400() {
    APIGatewayProxyResponseEvent response = deliverSigned("{\"id\": \"WH-7\", ");

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
    assertThat(status()).isEqualTo("ACTIVE");
  }
}
