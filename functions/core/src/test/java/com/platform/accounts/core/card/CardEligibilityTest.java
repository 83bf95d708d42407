package com.platform.accounts.core.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.crypto.Hmac;
import com.platform.accounts.core.memory.SandboxCardProcessor.Fault;
import com.platform.accounts.core.memory.SandboxCardProcessor.Transaction;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldError;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardEligibilityTest extends CardTestSupport {
  private final CardEligibility eligibility =
      new CardEligibility(
          t.table.paymentMethods(),
          processor,
          new Hmac(t.lifecycle.ports().keys().hmacKey()),
          t.clock);

  @Test
  void refusalsComeInTheContractsOrderAndPlaceNoCharge() {
    Account us = account("US");
    assertThat(problemOf(() -> placement.add(us, token("4096660000000008"))).code())
        .isEqualTo(ErrorCode.CARD_ISSUED_IN_MAINLAND_CHINA);
    assertThat(problemOf(() -> placement.add(us, token("4000056655665556"))).code())
        .isEqualTo(ErrorCode.CARD_FUNDING_NOT_ACCEPTED);
    assertThat(problemOf(() -> placement.add(us, token("6250947000000014"))).code())
        .isEqualTo(ErrorCode.CARD_COUNTRY_MISMATCH);
    assertThat(
            problemOf(
                    () ->
                        placement.add(
                            us,
                            processor.tokenize("4242424242424242", 1, 2020, "123", "Ana Silva")))
                .code())
        .isEqualTo(ErrorCode.CARD_EXPIRED);
    assertThat(problemOf(() -> placement.add(us, token("4000000000000002"))).code())
        .isEqualTo(ErrorCode.CARD_DECLINED);
    assertThat(processor.statement("0008")).isEmpty();
    assertThat(processor.statement("5556")).isEmpty();
    assertThat(processor.statement("0014")).isEmpty();
    assertThat(processor.statement("0002")).isEmpty();
    assertThat(methods.list(us.accountId())).isEmpty();

    placement.add(us, token("4242424242424242"));
    assertThat(problemOf(() -> placement.add(us, token("6250947000000014"))).code())
        .as("one card per account is checked before the country")
        .isEqualTo(ErrorCode.ACCOUNT_ALREADY_HAS_CARD);
    Account other = account("US");
    placement.add(other, token("5555555555554444"));
    assertThat(problemOf(() -> placement.add(other, token("4242424242424242"))).code())
        .as("a card on another account is checked before this account's own card")
        .isEqualTo(ErrorCode.CARD_ALREADY_REGISTERED);
  }

  @Test
  void aUnionPayCardFromHongKongIsFineForAHongKongAccount() {
    StoredCard card = eligibility.check(account("HK"), token("6250947000000014"));

    assertThat(card.brand()).isEqualTo("UNIONPAY");
    assertThat(card.issuingCountry()).isEqualTo("HK");
    assertThat(card.last4()).isEqualTo("0014");
    assertThat(processor.statement("0014")).as("checking places nothing").isEmpty();
  }

  @Test
  void theCardIsKeptByItsProcessorTokenAndAKeyedHashOfItsFingerprint() {
    String token = token("4242424242424242");

    StoredCard card = eligibility.check(account("US"), token);

    assertThat(card.processorToken()).isEqualTo(token);
    assertThat(card.fingerprintHash())
        .isEqualTo(
            new Hmac(t.lifecycle.ports().keys().hmacKey())
                .digest("card-fingerprint", processor.describe(token).fingerprint()));
    assertThat(card.expMonth()).isEqualTo(12);
    assertThat(card.expYear()).isEqualTo(2030);
    assertThat(card.funding()).isEqualTo(Funding.CREDIT);
  }

  @Test
  void theSameCardAgainOnTheSameAccountIsAlreadyThere() {
    Account ana = account("US");
    placement.add(ana, token("4111111111111129"));

    assertThat(problemOf(() -> eligibility.check(ana, token("4111111111111129"))).code())
        .isEqualTo(ErrorCode.ACCOUNT_ALREADY_HAS_CARD);
  }

  @Test
  void aCardThatExpiresThisMonthIsStillFine() {
    // the test clock stands in November 2026
    assertThat(
            eligibility
                .check(
                    account("US"),
                    processor.tokenize("4242424242424242", 11, 2026, "123", "Ana Silva"))
                .expMonth())
        .isEqualTo(11);
  }

  @Test
  void anUnknownTokenIsAValidationError() {
    Problem p = problemOf(() -> eligibility.check(account("US"), "tok_doesnotexist"));

    assertThat(p.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(p.errors())
        .extracting(e -> e.code())
        .containsExactly(FieldErrorCode.UNKNOWN_CARD_TOKEN);
  }

  @Test
  void aTokenThatCannotBeOneIsRefusedWithoutAskingTheProcessor() {
    Account ana = account("US");
    processor.failNext("describe", Fault.UNAVAILABLE_BEFORE);

    assertThat(problemOf(() -> eligibility.check(ana, null)).errors())
        .extracting(e -> e.code())
        .containsExactly(FieldErrorCode.REQUIRED);
    assertThat(problemOf(() -> eligibility.check(ana, "tok with spaces")).errors())
        .extracting(e -> e.code())
        .containsExactly(FieldErrorCode.UNKNOWN_CARD_TOKEN);
    assertThat(problemOf(() -> eligibility.check(ana, token("4242424242424242"))).code())
        .as("the processor was first asked here")
        .isEqualTo(ErrorCode.PROCESSOR_UNAVAILABLE);
  }

  @Test
  void theCardKeepsTheNameOnItAndTheCurrencyItIsBilledIn() {
    StoredCard us =
        eligibility.check(
            account("US"), processor.tokenize("4242424242424242", 12, 2030, "123", " Ana Silva "));
    StoredCard au = eligibility.check(account("AU"), token("4000000360000006"));

    assertThat(us.holderName()).isEqualTo("Ana Silva");
    assertThat(us.billingCurrency()).isEqualTo(Currency.getInstance("USD"));
    assertThat(au.billingCurrency()).isEqualTo(Currency.getInstance("AUD"));
  }

  @Test
  void aTokenAddsOneCardEvenAfterThatCardIsRemoved() {
    Account ana = account("US");
    String token = token("4111111111111145");
    PaymentMethod added = placement.add(ana, token);
    methods.remove(ana, added.paymentMethodId());
    Account bo = account("US");

    for (Account someone : List.of(bo, ana)) {
      Problem p = problemOf(() -> placement.add(someone, token));

      assertThat(p.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
      assertThat(p.errors())
          .extracting(FieldError::field, FieldError::code)
          .containsExactly(tuple("token", FieldErrorCode.UNKNOWN_CARD_TOKEN));
    }
    assertThat(methods.list(bo.accountId())).isEmpty();
    assertThat(processor.statement("1145"))
        .extracting(Transaction::status)
        .as("only the first card's charges, released")
        .containsExactly("VOIDED", "REFUNDED");
    assertThat(placement.add(bo, token("4111111111111145")).status())
        .as("the card itself is free: a new token of it adds it")
        .isEqualTo(PaymentMethodStatus.PENDING_VERIFICATION);
  }

  @Test
  void aUsedTokenIsRefusedBeforeTheProcessorIsAsked() {
    Account ana = account("US");
    String token = token("4111111111111152");
    placement.add(ana, token);
    processor.failNext("describe", Fault.UNAVAILABLE_BEFORE);

    assertThat(problemOf(() -> eligibility.check(account("US"), token)).code())
        .as("answered without the processor, which would have failed")
        .isEqualTo(ErrorCode.VALIDATION_FAILED);
  }

  @Test
  void aDeclinedCardsTokenIsUsedToo() {
    Account ana = account("US");
    String token = token("4000000000000002");
    assertThat(problemOf(() -> placement.add(ana, token)).code())
        .isEqualTo(ErrorCode.CARD_DECLINED);

    assertThat(problemOf(() -> placement.add(ana, token)).errors())
        .extracting(FieldError::code)
        .containsExactly(FieldErrorCode.UNKNOWN_CARD_TOKEN);
    assertThat(processor.statement("0002")).isEmpty();
  }

  @Test
  void aRefusedCardLeavesItsTokenUnused() {
    Account ana = account("US");
    String chinese = token("4096660000000008");
    assertThat(problemOf(() -> placement.add(ana, chinese)).code())
        .isEqualTo(ErrorCode.CARD_ISSUED_IN_MAINLAND_CHINA);

    assertThat(problemOf(() -> placement.add(ana, chinese)).code())
        .as("refused for what the card is, not for its token")
        .isEqualTo(ErrorCode.CARD_ISSUED_IN_MAINLAND_CHINA);
  }
}
