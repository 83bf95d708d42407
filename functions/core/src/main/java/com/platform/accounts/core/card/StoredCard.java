package com.platform.accounts.core.card;

/**
 * A card as we keep it: the processor's token, display data and a keyed HMAC of the processor's
 * fingerprint. No number, no security code, ever.
 */
public record StoredCard(
    String processorToken,
    String brand,
    String last4,
    int expMonth,
    int expYear,
    String issuingCountry,
    Funding funding,
    String fingerprintHash) {

  @Override
  public String toString() {
    return "StoredCard[brand=" + brand + ", country=" + issuingCountry + "]";
  }
}
