package com.platform.accounts.core.card;

import java.util.List;

/**
 * What an account's payment methods open: prepaid products need a verified card or an active PayPal
 * billing agreement; pay-as-you-go needs a verified card (PayPal serves prepaid purchases only).
 */
public record Capabilities(boolean prepaid, boolean payAsYouGo) {

  public static Capabilities of(List<PaymentMethod> methods) {
    boolean verifiedCard =
        methods.stream()
            .anyMatch(
                pm ->
                    pm.type() == PaymentMethod.PaymentMethodType.CARD
                        && pm.status() == PaymentMethodStatus.VERIFIED);
    boolean activePayPal =
        methods.stream()
            .anyMatch(
                pm ->
                    pm.type() == PaymentMethod.PaymentMethodType.PAYPAL
                        && pm.status() == PaymentMethodStatus.ACTIVE);
    return new Capabilities(verifiedCard || activePayPal, verifiedCard);
  }
}
