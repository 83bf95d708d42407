package com.platform.accounts.handlers.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.card.AccountPaymentMethods;
import com.platform.accounts.core.card.ChargePlacement;
import com.platform.accounts.core.card.OwnerAnswers;
import com.platform.accounts.core.card.OwnershipAnswer;
import com.platform.accounts.core.card.OwnershipProof;
import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.idempotency.Idempotency;
import com.platform.accounts.core.session.Authenticator;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.Priming;
import com.platform.accounts.handlers.wiring.ApiWiring;
import com.platform.accounts.handlers.wiring.CardWiring;

/** The signed-in account's payment methods: add a card, prove it, list, remove. */
public final class PaymentMethodsApi extends ApiHandler {

  private final ChargePlacement placement;
  private final OwnerAnswers answers;
  private final AccountPaymentMethods paymentMethods;

  /** Production: the card wiring (processor, keys, workflow), session check, idempotency. */
  public PaymentMethodsApi() {
    this(
        CardWiring.placement(),
        CardWiring.answers(),
        CardWiring.paymentMethods(),
        ApiWiring.authenticator(),
        ApiWiring.idempotency());
    Priming.register(
        () -> handle(Priming.apiRequest("POST", "/v1/account/payment-methods/cards", "{}"), null));
  }

  public PaymentMethodsApi(
      ChargePlacement placement,
      OwnerAnswers answers,
      AccountPaymentMethods paymentMethods,
      Authenticator authenticator,
      Idempotency idempotency) {
    super(authenticator, idempotency);
    this.placement = placement;
    this.answers = answers;
    this.paymentMethods = paymentMethods;
    sessionRoute("POST", "/v1/account/payment-methods/cards", this::addCard);
    sessionRoute("POST", "/v1/account/payment-methods/{paymentMethodId}/verify", this::verify);
    sessionRoute("GET", "/v1/account/payment-methods", this::list);
    sessionRoute("DELETE", "/v1/account/payment-methods/{paymentMethodId}", this::remove);
  }

  private ApiResponse addCard(ApiRequest request, Account account) {
    RequestBody body = RequestBody.parse(request.body(), false);
    String token = body.string("token");
    body.validation().throwIfInvalid();
    PaymentMethod added = placement.add(account, token);
    return ApiResponse.of(202, Views.paymentMethod(added));
  }

  private ApiResponse verify(ApiRequest request, Account account) {
    RequestBody body = RequestBody.parse(request.body(), false);
    OwnershipProof proof = answer(body.node()).proof(body.validation());
    PaymentMethod verified =
        answers.verify(account, request.pathParameter("paymentMethodId"), proof);
    ObjectNode node = Json.object();
    node.put("paymentMethodId", verified.paymentMethodId());
    node.put("status", verified.status().name());
    return ApiResponse.of(200, node);
  }

  private ApiResponse list(ApiRequest request, Account account) {
    ObjectNode node = Json.object();
    ArrayNode methods = node.putArray("paymentMethods");
    paymentMethods.list(account.accountId()).forEach(pm -> methods.add(Views.paymentMethod(pm)));
    return ApiResponse.of(200, node);
  }

  private ApiResponse remove(ApiRequest request, Account account) {
    paymentMethods.remove(account, request.pathParameter("paymentMethodId"));
    return ApiResponse.noContent();
  }

  /**
   * The owner's answer as sent: which of code, amount and localAmounts are present, and their text
   * members (anything but text reads as null). The core chooses and checks the proof.
   */
  private static OwnershipAnswer answer(JsonNode body) {
    JsonNode code = body.get("code");
    JsonNode amount = body.get("amount");
    JsonNode local = body.get("localAmounts");
    return new OwnershipAnswer(
        code == null ? null : new OwnershipAnswer.Code(code.isTextual() ? code.asText() : null),
        amount == null
            ? null
            : new OwnershipAnswer.Amount(text(amount, "amount"), text(amount, "currency")),
        local == null
            ? null
            : new OwnershipAnswer.LocalAmounts(
                text(local, "currency"), text(local, "hold"), text(local, "microcharge")));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
