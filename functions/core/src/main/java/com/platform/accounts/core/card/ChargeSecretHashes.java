package com.platform.accounts.core.card;

import com.platform.accounts.core.crypto.Hmac;
import com.platform.accounts.core.money.Money;

/**
 * The keyed HMACs of a card's charge secrets: made when the charges are placed, compared when the
 * owner answers. Each is bound to the payment method's id, so one card's answer proves no other.
 */
final class ChargeSecretHashes {
  private static final String CODE = "descriptor-code";
  private static final String MICROCHARGE = "microcharge";
  private final Hmac hmac;

  ChargeSecretHashes(Hmac hmac) {
    this.hmac = hmac;
  }

  String code(String paymentMethodId, String code) {
    return hmac.digest(CODE, paymentMethodId, code);
  }

  String microcharge(String paymentMethodId, Money usd) {
    return hmac.digest(MICROCHARGE, paymentMethodId, Long.toString(usd.minorUnits()));
  }

  boolean codeMatches(OwnershipCheck check, String paymentMethodId, String code) {
    return hmac.matches(check.descriptorCodeHash(), CODE, paymentMethodId, code);
  }

  boolean microchargeMatches(OwnershipCheck check, String paymentMethodId, Money usd) {
    return hmac.matches(
        check.microchargeHash(), MICROCHARGE, paymentMethodId, Long.toString(usd.minorUnits()));
  }
}
