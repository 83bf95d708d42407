package com.platform.accounts.core.card;

import java.util.Currency;

/**
 * A card as we keep it: the processor's token, display data, the name on the card, the currency it
 * is billed in, a keyed HMAC of the processor's fingerprint and one of the token (the key of the
 * token's single-use record). No number, no security code, ever.
 */
public record StoredCard(
    String processorToken,
    String brand,
    String last4,
    int expMonth,
    int expYear,
    String issuingCountry,
    Funding funding,
    String fingerprintHash,
    String holderName,
    Currency billingCurrency,
    String tokenHash) {

  /**
   * The currency of the card's statement: as the processor told it, or, for a card stored before
   * the processor was asked, its issuing country's.
   */
  public Currency billedIn() {
    if (billingCurrency != null) {
      return billingCurrency;
    }
    Currency ofCountry = CardDetails.countryCurrency(issuingCountry);
    return ofCountry != null ? ofCountry : Currency.getInstance("USD");
  }

  @Override
  public String toString() {
    return "StoredCard[brand=" + brand + ", country=" + issuingCountry + "]";
  }
}
