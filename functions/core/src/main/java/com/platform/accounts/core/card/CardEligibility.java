package com.platform.accounts.core.card;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.crypto.Hmac;
import com.platform.accounts.core.port.CardProcessor;
import com.platform.accounts.core.port.PaymentMethodStore;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldErrorCode;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a card may be added to an account: the refusals of API.md, checked in its order, before
 * anything is charged. A refusal leaves nothing behind.
 */
public final class CardEligibility {
  static final String MAINLAND_CHINA = "CN";
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{3,255}");

  private final PaymentMethodStore store;
  private final CardProcessor processor;
  private final Hmac hmac;
  private final Clock clock;

  public CardEligibility(
      PaymentMethodStore store, CardProcessor processor, Hmac hmac, Clock clock) {
    this.store = store;
    this.processor = processor;
    this.hmac = hmac;
    this.clock = clock;
  }

  /**
   * The card behind the token as it is kept, once it passed every check: a token not used before
   * that the processor knows, then not issued in Mainland China, a credit or debit card, on no
   * other account, this account without a card, issued in the account's country, not expired.
   */
  public StoredCard check(Account account, String cardToken) {
    if (cardToken == null || !TOKEN.matcher(cardToken).matches()) {
      throw CardProblems.tokenProblem(
          cardToken == null ? FieldErrorCode.REQUIRED : FieldErrorCode.UNKNOWN_CARD_TOKEN);
    }
    String tokenHash = tokenHash(cardToken);
    // the store's create refuses a used token too: this read only answers before the processor
    if (store.cardTokenUsed(tokenHash)) {
      throw CardProblems.tokenUsed();
    }
    CardDetails card;
    try {
      card = processor.describe(cardToken);
    } catch (UnknownCardTokenException e) {
      throw CardProblems.tokenProblem(FieldErrorCode.UNKNOWN_CARD_TOKEN);
    } catch (ProcessorUnavailableException e) {
      throw CardProblems.processorUnavailable();
    }
    String fingerprintHash = hmac.digest("card-fingerprint", card.fingerprint());
    if (MAINLAND_CHINA.equals(card.issuingCountry())) {
      throw CardProblems.refusal(
          ErrorCode.CARD_ISSUED_IN_MAINLAND_CHINA,
          "Cards issued in Mainland China cannot be used.");
    }
    if (!card.funding().accepted()) {
      throw CardProblems.refusal(
          ErrorCode.CARD_FUNDING_NOT_ACCEPTED,
          "Prepaid, virtual and gift cards cannot be used; use a credit or debit card.");
    }
    Optional<String> owner = store.fingerprintOwner(fingerprintHash);
    if (owner.isPresent() && !owner.get().equals(account.accountId())) {
      throw CardProblems.cardAlreadyRegistered();
    }
    if (owner.isPresent()
        || store.list(account.accountId()).stream().anyMatch(PaymentMethod::holdsCardSlot)) {
      throw CardProblems.accountAlreadyHasCard();
    }
    if (!account.country().equals(card.issuingCountry())) {
      throw CardProblems.refusal(
          ErrorCode.CARD_COUNTRY_MISMATCH, "The card must be issued in the account's country.");
    }
    if (YearMonth.of(card.expYear(), card.expMonth())
        .isBefore(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)))) {
      throw CardProblems.refusal(ErrorCode.CARD_EXPIRED, "The card has expired.");
    }
    return new StoredCard(
        cardToken,
        card.brand(),
        card.last4(),
        card.expMonth(),
        card.expYear(),
        card.issuingCountry(),
        card.funding(),
        fingerprintHash,
        card.holderName(),
        card.billingCurrency(),
        tokenHash);
  }

  /** The key of a token's single-use record: a keyed HMAC, never the token. */
  String tokenHash(String cardToken) {
    return hmac.digest("card-token", cardToken);
  }
}
