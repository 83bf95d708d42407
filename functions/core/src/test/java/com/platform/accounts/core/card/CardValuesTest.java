package com.platform.accounts.core.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Currency;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The small values of card verification: what is accepted, drawn, and printed in a log. */
class CardValuesTest {

  @Test
  void onlyCreditAndDebitCardsAreAccepted() {
    assertThat(Funding.CREDIT.accepted()).isTrue();
    assertThat(Funding.DEBIT.accepted()).isTrue();
    for (Funding refused :
        new Funding[] {Funding.PREPAID, Funding.VIRTUAL, Funding.GIFT, Funding.UNKNOWN}) {
      assertThat(refused.accepted()).as("%s", refused).isFalse();
    }
  }

  @Test
  void aMicrochargeIsAnyWholeCentFromTheMinimumTo99AndACodeIsSixDigits() {
    Set<Long> drawn = new TreeSet<>();
    for (int i = 0; i < 3_000; i++) {
      ChargeSecrets secrets = ChargeSecrets.random(50, 99);
      assertThat(secrets.code()).matches("[0-9]{6}");
      assertThat(secrets.microchargeCents()).isBetween(50L, 99L);
      drawn.add(secrets.microchargeCents());
    }

    assertThat(drawn)
        .as("every amount, both ends included, so none is likelier to be guessed")
        .hasSize(50);
    assertThat(new ChargeSecrets("123456", 42).microcharge().plain()).isEqualTo("0.42");
  }

  @Test
  void printedCardValuesShowNoSecretAndNoNumber() {
    Instant at = Instant.parse("2026-11-26T09:00:00Z");

    assertThat(new ChargeSecrets("123456", 42)).hasToString("ChargeSecrets[***]");
    assertThat(new OwnershipProof.DescriptorCode("123456")).hasToString("DescriptorCode[***]");
    assertThat(new OwnershipAnswer.Code("123456")).hasToString("Code[***]");
    assertThat(
            new CardDetails(
                "VISA",
                "4242",
                12,
                2030,
                "US",
                Funding.CREDIT,
                "fp_secret",
                "Ana Secret",
                Currency.getInstance("USD")))
        .hasToString("CardDetails[brand=VISA, country=US, funding=CREDIT, currency=USD]");
    assertThat(
            new StoredCard(
                "tok_secret",
                "VISA",
                "4242",
                12,
                2030,
                "US",
                Funding.CREDIT,
                "hash_secret",
                "Ana Secret",
                Currency.getInstance("USD"),
                "token_hash_secret"))
        .hasToString("StoredCard[brand=VISA, country=US]");
    assertThat(
            new OwnershipCheck(
                "hold_1",
                "ch_1",
                "code_hash",
                "amount_hash",
                2,
                at,
                at.plusSeconds(60),
                null,
                at.plusSeconds(120)))
        .hasToString(
            "OwnershipCheck[failedAttempts=2, releaseDueAt="
                + at.plusSeconds(60)
                + ", releasedAt=null]");
  }
}
