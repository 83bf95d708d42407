package com.platform.accounts.handlers.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.card.CardVerification;
import com.platform.accounts.core.idempotency.Idempotency;
import com.platform.accounts.core.session.Authenticator;
import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.card.OwnershipProof;
import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.money.Money;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.Priming;
import com.platform.accounts.handlers.wiring.ApiWiring;
import com.platform.accounts.handlers.wiring.CardWiring;
import java.util.Currency;
import java.util.Optional;

/** The signed-in account's payment methods: add a card, prove it, list, remove. */
public final class PaymentMethodsApi extends ApiHandler {

  private final CardVerification cards;

  /** Production: the card wiring (processor, keys, workflow), session check, idempotency. */
  public PaymentMethodsApi() {
    this(CardWiring.cards(), ApiWiring.authenticator(), ApiWiring.idempotency());
    Priming.register(this, Priming.apiRequest("POST", "/v1/account/payment-methods/cards", "{}"));
  }

  public PaymentMethodsApi(CardVerification cards, Authenticator authenticator,
      Idempotency idempotency) {
    super(authenticator, idempotency);
    this.cards = cards;
    route("POST", "/v1/account/payment-methods/cards", this::addCard);
    route("POST", "/v1/account/payment-methods/{paymentMethodId}/verify", this::verify);
    route("GET", "/v1/account/payment-methods", this::list);
    route("DELETE", "/v1/account/payment-methods/{paymentMethodId}", this::remove);
  }

  private ApiResponse addCard(ApiRequest request) {
    Account account = authenticate(request);
    RequestBody body = RequestBody.parse(request.body(), false);
    String token = body.string("token");
    body.validation().throwIfInvalid();
    PaymentMethod added = cards.add(account, token);
    return ApiResponse.of(202, Views.paymentMethod(added));
  }

  private ApiResponse verify(ApiRequest request) {
    Account account = authenticate(request);
    RequestBody body = RequestBody.parse(request.body(), false);
    OwnershipProof proof = proof(body.node(), body.validation());
    PaymentMethod verified = cards.verify(account,
        request.pathParameter("paymentMethodId"), proof);
    ObjectNode node = Json.object();
    node.put("paymentMethodId", verified.paymentMethodId());
    node.put("status", verified.status().name());
    return ApiResponse.of(200, node);
  }

  private ApiResponse list(ApiRequest request) {
    Account account = authenticate(request);
    ObjectNode node = Json.object();
    ArrayNode methods = node.putArray("paymentMethods");
    cards.list(account.accountId()).forEach(pm -> methods.add(Views.paymentMethod(pm)));
    return ApiResponse.of(200, node);
  }

  private ApiResponse remove(ApiRequest request) {
    Account account = authenticate(request);
    cards.remove(account, request.pathParameter("paymentMethodId"));
    return ApiResponse.noContent();
  }

  /** Exactly one of code, amount or localAmounts, each checked strictly; every bad field named. */
  static OwnershipProof proof(JsonNode body, Validation validation) {
    int given = (body.has("code") ? 1 : 0) + (body.has("amount") ? 1 : 0)
        + (body.has("localAmounts") ? 1 : 0);
    if (given != 1) {
      validation.reject("code", given == 0 ? ErrorCode.REQUIRED : ErrorCode.INVALID_VALUE,
          "Give exactly one of code, amount or localAmounts.");
      validation.throwIfInvalid();
    }
    OwnershipProof proof = null;
    if (body.has("code")) {
      JsonNode code = body.get("code");
      if (!code.isTextual() || !code.asText().matches("[0-9]{6}")) {
        validation.reject("code", ErrorCode.INVALID_CODE,
            "The code is the 6 digits after INTL in the charge's description.");
      } else {
        proof = new OwnershipProof.DescriptorCode(code.asText());
      }
    } else if (body.has("amount")) {
      JsonNode amount = body.get("amount");
      Optional<Currency> currency = Money.currency(text(amount, "currency"));
      if (currency.isEmpty() || !currency.get().getCurrencyCode().equals("USD")) {
        validation.reject("amount.currency", ErrorCode.INVALID_CURRENCY,
            "The amount is in USD; for another currency send localAmounts.");
      }
      Optional<Money> money = Money.parse(text(amount, "amount"), "USD");
      if (money.isEmpty()) {
        validation.reject("amount.amount", ErrorCode.INVALID_AMOUNT,
            "A decimal string with at most 2 decimals, e.g. \"0.36\".");
      }
      if (validation.isClean()) {
        proof = new OwnershipProof.UsdAmount(money.get());
      }
    } else {
      JsonNode local = body.get("localAmounts");
      Optional<Currency> currency = Money.currency(text(local, "currency"));
      if (currency.isEmpty()) {
        validation.reject("localAmounts.currency", ErrorCode.INVALID_CURRENCY,
            "An ISO 4217 currency code, e.g. \"AUD\".");
      }
      String code = currency.map(Currency::getCurrencyCode).orElse("USD");
      Optional<Money> hold = Money.parse(text(local, "hold"), code)
          .filter(m -> m.amount().signum() > 0);
      Optional<Money> micro = Money.parse(text(local, "microcharge"), code);
      if (hold.isEmpty()) {
        validation.reject("localAmounts.hold", ErrorCode.INVALID_AMOUNT,
            "The hold as the statement shows it, e.g. \"1.35\".");
      }
      if (micro.isEmpty()) {
        validation.reject("localAmounts.microcharge", ErrorCode.INVALID_AMOUNT,
            "The small charge as the statement shows it, e.g. \"0.49\".");
      }
      if (validation.isClean()) {
        proof = new OwnershipProof.LocalAmounts(currency.get(), hold.get().amount(),
            micro.get().amount());
      }
    }
    validation.throwIfInvalid();
    return proof;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
