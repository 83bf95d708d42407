package com.platform.accounts.core.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.card.PaymentMethod.PaymentMethodType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {

  private static PaymentMethod method(PaymentMethodType type, PaymentMethodStatus status) {
    return new PaymentMethod(
        "pm_1", "acc_1", type, status, null, null, Instant.parse("2026-11-26T09:00:00Z"), 0);
  }

  @Test
  void anAccountWithoutPaymentMethodsCanBuyNothing() {
    assertThat(Capabilities.of(List.of())).isEqualTo(new Capabilities(false, false));
  }

  @Test
  void aVerifiedCardOpensPrepaidAndPayAsYouGo() {
    assertThat(
            Capabilities.of(
                List.of(
                    method(PaymentMethodType.CARD, PaymentMethodStatus.FAILED),
                    method(PaymentMethodType.CARD, PaymentMethodStatus.VERIFIED))))
        .isEqualTo(new Capabilities(true, true));
  }

  @Test
  void aCardNotYetOrNoLongerVerifiedOpensNothing() {
    for (PaymentMethodStatus status :
        new PaymentMethodStatus[] {
          PaymentMethodStatus.PENDING_VERIFICATION,
          PaymentMethodStatus.FAILED,
          PaymentMethodStatus.REMOVED
        }) {
      assertThat(Capabilities.of(List.of(method(PaymentMethodType.CARD, status))))
          .as("a %s card", status)
          .isEqualTo(new Capabilities(false, false));
    }
  }
}
