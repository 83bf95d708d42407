package com.platform.accounts.core.card;

import java.util.Currency;
import java.util.Locale;

/**
 * What the processor tells about a tokenized card. {@code fingerprint} is the processor's stable id
 * of the card number (the same card gives the same fingerprint under any token); it is stored only
 * as a keyed HMAC. {@code holderName} is the name on the card as the card form took it (null when
 * the processor has none); {@code billingCurrency} is the currency the card's statement shows.
 */
public record CardDetails(
    String brand,
    String last4,
    int expMonth,
    int expYear,
    String issuingCountry,
    Funding funding,
    String fingerprint,
    String holderName,
    Currency billingCurrency) {

  /**
   * The currency of a country, in which a card issued there is billed unless its processor knows
   * better; null for a country without one (or no country).
   */
  public static Currency countryCurrency(String country) {
    if (country == null || !country.matches("[A-Z]{2}")) {
      return null;
    }
    try {
      return Currency.getInstance(new Locale.Builder().setRegion(country).build());
    } catch (IllegalArgumentException unknownCountry) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "CardDetails[brand="
        + brand
        + ", country="
        + issuingCountry
        + ", funding="
        + funding
        + ", currency="
        + billingCurrency
        + "]";
  }
}
