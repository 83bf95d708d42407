package com.platform.accounts.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.card.PaymentMethodStatus;
import com.platform.accounts.core.due.DueShards;
import com.platform.accounts.core.paypal.PayPalLink;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class PaymentMethodItemsTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

  private static PaymentMethod pendingPayPal() {
    return PaymentMethod.payPal(
        "pm_1",
        "acc_1",
        PaymentMethodStatus.PENDING_APPROVAL,
        PayPalLink.started(
            "st_1", "hmac", NOW.plus(PayPalLink.APPROVAL_WINDOW), "https://a/r", "https://a/c"),
        NOW);
  }

  @Test
  void aPayPalMethodWaitingForItsPayerIsADueItemOfItsOwnKind() {
    Map<String, AttributeValue> item =
        PaymentMethodItems.toItem(pendingPayPal(), 1, DueShards.DEFAULT);

    assertThat(item.get(DueItems.DUE_KIND).s()).isEqualTo("PAYPAL_LINK");
    assertThat(item.get(DueItems.DUE_AT).s())
        .isEqualTo(DueItems.dueAt(NOW.plus(PayPalLink.APPROVAL_WINDOW)));
  }

  @Test
  void anItemStoredBeforePayPalWasSupportedReadsWithoutALink() {
    Map<String, AttributeValue> item =
        new HashMap<>(PaymentMethodItems.toItem(pendingPayPal(), 1, DueShards.DEFAULT));
    item.remove("paypal");
    item.put("status", Items.s("VERIFIED"));

    PaymentMethod read = PaymentMethodItems.fromItem(item);

    assertThat(read.paypal()).isNull();
    assertThat(read.type()).isEqualTo(PaymentMethod.PaymentMethodType.PAYPAL);
    assertThat(read.status()).isEqualTo(PaymentMethodStatus.VERIFIED);
  }
}
