package com.platform.accounts.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.core.ledger.DeletionBlocker;
import com.platform.accounts.core.money.Money;
import com.platform.accounts.handlers.Events;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.LedgerFixture;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LedgerEventsApiTest {
  private final LedgerFixture f = new LedgerFixture();

  private APIGatewayProxyResponseEvent post(String body) {
    return f.api.handle(LedgerFixture.post(body), null);
  }

  private static JsonNode json(APIGatewayProxyResponseEvent response) throws Exception {
    return Json.MAPPER.readTree(response.getBody());
  }

  @Test
  void theSampleEventIsRecordedAndItsRepeatIsNot() throws Exception {
    String accountId = f.accountId();
    String body =
        Events.api("LedgerEventsApiFunction-post-ledger-event.json")
            .getBody()
            .replace("acc_REPLACED_BY_TEST", accountId);

    APIGatewayProxyResponseEvent first = post(body);
    APIGatewayProxyResponseEvent again = post(body);

    assertThat(first.getStatusCode()).isEqualTo(202);
    assertThat(json(first).path("eventId").asText()).isEqualTo("billing-evt-0001");
    assertThat(json(first).path("recorded").asBoolean()).isTrue();
    assertThat(again.getStatusCode()).isEqualTo(202);
    assertThat(json(again).path("recorded").asBoolean()).isFalse();
    assertThat(f.ledger.blockers(accountId, f.t.clock.instant()))
        .containsExactly(
            DeletionBlocker.prepaidSubscription(
                "ecs-123", true, Instant.parse("2026-12-26T09:00:00Z")));
  }

  @Test
  void anInvalidEventIsABadRequestNamingEveryField() throws Exception {
    APIGatewayProxyResponseEvent response =
        post(
            "{\"eventId\": \"e-1\", \"accountId\": \"acc_x\", \"type\": \"CHARGE_ISSUED\","
                + " \"resourceId\": \"ch-1\", \"amount\": {\"amount\": \"-3.00\", \"currency\":"
                + " \"USD\"}, \"occurredAt\": 5}");

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).path("code").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(json(response).path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("amount.amount", "occurredAt");
  }

  @Test
  void anUnknownTypeIsABadRequestNamingType() throws Exception {
    APIGatewayProxyResponseEvent response =
        post(
            "{\"eventId\": \"e-1\", \"accountId\": \"acc_x\", \"type\": \"RESOURCE_MELTED\","
                + " \"resourceId\": \"r-1\"}");

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).path("errors").findValuesAsText("field")).containsExactly("type");
  }

  @Test
  void anEventOfAnUnknownAccountIs422AndNothingIsRecorded() throws Exception {
    APIGatewayProxyResponseEvent response =
        post(
            "{\"eventId\": \"e-1\", \"accountId\": \"acc_unknown\", \"type\": \"CHARGE_ISSUED\","
                + " \"resourceId\": \"ch-1\", \"amount\": {\"amount\": \"3.00\", \"currency\":"
                + " \"USD\"}}");

    assertThat(response.getStatusCode()).isEqualTo(422);
    assertThat(json(response).path("code").asText()).isEqualTo("UNKNOWN_ACCOUNT");
    assertThat(f.t.table.ledger().load("acc_unknown").charges()).isEmpty();
  }

  @Test
  void malformedJsonIsABadRequest() throws Exception {
    APIGatewayProxyResponseEvent response = post("{\"eventId\": ");

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).path("code").asText()).isEqualTo("MALFORMED_REQUEST");
  }

  @Test
  void aChargeAndItsPaymentLeaveNothingOutstanding() throws Exception {
    String accountId = f.accountId();
    post(
        "{\"eventId\": \"p-1\", \"accountId\": \""
            + accountId
            + "\", \"type\": \"CHARGE_PAID\", \"resourceId\": \"ch-7\"}");
    assertThat(
            post("{\"eventId\": \"i-1\", \"accountId\": \""
                    + accountId
                    + "\", \"type\": \"CHARGE_ISSUED\", \"resourceId\": \"ch-7\","
                    + " \"amount\": {\"amount\": \"9.99\", \"currency\": \"USD\"}}")
                .getStatusCode())
        .isEqualTo(202);

    assertThat(f.ledger.ledger(accountId).outstanding()).isEqualTo(Money.usd("0.00"));
    assertThat(f.ledger.ledger(accountId).totalPaid()).isEqualTo(Money.usd("9.99"));
  }
}
