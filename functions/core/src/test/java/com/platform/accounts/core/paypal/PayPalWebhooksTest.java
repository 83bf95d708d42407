package com.platform.accounts.core.paypal;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.card.Capabilities;
import com.platform.accounts.core.card.PaymentMethodStatus;
import com.platform.accounts.core.problem.ErrorCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PayPalWebhooksTest extends PayPalTestSupport {
  private final PayPalWebhooks webhooks = t.lifecycle.payPalWebhooks();
  private int deliveries;

  /** An active link and its payment token at PayPal. */
  private String[] activeLink(Account account) {
    LinkStarted started = start(account);
    returnWith(approve(started, true));
    String id = started.paymentMethod().paymentMethodId();
    return new String[] {id, stored(account.accountId(), id).paypal().paymentTokenId()};
  }

  private PayPalWebhook signed(String body) {
    String transmissionId = "tx-" + (++deliveries);
    String time = t.clock.instant().toString();
    return new PayPalWebhook(
        transmissionId,
        time,
        paypal.sign(transmissionId, time, body),
        "https://api.paypal.com/v1/notifications/certs/CERT-1",
        "SHA256withRSA",
        body);
  }

  private static String deleted(String eventId, String tokenId) {
    return "{\"id\":\""
        + eventId
        + "\",\"event_type\":\"VAULT.PAYMENT-TOKEN.DELETED\",\"resource\":{\"id\":\""
        + tokenId
        + "\"}}";
  }

  @Test
  void aPaymentTokenDeletedAtPayPalRevokesTheLinkAndItsCapabilityAtOnce() {
    Account ana = account();
    String[] link = activeLink(ana);
    String body = deleted("WH-1", link[1]);

    webhooks.receive(
        signed(body), new PayPalEvent("WH-1", PayPalEvent.PAYMENT_TOKEN_DELETED, link[1]));

    assertThat(stored(ana.accountId(), link[0]).status()).isEqualTo(PaymentMethodStatus.REVOKED);
    assertThat(Capabilities.of(t.table.paymentMethods().list(ana.accountId())).prepaid()).isFalse();
    assertThat(t.events.all().stream().filter(e -> e.type().equals("PaymentMethodRevoked")))
        .hasSize(1);
    // the account may link PayPal again
    assertThat(start(ana).paymentMethod().status()).isEqualTo(PaymentMethodStatus.PENDING_APPROVAL);
  }

  @Test
  void theSameEventTwiceHasOneEffect() {
    Account ana = account();
    String[] link = activeLink(ana);
    PayPalEvent event = new PayPalEvent("WH-2", PayPalEvent.PAYMENT_TOKEN_DELETED, link[1]);
    webhooks.receive(signed(deleted("WH-2", link[1])), event);
    // the owner links PayPal again with the same PayPal account; a replay must not touch it
    LinkStarted again = start(ana);
    returnWith(approve(again, true));

    webhooks.receive(signed(deleted("WH-2", link[1])), event);

    assertThat(stored(ana.accountId(), again.paymentMethod().paymentMethodId()).status())
        .isEqualTo(PaymentMethodStatus.ACTIVE);
    assertThat(t.events.all().stream().filter(e -> e.type().equals("PaymentMethodRevoked")))
        .hasSize(1);
  }

  @Test
  void aBadSignatureIsRefusedAndChangesNothing() {
    Account ana = account();
    String[] link = activeLink(ana);
    String body = deleted("WH-3", link[1]);
    PayPalWebhook good = signed(body);
    PayPalWebhook tampered =
        new PayPalWebhook(
            good.transmissionId(),
            good.transmissionTime(),
            good.transmissionSig(),
            good.certUrl(),
            good.authAlgo(),
            deleted("WH-3", link[1] + "X"));
    PayPalWebhook unsigned =
        new PayPalWebhook(good.transmissionId(), good.transmissionTime(), null, null, null, body);
    PayPalEvent event = new PayPalEvent("WH-3", PayPalEvent.PAYMENT_TOKEN_DELETED, link[1]);

    for (PayPalWebhook bad : new PayPalWebhook[] {tampered, unsigned}) {
      assertThat(problemOf(() -> webhooks.receive(bad, event)).code())
          .isEqualTo(ErrorCode.INVALID_SIGNATURE);
    }
    assertThat(stored(ana.accountId(), link[0]).status()).isEqualTo(PaymentMethodStatus.ACTIVE);
    // not remembered as seen: PayPal's genuine delivery still has its effect
    webhooks.receive(good, event);
    assertThat(stored(ana.accountId(), link[0]).status()).isEqualTo(PaymentMethodStatus.REVOKED);
  }

  @Test
  void aStaleDeliveryIsRefusedEvenWithAGoodSignature() {
    Account ana = account();
    String[] link = activeLink(ana);
    PayPalWebhook sent = signed(deleted("WH-4", link[1]));
    t.clock.advanceBy(PayPalWebhooks.FRESHNESS.plus(Duration.ofSeconds(1)));

    assertThat(
            problemOf(
                    () ->
                        webhooks.receive(
                            sent,
                            new PayPalEvent("WH-4", PayPalEvent.PAYMENT_TOKEN_DELETED, link[1])))
                .code())
        .isEqualTo(ErrorCode.INVALID_SIGNATURE);
    assertThat(stored(ana.accountId(), link[0]).status()).isEqualTo(PaymentMethodStatus.ACTIVE);
  }

  @Test
  void anUnknownEventTypeOrPaymentTokenIsAcknowledgedWithoutEffect() {
    Account ana = account();
    String[] link = activeLink(ana);

    webhooks.receive(
        signed("{\"id\":\"WH-5\",\"event_type\":\"PAYMENT.SALE.COMPLETED\"}"),
        new PayPalEvent("WH-5", "PAYMENT.SALE.COMPLETED", link[1]));
    webhooks.receive(
        signed(deleted("WH-6", "PT-UNKNOWN")),
        new PayPalEvent("WH-6", PayPalEvent.PAYMENT_TOKEN_DELETED, "PT-UNKNOWN"));

    assertThat(stored(ana.accountId(), link[0]).status()).isEqualTo(PaymentMethodStatus.ACTIVE);
    assertThat(t.lifecycle.telemetry().counted(PayPalWebhooks.WEBHOOK_IGNORED)).isEqualTo(2);
  }
}
