package com.platform.accounts.core.card;

/**
 * What the processor tells about a tokenized card. {@code fingerprint} is the processor's stable id
 * of the card number (the same card gives the same fingerprint under any token); it is stored only
 * as a keyed HMAC.
 */
public record CardDetails(
    String brand,
    String last4,
    int expMonth,
    int expYear,
    String issuingCountry,
    Funding funding,
    String fingerprint) {

  @Override
  public String toString() {
    return "CardDetails[brand="
        + brand
        + ", country="
        + issuingCountry
        + ", funding="
        + funding
        + "]";
  }
}
