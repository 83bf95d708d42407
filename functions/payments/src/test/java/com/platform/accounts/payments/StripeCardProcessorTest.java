package com.platform.accounts.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.platform.accounts.core.card.CardDeclinedException;
import com.platform.accounts.core.card.CardDetails;
import com.platform.accounts.core.card.Funding;
import com.platform.accounts.core.card.ProcessorUnavailableException;
import com.platform.accounts.core.card.UnknownCardTokenException;
import com.platform.accounts.core.money.Money;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Stripe adapter against an in-process WireMock standing in for api.stripe.com. The stubbed
 * bodies follow the objects of Stripe's API reference (PaymentMethod, Customer, PaymentIntent,
 * Refund, error objects).
 */
class StripeCardProcessorTest {

  private static final String SECRET_KEY = "sk_test_51NotARealKeyAtAllButLongEnough0000XyZ9";
  private static final String PM = "pm_1Q0PsIJvEtkwdCNYMSaVuRz6";
  private static final String CUSTOMER = "cus_NffrFeUfNV2Hib";
  private static final String HOLD = "pi_3MtwBwLkdIwHu7ix28a3tqPa";
  private static final String CHARGE = "pi_3MtwCxLkdIwHu7ix0Fh3yQ2b";
  private static final String OUR_PM = "paym_01J9ZQ";

  private static WireMockServer stripe;
  private StripeCardProcessor processor;

  @BeforeAll
  static void startStripe() {
    stripe = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    stripe.start();
  }

  @AfterAll
  static void stopStripe() {
    stripe.stop();
  }

  @BeforeEach
  void reset() {
    stripe.resetAll();
    processor =
        new StripeCardProcessor(SECRET_KEY, URI.create(stripe.baseUrl()), Duration.ofSeconds(2));
  }

  @Nested
  class Describe {

    @Test
    void mapsEveryFieldOfTheCard() {
      stub(
          get("/v1/payment_methods/" + PM),
          ok(
              paymentMethod(
                  PM,
                  null,
                  "visa",
                  "4242",
                  8,
                  2031,
                  "US",
                  "credit",
                  "Xt5EWLLDS7FJjR1c",
                  "Ana Silva")));

      CardDetails card = processor.describe(PM);

      assertThat(card)
          .isEqualTo(
              new CardDetails(
                  "VISA",
                  "4242",
                  8,
                  2031,
                  "US",
                  Funding.CREDIT,
                  "Xt5EWLLDS7FJjR1c",
                  "Ana Silva",
                  Currency.getInstance("USD")));
      LoggedRequest request = only(getRequestedFor(urlEqualTo("/v1/payment_methods/" + PM)));
      assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
    }

    @Test
    void prepaidCardIssuedInMainlandChina() {
      stub(
          get("/v1/payment_methods/" + PM),
          ok(
              paymentMethod(
                  PM, null, "unionpay", "0014", 12, 2029, "CN", "prepaid", "Vq8kP2mLx0aZ3tR1")));

      CardDetails card = processor.describe(PM);

      assertThat(card.brand()).isEqualTo("UNIONPAY");
      assertThat(card.issuingCountry()).isEqualTo("CN");
      assertThat(card.funding()).isEqualTo(Funding.PREPAID);
      assertThat(card.last4()).isEqualTo("0014");
      assertThat(card.expMonth()).isEqualTo(12);
      assertThat(card.expYear()).isEqualTo(2029);
      assertThat(card.fingerprint()).isEqualTo("Vq8kP2mLx0aZ3tR1");
    }

    @Test
    void aCardIsBilledInItsIssuingCountrysCurrencyAndItsNameIsTrimmed() {
      stub(
          get("/v1/payment_methods/" + PM),
          ok(
              paymentMethod(
                  PM,
                  null,
                  "visa",
                  "0006",
                  8,
                  2031,
                  "AU",
                  "credit",
                  "Au0006FingerPrint",
                  "  Bruce Lee ")));

      CardDetails card = processor.describe(PM);

      assertThat(card.billingCurrency()).isEqualTo(Currency.getInstance("AUD"));
      assertThat(card.holderName()).isEqualTo("Bruce Lee");
    }

    @Test
    void fundingValues() {
      assertThat(StripeCardProcessor.funding("credit")).isEqualTo(Funding.CREDIT);
      assertThat(StripeCardProcessor.funding("debit")).isEqualTo(Funding.DEBIT);
      assertThat(StripeCardProcessor.funding("prepaid")).isEqualTo(Funding.PREPAID);
      assertThat(StripeCardProcessor.funding("unknown")).isEqualTo(Funding.UNKNOWN);
      assertThat(StripeCardProcessor.funding(null)).isEqualTo(Funding.UNKNOWN);
    }

    @Test
    void unknownToken() {
      stub(
          get("/v1/payment_methods/pm_missing"),
          error(
              404,
              """
          {"error": {"code": "resource_missing",
            "doc_url": "https://stripe.com/docs/error-codes/resource-missing",
            "message": "No such PaymentMethod: 'pm_missing'", "param": "payment_method",
            "request_log_url": "https://dashboard.stripe.com/test/logs/req_8Yw1nZ0aQm3b2c",
            "type": "invalid_request_error"}}"""));

      assertThatThrownBy(() -> processor.describe("pm_missing"))
          .isInstanceOf(UnknownCardTokenException.class);
    }

    @Test
    void legacyTokenBecomesAPaymentMethodWithAKeyDerivedFromTheToken() {
      stub(
          post("/v1/payment_methods"),
          ok(
              paymentMethod(
                  PM, null, "mastercard", "4444", 3, 2030, "US", "debit", "Mc4444FingerPrint")));

      CardDetails first = processor.describe("tok_1NXxyz2eZvKYlo2CbW3ZpQ7L");
      CardDetails again = processor.describe("tok_1NXxyz2eZvKYlo2CbW3ZpQ7L");

      assertThat(first)
          .isEqualTo(
              new CardDetails(
                  "MASTERCARD",
                  "4444",
                  3,
                  2030,
                  "US",
                  Funding.DEBIT,
                  "Mc4444FingerPrint",
                  null,
                  Currency.getInstance("USD")));
      assertThat(again).isEqualTo(first);
      List<LoggedRequest> creates =
          stripe.findAll(postRequestedFor(urlEqualTo("/v1/payment_methods")));
      assertThat(creates).hasSize(2);
      assertThat(form(creates.get(0)))
          .containsEntry("type", "card")
          .containsEntry("card[token]", "tok_1NXxyz2eZvKYlo2CbW3ZpQ7L");
      String key = creates.get(0).getHeader("Idempotency-Key");
      assertThat(key)
          .startsWith("card-verification:pm-from-token:")
          .doesNotContain("tok_1NXxyz2eZvKYlo2CbW3ZpQ7L");
      assertThat(creates.get(1).getHeader("Idempotency-Key")).isEqualTo(key);
    }
  }

  @Nested
  class Hold {

    @BeforeEach
    void cardAlreadyAttached() {
      stub(
          get("/v1/payment_methods/" + PM),
          ok(
              paymentMethod(
                  PM, CUSTOMER, "visa", "4242", 8, 2031, "US", "credit", "Xt5EWLLDS7FJjR1c")));
    }

    @Test
    void placesAManualCaptureHoldOfOneDollarWithTheCallersIdempotencyKey() {
      stub(
          post("/v1/payment_intents"),
          ok(
              paymentIntent(
                  HOLD, 100, "manual", "requires_capture", "INTL", "card-verification-hold")));

      String holdId =
          processor.authorizeHold(PM, Money.usd("1.00"), "INTL*ACMECLOUD", OUR_PM + ":hold");

      assertThat(holdId).isEqualTo(HOLD);
      LoggedRequest request = only(postRequestedFor(urlEqualTo("/v1/payment_intents")));
      assertThat(request.getHeader("Idempotency-Key")).isEqualTo(OUR_PM + ":hold");
      assertThat(form(request))
          .containsEntry("amount", "100")
          .containsEntry("currency", "usd")
          .containsEntry("payment_method", PM)
          .containsEntry("customer", CUSTOMER)
          .containsEntry("confirm", "true")
          .containsEntry("capture_method", "manual")
          .containsEntry("payment_method_types[0]", "card")
          .containsEntry("error_on_requires_action", "true")
          .containsEntry("statement_descriptor_suffix", "INTL")
          .containsEntry("metadata[purpose]", "card-verification-hold");
    }

    @Test
    void microchargeIsCapturedWithTheCodeInTheDescriptorSuffix() {
      stub(
          post("/v1/payment_intents"),
          ok(
              paymentIntent(
                  CHARGE,
                  36,
                  "automatic",
                  "succeeded",
                  "INTL123456",
                  "card-verification-microcharge")));

      String chargeId =
          processor.charge(PM, Money.usd("0.36"), "INTL123456*ACMECLOUD", OUR_PM + ":microcharge");

      assertThat(chargeId).isEqualTo(CHARGE);
      LoggedRequest request = only(postRequestedFor(urlEqualTo("/v1/payment_intents")));
      assertThat(request.getHeader("Idempotency-Key")).isEqualTo(OUR_PM + ":microcharge");
      assertThat(form(request))
          .containsEntry("amount", "36")
          .containsEntry("currency", "usd")
          .containsEntry("capture_method", "automatic")
          .containsEntry("confirm", "true")
          .containsEntry("statement_descriptor_suffix", "INTL123456")
          .containsEntry("metadata[purpose]", "card-verification-microcharge");
    }

    @Test
    void holdAndMicrochargeCarryTheirIdempotencyKeyAsReference() {
      stripe.stubFor(
          post("/v1/payment_intents")
              .withRequestBody(containing("capture_method=manual"))
              .willReturn(
                  ok(
                      paymentIntent(
                          HOLD,
                          100,
                          "manual",
                          "requires_capture",
                          "INTL",
                          "card-verification-hold"))));
      stripe.stubFor(
          post("/v1/payment_intents")
              .withRequestBody(containing("capture_method=automatic"))
              .willReturn(
                  ok(
                      paymentIntent(
                          CHARGE,
                          36,
                          "automatic",
                          "succeeded",
                          "INTL123456",
                          "card-verification-microcharge"))));

      assertThat(processor.authorizeHold(PM, Money.usd("1.00"), "INTL*ACMECLOUD", OUR_PM + ":hold"))
          .isEqualTo(HOLD);
      assertThat(
              processor.charge(
                  PM, Money.usd("0.36"), "INTL123456*ACMECLOUD", OUR_PM + ":microcharge"))
          .isEqualTo(CHARGE);

      List<LoggedRequest> creates =
          stripe.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents")));
      assertThat(creates).hasSize(2);
      assertThat(creates.get(0).getHeader("Idempotency-Key")).isEqualTo(OUR_PM + ":hold");
      assertThat(form(creates.get(0)))
          .containsEntry("capture_method", "manual")
          .containsEntry("metadata[reference]", OUR_PM + ":hold");
      assertThat(creates.get(1).getHeader("Idempotency-Key")).isEqualTo(OUR_PM + ":microcharge");
      assertThat(form(creates.get(1)))
          .containsEntry("capture_method", "automatic")
          .containsEntry("metadata[reference]", OUR_PM + ":microcharge");
    }

    @Test
    void declineBecomesCardDeclinedWithTheDeclineCode() {
      stub(
          post("/v1/payment_intents"),
          error(
              402,
              """
          {"error": {"charge": "ch_3MtwBwLkdIwHu7ix0snN0B15", "code": "card_declined",
            "decline_code": "generic_decline",
            "doc_url": "https://stripe.com/docs/error-codes/card-declined",
            "message": "Your card was declined.",
            "payment_intent": %s,
            "request_log_url": "https://dashboard.stripe.com/test/logs/req_2nB7yQq0xRk1sT",
            "type": "card_error"}}"""
                  .formatted(
                      paymentIntent(
                          HOLD,
                          100,
                          "manual",
                          "requires_payment_method",
                          "INTL",
                          "card-verification-hold"))));

      assertThatThrownBy(
              () ->
                  processor.authorizeHold(
                      PM, Money.usd("1.00"), "INTL*ACMECLOUD", OUR_PM + ":hold"))
          .isInstanceOf(CardDeclinedException.class)
          .hasMessage("generic_decline");
    }

    @Test
    void intentLeftWithoutPaymentMethodIsADecline() {
      stub(
          post("/v1/payment_intents"),
          ok(
              paymentIntent(
                      HOLD,
                      100,
                      "manual",
                      "requires_payment_method",
                      "INTL",
                      "card-verification-hold")
                  .replace(
                      "\"last_payment_error\": null",
                      """
              "last_payment_error": {"code": "card_declined", "decline_code": "insufficient_funds",
                "message": "Your card has insufficient funds.", "type": "card_error"}""")));

      assertThatThrownBy(
              () ->
                  processor.authorizeHold(
                      PM, Money.usd("1.00"), "INTL*ACMECLOUD", OUR_PM + ":hold"))
          .isInstanceOf(CardDeclinedException.class)
          .hasMessage("insufficient_funds");
    }

    @Test
    void threeDSecureIsADeclineForNow() {
      stub(
          post("/v1/payment_intents"),
          ok(
              paymentIntent(
                  HOLD, 100, "manual", "requires_action", "INTL", "card-verification-hold")));

      assertThatThrownBy(
              () ->
                  processor.authorizeHold(
                      PM, Money.usd("1.00"), "INTL*ACMECLOUD", OUR_PM + ":hold"))
          .isInstanceOf(CardDeclinedException.class)
          .hasMessage("authentication_required");
    }

    @Test
    void a500IsRetriedWithTheSameIdempotencyKeyAndGivesOneHold() {
      stripe.stubFor(
          post("/v1/payment_intents")
              .inScenario("flaky")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(
                  error(
                      500,
                      """
              {"error": {"message": "An unknown error occurred", "type": "api_error"}}"""))
              .willSetStateTo("recovered"));
      stripe.stubFor(
          post("/v1/payment_intents")
              .inScenario("flaky")
              .whenScenarioStateIs("recovered")
              .willReturn(
                  ok(
                      paymentIntent(
                          HOLD,
                          100,
                          "manual",
                          "requires_capture",
                          "INTL",
                          "card-verification-hold"))));

      String holdId =
          processor.authorizeHold(PM, Money.usd("1.00"), "INTL*ACMECLOUD", OUR_PM + ":hold");

      assertThat(holdId).isEqualTo(HOLD);
      List<LoggedRequest> attempts =
          stripe.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents")));
      assertThat(attempts).hasSize(2);
      assertThat(attempts)
          .extracting(r -> r.getHeader("Idempotency-Key"))
          .containsExactly(OUR_PM + ":hold", OUR_PM + ":hold");
      assertThat(attempts.get(1).getBodyAsString()).isEqualTo(attempts.get(0).getBodyAsString());
    }

    @Test
    void timeoutOnEveryAttemptIsProcessorUnavailable() {
      StripeCardProcessor impatient =
          new StripeCardProcessor(SECRET_KEY, URI.create(stripe.baseUrl()), Duration.ofMillis(200));
      stub(
          post("/v1/payment_intents"),
          ok(paymentIntent(
                  HOLD, 100, "manual", "requires_capture", "INTL", "card-verification-hold"))
              .withFixedDelay(800));

      Throwable thrown =
          catchThrowable(
              () ->
                  impatient.authorizeHold(
                      PM, Money.usd("1.00"), "INTL*ACMECLOUD", OUR_PM + ":hold"));

      assertThat(thrown).isInstanceOf(ProcessorUnavailableException.class);
      assertThat(messages(thrown)).doesNotContain(OUR_PM + ":hold", SECRET_KEY, PM);
      List<LoggedRequest> attempts =
          stripe.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents")));
      assertThat(attempts)
          .hasSize(1 + StripeCardProcessor.MAX_NETWORK_RETRIES)
          .allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(OUR_PM + ":hold"));
    }

    @Test
    void rateLimitedIsProcessorUnavailable() {
      stub(
          post("/v1/payment_intents"),
          error(
              429,
              """
          {"error": {"code": "rate_limit", "message": "Too many requests hit the API too quickly.",
            "type": "invalid_request_error"}}"""));

      assertThatThrownBy(
              () ->
                  processor.authorizeHold(
                      PM, Money.usd("1.00"), "INTL*ACMECLOUD", OUR_PM + ":hold"))
          .isInstanceOf(ProcessorUnavailableException.class);
    }

    @Test
    void paymentMethodGoneIsAnUnknownToken() {
      stripe.resetAll();
      stub(
          get("/v1/payment_methods/" + PM),
          error(
              404,
              """
          {"error": {"code": "resource_missing", "message": "No such PaymentMethod: '%s'",
            "param": "payment_method", "type": "invalid_request_error"}}"""
                  .formatted(PM)));

      assertThatThrownBy(
              () ->
                  processor.charge(
                      PM, Money.usd("0.36"), "INTL123456*ACMECLOUD", OUR_PM + ":microcharge"))
          .isInstanceOf(UnknownCardTokenException.class);
      assertThat(stripe.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents")))).isEmpty();
    }
  }

  /** A PaymentMethod used without a Customer can pay once; the verification pays twice. */
  @Nested
  class FirstPayment {

    @Test
    void attachesTheCardToACustomerOfItsOwnWithKeysDerivedFromThePaymentMethod() {
      stub(
          get("/v1/payment_methods/" + PM),
          ok(paymentMethod(PM, null, "visa", "4242", 8, 2031, "US", "credit", "Xt5EWLLDS7FJjR1c")));
      stub(post("/v1/customers"), ok(customer(CUSTOMER)));
      stub(
          post("/v1/payment_methods/" + PM + "/attach"),
          ok(
              paymentMethod(
                  PM, CUSTOMER, "visa", "4242", 8, 2031, "US", "credit", "Xt5EWLLDS7FJjR1c")));
      stub(
          post("/v1/payment_intents"),
          ok(
              paymentIntent(
                  HOLD, 100, "manual", "requires_capture", "INTL", "card-verification-hold")));

      assertThat(processor.authorizeHold(PM, Money.usd("1.00"), "INTL*ACMECLOUD", OUR_PM + ":hold"))
          .isEqualTo(HOLD);

      LoggedRequest createCustomer = only(postRequestedFor(urlEqualTo("/v1/customers")));
      assertThat(createCustomer.getHeader("Idempotency-Key"))
          .isEqualTo("card-verification:customer:" + PM);
      assertThat(form(createCustomer)).containsEntry("metadata[purpose]", "card-verification");
      LoggedRequest attach =
          only(postRequestedFor(urlEqualTo("/v1/payment_methods/" + PM + "/attach")));
      assertThat(attach.getHeader("Idempotency-Key")).isEqualTo("card-verification:attach:" + PM);
      assertThat(form(attach)).containsEntry("customer", CUSTOMER);
      assertThat(form(only(postRequestedFor(urlEqualTo("/v1/payment_intents")))))
          .containsEntry("customer", CUSTOMER)
          .containsEntry("payment_method", PM);
    }

    @Test
    void aDeclineWhenAttachingIsADecline() {
      stub(
          get("/v1/payment_methods/" + PM),
          ok(paymentMethod(PM, null, "visa", "0002", 8, 2031, "US", "credit", "Decl1n3dFingerPr")));
      stub(post("/v1/customers"), ok(customer(CUSTOMER)));
      stub(
          post("/v1/payment_methods/" + PM + "/attach"),
          error(
              402,
              """
          {"error": {"code": "card_declined", "decline_code": "generic_decline",
            "message": "Your card was declined.", "param": "", "type": "card_error"}}"""));

      assertThatThrownBy(
              () ->
                  processor.authorizeHold(
                      PM, Money.usd("1.00"), "INTL*ACMECLOUD", OUR_PM + ":hold"))
          .isInstanceOf(CardDeclinedException.class)
          .hasMessage("generic_decline");
      assertThat(stripe.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents")))).isEmpty();
    }

    @Test
    void legacyTokenPaysWithThePaymentMethodMadeFromIt() {
      stub(
          post("/v1/payment_methods"),
          ok(paymentMethod(PM, null, "visa", "4242", 8, 2031, "US", "credit", "Xt5EWLLDS7FJjR1c")));
      stub(
          get("/v1/payment_methods/" + PM),
          ok(
              paymentMethod(
                  PM, CUSTOMER, "visa", "4242", 8, 2031, "US", "credit", "Xt5EWLLDS7FJjR1c")));
      stub(
          post("/v1/payment_intents"),
          ok(
              paymentIntent(
                  CHARGE,
                  36,
                  "automatic",
                  "succeeded",
                  "INTL123456",
                  "card-verification-microcharge")));

      assertThat(
              processor.charge(
                  "tok_visa", Money.usd("0.36"), "INTL123456*ACMECLOUD", OUR_PM + ":microcharge"))
          .isEqualTo(CHARGE);
      assertThat(form(only(postRequestedFor(urlEqualTo("/v1/payment_intents")))))
          .containsEntry("payment_method", PM)
          .containsEntry("customer", CUSTOMER);
    }
  }

  @Nested
  class Release {

    @Test
    void voidCancelsTheHoldWithTheIdempotencyKey() {
      stub(
          post("/v1/payment_intents/" + HOLD + "/cancel"),
          ok(paymentIntent(HOLD, 100, "manual", "canceled", "INTL", "card-verification-hold")));

      processor.voidHold(HOLD, OUR_PM + ":void");

      LoggedRequest request =
          only(postRequestedFor(urlEqualTo("/v1/payment_intents/" + HOLD + "/cancel")));
      assertThat(request.getHeader("Idempotency-Key")).isEqualTo(OUR_PM + ":void");
      assertThat(form(request)).containsEntry("cancellation_reason", "abandoned");
    }

    @Test
    void voidingAVoidedHoldIsNoError() {
      stub(
          post("/v1/payment_intents/" + HOLD + "/cancel"),
          error(
              400,
              """
          {"error": {"code": "payment_intent_unexpected_state",
            "doc_url": "https://stripe.com/docs/error-codes/payment-intent-unexpected-state",
            "message": "You cannot cancel this PaymentIntent because it has a status of canceled. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.",
            "payment_intent": %s,
            "request_log_url": "https://dashboard.stripe.com/test/logs/req_Q5m2uVbx4Lz0aT",
            "type": "invalid_request_error"}}"""
                  .formatted(
                      paymentIntent(
                          HOLD, 100, "manual", "canceled", "INTL", "card-verification-hold"))));

      processor.voidHold(HOLD, OUR_PM + ":void");

      assertThat(
              stripe.findAll(
                  postRequestedFor(urlEqualTo("/v1/payment_intents/" + HOLD + "/cancel"))))
          .hasSize(1);
    }

    @Test
    void voidingACapturedPaymentIsABug() {
      stub(
          post("/v1/payment_intents/" + CHARGE + "/cancel"),
          error(
              400,
              """
          {"error": {"code": "payment_intent_unexpected_state",
            "message": "You cannot cancel this PaymentIntent because it has a status of succeeded.",
            "payment_intent": %s, "type": "invalid_request_error"}}"""
                  .formatted(
                      paymentIntent(
                          CHARGE,
                          36,
                          "automatic",
                          "succeeded",
                          "INTL123456",
                          "card-verification-microcharge"))));

      assertThatThrownBy(() -> processor.voidHold(CHARGE, OUR_PM + ":void"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("payment_intent_unexpected_state")
          .hasMessageNotContaining(OUR_PM + ":void");
    }

    @Test
    void refundRefundsThePaymentIntentWithTheIdempotencyKey() {
      stub(
          post("/v1/refunds"),
          ok(
              """
          {"id": "re_1Nispe2eZvKYlo2Cd31jOCgZ", "object": "refund", "amount": 36,
            "balance_transaction": "txn_1Nispe2eZvKYlo2CYezqFhEx",
            "charge": "ch_3MtwCxLkdIwHu7ix1Pq0kVw8", "created": 1692942318, "currency": "usd",
            "destination_details": {"card": {"reference_status": "pending",
              "reference_type": "acquirer_reference_number", "type": "refund"}, "type": "card"},
            "metadata": {"purpose": "card-verification-microcharge"},
            "payment_intent": "%s", "reason": null, "receipt_number": null,
            "source_transfer_reversal": null, "status": "succeeded",
            "transfer_reversal": null}"""
                  .formatted(CHARGE)));

      processor.refund(CHARGE, OUR_PM + ":refund");

      LoggedRequest request = only(postRequestedFor(urlEqualTo("/v1/refunds")));
      assertThat(request.getHeader("Idempotency-Key")).isEqualTo(OUR_PM + ":refund");
      assertThat(form(request)).containsEntry("payment_intent", CHARGE);
    }

    @Test
    void refundingARefundedChargeIsNoError() {
      stub(
          post("/v1/refunds"),
          error(
              400,
              """
          {"error": {"code": "charge_already_refunded",
            "doc_url": "https://stripe.com/docs/error-codes/charge-already-refunded",
            "message": "Charge ch_3MtwCxLkdIwHu7ix1Pq0kVw8 has already been refunded.",
            "request_log_url": "https://dashboard.stripe.com/test/logs/req_J1x9pLr7Vb2nQe",
            "type": "invalid_request_error"}}"""));

      processor.refund(CHARGE, OUR_PM + ":refund");

      assertThat(stripe.findAll(postRequestedFor(urlEqualTo("/v1/refunds")))).hasSize(1);
    }

    @Test
    void aServerErrorOnEveryAttemptIsProcessorUnavailable() {
      stub(
          post("/v1/refunds"),
          error(
              503,
              """
          {"error": {"message": "Service temporarily unavailable", "type": "api_error"}}"""));

      assertThatThrownBy(() -> processor.refund(CHARGE, OUR_PM + ":refund"))
          .isInstanceOf(ProcessorUnavailableException.class)
          .hasMessageContaining("503");
      assertThat(stripe.findAll(postRequestedFor(urlEqualTo("/v1/refunds"))))
          .hasSize(1 + StripeCardProcessor.MAX_NETWORK_RETRIES)
          .allSatisfy(
              r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(OUR_PM + ":refund"));
    }
  }

  /**
   * How a hold or charge whose answer was lost is found again, by the reference in its metadata.
   */
  @Nested
  class FindCharge {

    /** A key as CardVerification makes them: an Ids.next id (URL-safe Base64) and a suffix. */
    private static final String KEY = "pm_Zq3-Xv_9aB1cD2eF3gH4iJ:hold";

    @Test
    void searchesByTheReferenceAndReturnsThePaymentIntentFound() {
      stub(
          get("/v1/payment_intents/search"),
          ok(
              """
          {"object": "search_result", "url": "/v1/payment_intents/search", "has_more": false,
            "data": [%s]}"""
                  .formatted(
                      withReference(
                          paymentIntent(
                              HOLD,
                              100,
                              "manual",
                              "requires_capture",
                              "INTL",
                              "card-verification-hold"),
                          KEY))));

      assertThat(processor.findCharge(KEY)).contains(HOLD);

      LoggedRequest request = only(getRequestedFor(urlPathEqualTo("/v1/payment_intents/search")));
      assertThat(query(request))
          .containsEntry("query", "metadata['reference']:'" + KEY + "'")
          .containsEntry("limit", "1");
      assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
    }

    @Test
    void noSearchResultIsEmpty() {
      stub(
          get("/v1/payment_intents/search"),
          ok(
              """
          {"object": "search_result", "url": "/v1/payment_intents/search", "has_more": false,
            "data": []}"""));

      assertThat(processor.findCharge(KEY)).isEmpty();

      LoggedRequest request = only(getRequestedFor(urlPathEqualTo("/v1/payment_intents/search")));
      assertThat(query(request)).containsEntry("query", "metadata['reference']:'" + KEY + "'");
    }

    @Test
    void aServerErrorIsProcessorUnavailable() {
      stub(
          get("/v1/payment_intents/search"),
          error(
              500,
              """
          {"error": {"message": "An unknown error occurred", "type": "api_error"}}"""));

      Throwable thrown = catchThrowable(() -> processor.findCharge(KEY));

      assertThat(thrown).isInstanceOf(ProcessorUnavailableException.class);
      assertThat(messages(thrown)).contains("500").doesNotContain(KEY, SECRET_KEY);
      assertThat(stripe.findAll(getRequestedFor(urlPathEqualTo("/v1/payment_intents/search"))))
          .isNotEmpty();
    }

    @Test
    void aReferenceTheSearchCannotQuoteIsRefusedBeforeAnyRequest() {
      stub(
          get("/v1/payment_intents/search"),
          ok(
              """
          {"object": "search_result", "url": "/v1/payment_intents/search", "has_more": false,
            "data": []}"""));

      for (String reference :
          List.of(
              "paym_01J9ZQ:hold' OR metadata['purpose']:'x",
              "paym_01J9ZQ hold",
              "paym_01J9ZQ:\"hold\"")) {
        assertThatThrownBy(() -> processor.findCharge(reference))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageNotContaining(reference);
      }
      assertThat(stripe.getAllServeEvents()).isEmpty();
    }
  }

  /** A deleted account's final charge: off session, on the card verified earlier. */
  @Nested
  class MerchantInitiated {

    private static final String KEY = "del_01JA2B3C:final:1";

    @BeforeEach
    void cardAttachedWhenVerified() {
      stub(
          get("/v1/payment_methods/" + PM),
          ok(
              paymentMethod(
                  PM, CUSTOMER, "visa", "4242", 8, 2031, "US", "credit", "Xt5EWLLDS7FJjR1c")));
    }

    @Test
    void placesAnOffSessionPaymentIntentConfirmedAndCapturedAtOnceWithTheCallersKey() {
      stub(post("/v1/payment_intents"), ok(finalCharge("succeeded")));

      String chargeId = processor.chargeMerchantInitiated(PM, Money.usd("12.34"), KEY);

      assertThat(chargeId).isEqualTo(CHARGE);
      LoggedRequest request = only(postRequestedFor(urlEqualTo("/v1/payment_intents")));
      assertThat(request.getHeader("Idempotency-Key")).isEqualTo(KEY);
      assertThat(form(request))
          .containsEntry("amount", "1234")
          .containsEntry("currency", "usd")
          .containsEntry("customer", CUSTOMER)
          .containsEntry("payment_method", PM)
          .containsEntry("payment_method_types[0]", "card")
          .containsEntry("off_session", "true")
          .containsEntry("confirm", "true")
          .containsEntry("capture_method", "automatic")
          .containsEntry("metadata[purpose]", "merchant-initiated-charge")
          .containsEntry("metadata[reference]", KEY)
          // the account's own descriptor (the merchant's name) is the statement line
          .doesNotContainKey("statement_descriptor_suffix")
          // off session Stripe never waits for an action: it declines with authentication_required
          .doesNotContainKey("error_on_requires_action");
    }

    @Test
    void declineIsCardDeclinedWithTheDeclineCodeAndNoCardData() {
      stub(
          post("/v1/payment_intents"),
          error(
              402,
              """
          {"error": {"charge": "ch_3MtwBwLkdIwHu7ix0snN0B15", "code": "card_declined",
            "decline_code": "insufficient_funds",
            "doc_url": "https://stripe.com/docs/error-codes/card-declined",
            "message": "Your card has insufficient funds.",
            "payment_intent": %s,
            "payment_method": {"id": "%s", "object": "payment_method"},
            "request_log_url": "https://dashboard.stripe.com/test/logs/req_7Hq2mZx0Lk9vBa",
            "type": "card_error"}}"""
                  .formatted(finalCharge("requires_payment_method"), PM)));

      Throwable thrown =
          catchThrowable(() -> processor.chargeMerchantInitiated(PM, Money.usd("12.34"), KEY));

      assertThat(thrown).isInstanceOf(CardDeclinedException.class).hasMessage("insufficient_funds");
      assertThat(messages(thrown)).doesNotContain(PM, "4242", KEY, CUSTOMER);
    }

    @Test
    void aCardAskingForAuthenticationIsDeclinedAtOnce() {
      stub(
          post("/v1/payment_intents"),
          error(
              402,
              """
          {"error": {"charge": "ch_3MtwBwLkdIwHu7ix0snN0B15", "code": "authentication_required",
            "decline_code": "authentication_required",
            "doc_url": "https://stripe.com/docs/error-codes/authentication-required",
            "message": "Your card was declined. This transaction requires authentication.",
            "payment_intent": %s,
            "type": "card_error"}}"""
                  .formatted(finalCharge("requires_payment_method"))));

      assertThatThrownBy(() -> processor.chargeMerchantInitiated(PM, Money.usd("12.34"), KEY))
          .isInstanceOf(CardDeclinedException.class)
          .hasMessage("authentication_required");
      assertThat(stripe.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents")))).hasSize(1);
    }

    @Test
    void a500IsRetriedWithTheSameIdempotencyKeyAndChargesOnce() {
      stripe.stubFor(
          post("/v1/payment_intents")
              .inScenario("flaky")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(
                  error(
                      500,
                      """
              {"error": {"message": "An unknown error occurred", "type": "api_error"}}"""))
              .willSetStateTo("recovered"));
      stripe.stubFor(
          post("/v1/payment_intents")
              .inScenario("flaky")
              .whenScenarioStateIs("recovered")
              .willReturn(ok(finalCharge("succeeded"))));

      String chargeId = processor.chargeMerchantInitiated(PM, Money.usd("12.34"), KEY);

      assertThat(chargeId).isEqualTo(CHARGE);
      List<LoggedRequest> attempts =
          stripe.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents")));
      assertThat(attempts)
          .hasSize(2)
          .extracting(r -> r.getHeader("Idempotency-Key"))
          .containsExactly(KEY, KEY);
      assertThat(attempts.get(1).getBodyAsString()).isEqualTo(attempts.get(0).getBodyAsString());
    }

    @Test
    void aServerErrorOnEveryAttemptIsProcessorUnavailableNamingNoKey() {
      stub(
          post("/v1/payment_intents"),
          error(
              503,
              """
          {"error": {"message": "Service temporarily unavailable", "type": "api_error"}}"""));

      Throwable thrown =
          catchThrowable(() -> processor.chargeMerchantInitiated(PM, Money.usd("12.34"), KEY));

      assertThat(thrown).isInstanceOf(ProcessorUnavailableException.class);
      assertThat(messages(thrown)).contains("503").doesNotContain(KEY, PM, SECRET_KEY);
      assertThat(stripe.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents"))))
          .hasSize(1 + StripeCardProcessor.MAX_NETWORK_RETRIES)
          .allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(KEY));
    }

    @Test
    void aTimeoutOnEveryAttemptIsProcessorUnavailable() {
      StripeCardProcessor impatient =
          new StripeCardProcessor(SECRET_KEY, URI.create(stripe.baseUrl()), Duration.ofMillis(200));
      stub(post("/v1/payment_intents"), ok(finalCharge("succeeded")).withFixedDelay(800));

      assertThatThrownBy(() -> impatient.chargeMerchantInitiated(PM, Money.usd("12.34"), KEY))
          .isInstanceOf(ProcessorUnavailableException.class);
    }

    @Test
    void aDetachedCardIsDeclinedWithoutAPayment() {
      stripe.resetAll();
      stub(
          get("/v1/payment_methods/" + PM),
          ok(paymentMethod(PM, null, "visa", "4242", 8, 2031, "US", "credit", "Xt5EWLLDS7FJjR1c")));

      assertThatThrownBy(() -> processor.chargeMerchantInitiated(PM, Money.usd("12.34"), KEY))
          .isInstanceOf(CardDeclinedException.class)
          .hasMessage("card_detached");
      assertThat(stripe.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents")))).isEmpty();
      assertThat(stripe.findAll(postRequestedFor(urlEqualTo("/v1/customers")))).isEmpty();
    }

    private static String finalCharge(String status) {
      return paymentIntent(CHARGE, 1234, "automatic", status, "", "merchant-initiated-charge")
          .replace(
              "\"statement_descriptor_suffix\": \"\"", "\"statement_descriptor_suffix\": null");
    }
  }

  @Nested
  class Detach {

    private static final String NOT_ATTACHED =
        """
        {"error": {"message": "The payment method you provided is not attached to a customer so detachment is impossible.",
          "request_log_url": "https://dashboard.stripe.com/test/logs/req_Vb3nL0qZ8xTm2K",
          "type": "invalid_request_error"}}""";

    @Test
    void detachesThePaymentMethodFromItsCustomer() {
      stub(
          post("/v1/payment_methods/" + PM + "/detach"),
          ok(paymentMethod(PM, null, "visa", "4242", 8, 2031, "US", "credit", "Xt5EWLLDS7FJjR1c")));

      processor.detach(PM);

      LoggedRequest request =
          only(postRequestedFor(urlEqualTo("/v1/payment_methods/" + PM + "/detach")));
      assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + SECRET_KEY);
      assertThat(form(request)).isEmpty();
    }

    @Test
    void detachingADetachedCardAgainIsNoError() {
      stripe.stubFor(
          post("/v1/payment_methods/" + PM + "/detach")
              .inScenario("twice")
              .whenScenarioStateIs(Scenario.STARTED)
              .willReturn(
                  ok(
                      paymentMethod(
                          PM, null, "visa", "4242", 8, 2031, "US", "credit", "Xt5EWLLDS7FJjR1c")))
              .willSetStateTo("detached"));
      stripe.stubFor(
          post("/v1/payment_methods/" + PM + "/detach")
              .inScenario("twice")
              .whenScenarioStateIs("detached")
              .willReturn(error(400, NOT_ATTACHED)));
      stub(
          get("/v1/payment_methods/" + PM),
          ok(paymentMethod(PM, null, "visa", "4242", 8, 2031, "US", "credit", "Xt5EWLLDS7FJjR1c")));

      processor.detach(PM);
      processor.detach(PM);

      assertThat(
              stripe.findAll(postRequestedFor(urlEqualTo("/v1/payment_methods/" + PM + "/detach"))))
          .hasSize(2);
    }

    @Test
    void aRefusalWhileStillAttachedIsNotTakenForDetached() {
      stub(
          post("/v1/payment_methods/" + PM + "/detach"),
          error(
              400,
              """
          {"error": {"message": "This PaymentMethod cannot be detached right now.",
            "type": "invalid_request_error"}}"""));
      stub(
          get("/v1/payment_methods/" + PM),
          ok(
              paymentMethod(
                  PM, CUSTOMER, "visa", "4242", 8, 2031, "US", "credit", "Xt5EWLLDS7FJjR1c")));

      assertThatThrownBy(() -> processor.detach(PM))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("400")
          .hasMessageNotContaining(PM);
    }

    @Test
    void anUnknownPaymentMethodIsAnUnknownToken() {
      stub(
          post("/v1/payment_methods/pm_missing/detach"),
          error(
              404,
              """
          {"error": {"code": "resource_missing", "message": "No such PaymentMethod: 'pm_missing'",
            "param": "payment_method", "type": "invalid_request_error"}}"""));

      assertThatThrownBy(() -> processor.detach("pm_missing"))
          .isInstanceOf(UnknownCardTokenException.class);
    }

    @Test
    void aServerErrorOnEveryAttemptIsProcessorUnavailable() {
      stub(
          post("/v1/payment_methods/" + PM + "/detach"),
          error(
              500,
              """
          {"error": {"message": "An unknown error occurred", "type": "api_error"}}"""));

      assertThatThrownBy(() -> processor.detach(PM))
          .isInstanceOf(ProcessorUnavailableException.class)
          .hasMessageContaining("500");
    }
  }

  @Nested
  class Configuration {

    @Test
    void refusedKeyIsAConfigurationBugAndTheKeyIsNotRepeated() {
      stub(
          get("/v1/payment_methods/" + PM),
          error(
              401,
              """
          {"error": {"message": "Invalid API Key provided: %s",
            "type": "invalid_request_error"}}"""
                  .formatted(SECRET_KEY)));

      Throwable thrown = catchThrowable(() -> processor.describe(PM));

      assertThat(thrown).isInstanceOf(IllegalStateException.class);
      assertThat(messages(thrown))
          .contains("401")
          .doesNotContain(SECRET_KEY, SECRET_KEY.substring(SECRET_KEY.length() - 4), PM);
    }

    @Test
    void refusedKeyOnAPaymentNamesNoIdempotencyKey() {
      stub(
          post("/v1/refunds"),
          error(
              401,
              """
          {"error": {"message": "Invalid API Key provided: sk_test_****************0XyZ9",
            "type": "invalid_request_error"}}"""));

      Throwable thrown = catchThrowable(() -> processor.refund(CHARGE, OUR_PM + ":refund"));

      assertThat(thrown).isInstanceOf(IllegalStateException.class);
      assertThat(messages(thrown)).doesNotContain(OUR_PM, "0XyZ9", CHARGE);
    }

    @Test
    void minimumChargeIsStripesFiftyCents() {
      assertThat(processor.minimumCharge()).isEqualTo(Money.usd("0.50"));
      assertThat(processor.minimumCharge().minorUnits()).isEqualTo(50);
      assertThat(processor.minimumCharge().currency().getCurrencyCode()).isEqualTo("USD");
    }

    @Test
    void descriptorPartBeforeTheStarIsTheSuffix() {
      assertThat(StripeCardProcessor.statementDescriptorSuffix("INTL123456*ACMECLOUD"))
          .isEqualTo("INTL123456");
      assertThat(StripeCardProcessor.statementDescriptorSuffix("INTL*ACMECLOUD")).isEqualTo("INTL");
      assertThat(StripeCardProcessor.statementDescriptorSuffix("intl654321"))
          .isEqualTo("INTL654321");
    }

    @Test
    void descriptorStripeWouldRefuseFailsWithoutQuotingTheCode() {
      assertThatThrownBy(() -> StripeCardProcessor.statementDescriptorSuffix("123456*ACME"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining("123456");
      assertThatThrownBy(
              () ->
                  StripeCardProcessor.statementDescriptorSuffix(
                      "INTL123456 VERIFICATION CODE*ACME"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining("123456");
      assertThatThrownBy(() -> StripeCardProcessor.statementDescriptorSuffix("INTL<12>*ACME"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static void stub(MappingBuilder request, ResponseDefinitionBuilder response) {
    stripe.stubFor(request.willReturn(response));
  }

  private static MappingBuilder get(String path) {
    return WireMock.get(urlPathEqualTo(path));
  }

  private static MappingBuilder post(String path) {
    return WireMock.post(urlPathEqualTo(path));
  }

  private static ResponseDefinitionBuilder ok(String json) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withHeader("Request-Id", "req_Ok3nQm1x8ZpVb7")
        .withBody(json);
  }

  private static ResponseDefinitionBuilder error(int status, String json) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("Request-Id", "req_Err9kLq2Wm4Tz1")
        .withBody(json);
  }

  private static LoggedRequest only(RequestPatternBuilder pattern) {
    List<LoggedRequest> requests = stripe.findAll(pattern);
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  /** The form-encoded body Stripe's API takes, decoded. */
  private static Map<String, String> form(LoggedRequest request) {
    Map<String, String> fields = new LinkedHashMap<>();
    String body = request.getBodyAsString();
    if (body.isEmpty()) {
      return fields;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      fields.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }

  /** The query string of a GET request, decoded. */
  private static Map<String, String> query(LoggedRequest request) {
    Map<String, String> fields = new LinkedHashMap<>();
    String url = request.getUrl();
    int question = url.indexOf('?');
    if (question < 0) {
      return fields;
    }
    for (String pair : url.substring(question + 1).split("&")) {
      int eq = pair.indexOf('=');
      fields.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }

  /** Every message in a throwable's cause chain, and its string form. */
  private static String messages(Throwable thrown) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      all.append(t).append('\n');
    }
    return all.toString();
  }

  private static String paymentMethod(
      String id,
      String customer,
      String brand,
      String last4,
      int expMonth,
      int expYear,
      String country,
      String funding,
      String fingerprint) {
    return paymentMethod(
        id, customer, brand, last4, expMonth, expYear, country, funding, fingerprint, null);
  }

  /** A card PaymentMethod whose billing details carry the name on the card (or null). */
  private static String paymentMethod(
      String id,
      String customer,
      String brand,
      String last4,
      int expMonth,
      int expYear,
      String country,
      String funding,
      String fingerprint,
      String holderName) {
    return """
        {
          "id": "%s",
          "object": "payment_method",
          "allow_redisplay": "unspecified",
          "billing_details": {
            "address": {"city": null, "country": null, "line1": null, "line2": null,
              "postal_code": null, "state": null},
            "email": null, "name": %s, "phone": null
          },
          "card": {
            "brand": "%s",
            "checks": {"address_line1_check": null, "address_postal_code_check": null,
              "cvc_check": "unchecked"},
            "country": "%s",
            "display_brand": "%s",
            "exp_month": %d,
            "exp_year": %d,
            "fingerprint": "%s",
            "funding": "%s",
            "generated_from": null,
            "last4": "%s",
            "networks": {"available": ["%s"], "preferred": null},
            "regulated_status": "unregulated",
            "three_d_secure_usage": {"supported": true},
            "wallet": null
          },
          "created": 1726673582,
          "customer": %s,
          "livemode": false,
          "metadata": {},
          "type": "card"
        }"""
        .formatted(
            id,
            holderName == null ? "null" : "\"" + holderName + "\"",
            brand,
            country,
            brand,
            expMonth,
            expYear,
            fingerprint,
            funding,
            last4,
            brand,
            customer == null ? "null" : "\"" + customer + "\"");
  }

  private static String customer(String id) {
    return """
        {
          "id": "%s",
          "object": "customer",
          "address": null,
          "balance": 0,
          "created": 1680893993,
          "currency": null,
          "default_source": null,
          "delinquent": false,
          "description": "Card verification",
          "email": null,
          "invoice_prefix": "0759376C",
          "invoice_settings": {"custom_fields": null, "default_payment_method": null,
            "footer": null, "rendering_options": null},
          "livemode": false,
          "metadata": {"purpose": "card-verification"},
          "name": null,
          "next_invoice_sequence": 1,
          "phone": null,
          "preferred_locales": [],
          "shipping": null,
          "tax_exempt": "none",
          "test_clock": null
        }"""
        .formatted(id);
  }

  private static String paymentIntent(
      String id, long amount, String captureMethod, String status, String suffix, String purpose) {
    boolean held = "requires_capture".equals(status);
    boolean captured = "succeeded".equals(status);
    return """
        {
          "id": "%s",
          "object": "payment_intent",
          "amount": %d,
          "amount_capturable": %d,
          "amount_details": {"tip": {}},
          "amount_received": %d,
          "application": null,
          "application_fee_amount": null,
          "automatic_payment_methods": null,
          "canceled_at": %s,
          "cancellation_reason": %s,
          "capture_method": "%s",
          "client_secret": "%s_secret_YrKJUKribcBjcG8HVhfZluoGH",
          "confirmation_method": "automatic",
          "created": 1680800504,
          "currency": "usd",
          "customer": "%s",
          "description": null,
          "last_payment_error": null,
          "latest_charge": "ch_3MtwBwLkdIwHu7ix0snN0B15",
          "livemode": false,
          "metadata": {"purpose": "%s"},
          "next_action": null,
          "on_behalf_of": null,
          "payment_method": "%s",
          "payment_method_options": {"card": {"installments": null, "mandate_options": null,
            "network": null, "request_three_d_secure": "automatic"}},
          "payment_method_types": ["card"],
          "processing": null,
          "receipt_email": null,
          "review": null,
          "setup_future_usage": null,
          "shipping": null,
          "source": null,
          "statement_descriptor": null,
          "statement_descriptor_suffix": "%s",
          "status": "%s",
          "transfer_data": null,
          "transfer_group": null
        }"""
        .formatted(
            id,
            amount,
            held ? amount : 0,
            captured ? amount : 0,
            "canceled".equals(status) ? "1680801000" : "null",
            "canceled".equals(status) ? "\"abandoned\"" : "null",
            captureMethod,
            id,
            CUSTOMER,
            purpose,
            PM,
            suffix,
            status);
  }

  /** A PaymentIntent body whose metadata also holds the reference it was created with. */
  private static String withReference(String paymentIntent, String reference) {
    String metadata = "\"metadata\": {";
    assertThat(paymentIntent).contains(metadata);
    return paymentIntent.replace(metadata, metadata + "\"reference\": \"" + reference + "\", ");
  }
}
