package com.platform.accounts.core.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.memory.SandboxCardProcessor;
import com.platform.accounts.core.memory.SandboxCardProcessor.Fault;
import com.platform.accounts.core.memory.SandboxCardProcessor.Transaction;
import com.platform.accounts.core.money.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The sandbox processor's merchant-initiated charge (a deleted account's final charge) and the
 * detaching of a card, as the deletion relies on them.
 */
class MerchantInitiatedChargeTest extends CardTestSupport {

  @Test
  void aStoredCardIsChargedUnderTheMerchantsNameAndCaptured() {
    String card = token("4242424242424242");

    String chargeId = processor.chargeMerchantInitiated(card, Money.usd("12.34"), "final:1");

    assertThat(processor.statement("4242"))
        .singleElement()
        .satisfies(
            tx -> {
              assertThat(tx.id()).isEqualTo(chargeId);
              assertThat(tx.description()).isEqualTo("ACMECLOUD");
              assertThat(tx.amount()).isEqualTo(Money.usd("12.34"));
              assertThat(tx.status()).isEqualTo("CAPTURED");
            });
    assertThat(processor.findCharge("final:1")).contains(chargeId);
  }

  @Test
  void theStatementLineIsTheMerchantNameGivenToTheSandbox() {
    SandboxCardProcessor other =
        new SandboxCardProcessor(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), "OTHERCO");
    String card = other.tokenize("4242424242424242", 12, 2030, "123", "Ana Silva");

    other.chargeMerchantInitiated(card, Money.usd("1.00"), "final:1");

    assertThat(other.statement("4242"))
        .extracting(Transaction::description)
        .containsExactly("OTHERCO");
  }

  @Test
  void theSameKeyTwiceChargesOnce() {
    String card = token("4242424242424242");

    String first = processor.chargeMerchantInitiated(card, Money.usd("12.34"), "final:1");
    String again = processor.chargeMerchantInitiated(card, Money.usd("12.34"), "final:1");

    assertThat(again).isEqualTo(first);
    assertThat(processor.statement("4242")).hasSize(1);
    assertThat(processor.calls("chargeMerchantInitiated")).isEqualTo(1);
  }

  @Test
  void card0341VerifiesButItsMerchantInitiatedChargeIsDeclined() {
    Account ana = account("US");
    String card = token("4000000000000341");
    PaymentMethod pm = placement.add(ana, card);
    PaymentMethod verified =
        answers.verify(
            ana, pm.paymentMethodId(), new OwnershipProof.DescriptorCode(descriptorCode("0341")));
    assertThat(verified.status()).isEqualTo(PaymentMethodStatus.VERIFIED);
    int linesWhenVerified = processor.statement("0341").size();

    assertThatThrownBy(() -> processor.chargeMerchantInitiated(card, Money.usd("5.00"), "final:1"))
        .isInstanceOf(CardDeclinedException.class);
    assertThatThrownBy(() -> processor.chargeMerchantInitiated(card, Money.usd("5.00"), "final:2"))
        .as("every later one")
        .isInstanceOf(CardDeclinedException.class);

    assertThat(processor.statement("0341")).hasSize(linesWhenVerified);
    assertThat(processor.findCharge("final:1")).isEmpty();
  }

  @Test
  void anAnswerLostAfterTheChargeIsReplayedByItsKeyWithoutASecondCharge() {
    String card = token("4242424242424242");
    processor.failNext("chargeMerchantInitiated", Fault.LOST_RESPONSE_AFTER);

    assertThatThrownBy(() -> processor.chargeMerchantInitiated(card, Money.usd("12.34"), "final:1"))
        .isInstanceOf(ProcessorUnavailableException.class);
    String retried = processor.chargeMerchantInitiated(card, Money.usd("12.34"), "final:1");

    assertThat(processor.statement("4242")).extracting(Transaction::id).containsExactly(retried);
    assertThat(processor.calls("chargeMerchantInitiated")).isEqualTo(1);
  }

  @Test
  void theProcessorDownBeforeTheChargeChargesNothing() {
    String card = token("4242424242424242");
    processor.failNext("chargeMerchantInitiated", Fault.UNAVAILABLE_BEFORE);

    assertThatThrownBy(() -> processor.chargeMerchantInitiated(card, Money.usd("12.34"), "final:1"))
        .isInstanceOf(ProcessorUnavailableException.class);

    assertThat(processor.statement("4242")).isEmpty();
    assertThat(processor.findCharge("final:1")).isEmpty();
  }

  @Test
  void aDeclineWhoseAnswerIsLostIsUnavailableNotDeclined() {
    String card = token("4000000000000341");
    processor.failNext("chargeMerchantInitiated", Fault.LOST_RESPONSE_AFTER);

    assertThatThrownBy(() -> processor.chargeMerchantInitiated(card, Money.usd("5.00"), "final:1"))
        .isInstanceOf(ProcessorUnavailableException.class);
    assertThatThrownBy(() -> processor.chargeMerchantInitiated(card, Money.usd("5.00"), "final:1"))
        .isInstanceOf(CardDeclinedException.class);
  }

  @Test
  void aDetachedCardIsDetachedOnceAndChargedNoMore() {
    String card = token("4242424242424242");
    processor.chargeMerchantInitiated(card, Money.usd("1.00"), "final:1");

    processor.detach(card);
    processor.detach(card);

    assertThat(processor.isDetached(card)).isTrue();
    assertThat(processor.calls("detach")).isEqualTo(1);
    assertThatThrownBy(() -> processor.chargeMerchantInitiated(card, Money.usd("1.00"), "final:2"))
        .isInstanceOf(CardDeclinedException.class);
    assertThat(processor.chargeMerchantInitiated(card, Money.usd("1.00"), "final:1"))
        .as("a charge placed before is still found by its key")
        .isEqualTo(processor.findCharge("final:1").orElseThrow());
    assertThat(processor.statement("4242")).hasSize(1);
  }

  @Test
  void detachingWhileTheProcessorIsDownDetachesNothingAndMayBeRetried() {
    String card = token("4242424242424242");
    processor.failNext("detach", Fault.UNAVAILABLE_BEFORE);

    assertThatThrownBy(() -> processor.detach(card))
        .isInstanceOf(ProcessorUnavailableException.class);
    assertThat(processor.isDetached(card)).isFalse();

    processor.detach(card);
    assertThat(processor.isDetached(card)).isTrue();
  }

  @Test
  void aCardTheSandboxNeverIssuedCannotBeDetached() {
    assertThatThrownBy(() -> processor.detach("tok_unknown"))
        .isInstanceOf(UnknownCardTokenException.class);
  }
}
