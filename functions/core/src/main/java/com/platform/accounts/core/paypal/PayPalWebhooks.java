package com.platform.accounts.core.paypal;

import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.card.PaymentMethodStatus;
import com.platform.accounts.core.crypto.Hmac;
import com.platform.accounts.core.event.DomainEvent;
import com.platform.accounts.core.port.DomainEventPublisher;
import com.platform.accounts.core.port.OptimisticRetry;
import com.platform.accounts.core.port.PayPalWebhookVerifier;
import com.platform.accounts.core.port.PaymentMethodStore;
import com.platform.accounts.core.port.ProcessedEvents;
import com.platform.accounts.core.port.Telemetry;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * PayPal's webhooks: a delivery must be fresh and signed for this service's webhook, and each event
 * id has one effect (PayPal delivers again until it hears 2xx, so a repeat is acknowledged without
 * one). A payment token deleted at PayPal revokes its link at once, so the account's capabilities
 * change with it. Events of other types, or about tokens this service does not know, are
 * acknowledged and ignored: PayPal would otherwise deliver them again for days.
 */
public final class PayPalWebhooks {
  /** How far a transmission time may be from now: older deliveries could be replays. */
  public static final Duration FRESHNESS = Duration.ofMinutes(10);

  /** How long an event id is remembered: longer than PayPal's redelivery (3 days). */
  static final Duration KEEP_EVENTS = Duration.ofDays(30);

  static final String SOURCE = "paypal";

  /** Counted per delivery that is acknowledged but has no effect (type or token unknown). */
  public static final String WEBHOOK_IGNORED = "PayPalWebhookIgnored";

  private final PayPalWebhookVerifier verifier;
  private final ProcessedEvents processed;
  private final PaymentMethodStore store;
  private final Hmac hmac;
  private final DomainEventPublisher events;
  private final Telemetry telemetry;
  private final Clock clock;

  public PayPalWebhooks(
      PayPalWebhookVerifier verifier,
      ProcessedEvents processed,
      PaymentMethodStore store,
      Hmac hmac,
      DomainEventPublisher events,
      Telemetry telemetry,
      Clock clock) {
    this.verifier = verifier;
    this.processed = processed;
    this.store = store;
    this.hmac = hmac;
    this.events = events;
    this.telemetry = telemetry;
    this.clock = clock;
  }

  /**
   * Checks a delivery and applies its event once.
   *
   * @throws Problem INVALID_SIGNATURE for a stale, unsigned or wrongly signed delivery (nothing
   *     read or changed)
   * @throws PayPalUnavailableException when the signature could not be checked
   */
  public void receive(PayPalWebhook delivery, PayPalEvent event) {
    Instant now = clock.instant();
    if (!fresh(delivery.transmissionTime(), now) || !verifier.verify(delivery)) {
      throw invalidSignature();
    }
    if (event.id() == null || event.id().isEmpty() || event.id().length() > 128) {
      throw Problem.malformed("The event has no id.");
    }
    if (processed.seen(SOURCE, event.id(), now)) {
      return;
    }
    boolean applied =
        PayPalEvent.PAYMENT_TOKEN_DELETED.equals(event.eventType())
            && event.resourceId() != null
            && revoke(event.resourceId());
    if (!applied) {
      telemetry.count(WEBHOOK_IGNORED);
    }
    processed.record(SOURCE, event.id(), now.plus(KEEP_EVENTS));
  }

  /** Revokes the active link of a payment token; false when no such link is known. */
  private boolean revoke(String paymentTokenId) {
    return store
        .findReference(PayPalLinking.tokenReference(hmac, paymentTokenId), clock.instant())
        .map(
            ref ->
                OptimisticRetry.run(
                    () -> {
                      PaymentMethod pm =
                          store.find(ref.accountId(), ref.paymentMethodId()).orElse(null);
                      if (pm == null
                          || pm.status() != PaymentMethodStatus.ACTIVE
                          || pm.paypal() == null
                          || !paymentTokenId.equals(pm.paypal().paymentTokenId())) {
                        return false;
                      }
                      store.update(pm.withStatus(PaymentMethodStatus.REVOKED));
                      events.publish(
                          new DomainEvent(
                              pm.paymentMethodId() + ":PaymentMethodRevoked",
                              "PaymentMethodRevoked",
                              pm.accountId(),
                              clock.instant(),
                              Map.of("paymentMethodId", pm.paymentMethodId(), "type", "PAYPAL")));
                      return true;
                    }))
        .orElse(false);
  }

  private static boolean fresh(String transmissionTime, Instant now) {
    if (transmissionTime == null) {
      return false;
    }
    try {
      Instant sent = Instant.parse(transmissionTime);
      return !sent.isBefore(now.minus(FRESHNESS)) && !sent.isAfter(now.plus(FRESHNESS));
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static Problem invalidSignature() {
    return Problem.of(
        ErrorCode.INVALID_SIGNATURE,
        "Invalid signature",
        "The delivery is not signed by PayPal for this webhook, or it is stale.");
  }
}
