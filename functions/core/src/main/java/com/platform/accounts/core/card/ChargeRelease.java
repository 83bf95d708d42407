package com.platform.accounts.core.card;

import com.platform.accounts.core.due.DueItem;
import com.platform.accounts.core.port.AccountStore;
import com.platform.accounts.core.port.CardProcessor;
import com.platform.accounts.core.port.MessageSender;
import com.platform.accounts.core.port.PaymentMethodStore;
import com.platform.accounts.core.port.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The release of a card's charges, within 24 hours whatever happens: the hold voided and the
 * microcharge refunded, once each, by the workflow, the owner's answer, a removal or the
 * expire-holds job, which also fails the cards whose 7 days ended without an answer.
 */
public final class ChargeRelease {
  /** Counted when a release fails; the charges stay due and the expire-holds job retries. */
  public static final String RELEASE_FAILED = "CardReleaseFailed";

  /** Counted when the expire-holds job cannot fail a card whose 7 days ended; it retries. */
  public static final String EXPIRY_FAILED = "CardExpiryFailed";

  /** How long a processor may take to list a charge whose answer was lost. */
  static final Duration LOOKUP_SETTLES = Duration.ofMinutes(10);

  private final CardRecords records;
  private final CardProcessor processor;
  private final CardEmails emails;
  private final ToleratedFailures failures;
  private final Clock clock;

  public ChargeRelease(
      PaymentMethodStore store,
      AccountStore accounts,
      CardProcessor processor,
      MessageSender sender,
      Telemetry telemetry,
      Clock clock,
      String merchantName) {
    this.records = new CardRecords(store);
    this.processor = processor;
    this.emails = new CardEmails(accounts, sender, merchantName);
    this.failures = new ToleratedFailures(ChargeRelease.class, telemetry);
    this.clock = clock;
  }

  /**
   * Voids the hold and refunds the microcharge, once. A charge whose answer was lost is looked up
   * by its idempotency key, never placed again; "not found" is trusted only once the processor has
   * had time to list it, until then the card stays due. A card left without both charges can never
   * be proven and fails.
   */
  public PaymentMethod release(String accountId, String paymentMethodId) {
    PaymentMethod pm = records.load(accountId, paymentMethodId);
    if (pm.check().released()) {
      return pm;
    }
    boolean incomplete = !pm.check().placementComplete();
    try {
      if (pm.check().holdId() == null) {
        Optional<String> lost = processor.findCharge(ChargePlacement.holdKey(paymentMethodId));
        if (lost.isPresent()) {
          pm =
              records.change(
                  accountId, paymentMethodId, p -> p.withCheck(p.check().withHold(lost.get())));
        }
      }
      if (pm.check().microchargeId() == null) {
        Optional<String> lost =
            processor.findCharge(ChargePlacement.microchargeKey(paymentMethodId));
        if (lost.isPresent()) {
          pm =
              records.change(
                  accountId,
                  paymentMethodId,
                  p -> p.withCheck(p.check().withMicrocharge(lost.get())));
        }
      }
      voidAndRefund(pm);
    } catch (ProcessorUnavailableException e) {
      throw CardProblems.processorUnavailable();
    }
    Instant now = clock.instant();
    if (!pm.check().placementComplete()
        && now.isBefore(pm.check().placedAt().plus(LOOKUP_SETTLES))) {
      return pm;
    }
    boolean fail = incomplete && pm.status() == PaymentMethodStatus.PENDING_VERIFICATION;
    return records.change(
        accountId,
        paymentMethodId,
        p -> {
          PaymentMethod out = p.withCheck(p.check().releasedAt(now));
          return fail && out.status() == PaymentMethodStatus.PENDING_VERIFICATION
              ? out.withStatus(PaymentMethodStatus.FAILED)
              : out;
        });
  }

  /**
   * Releases now if the processor answers. If it does not, the charges stay due, the expire-holds
   * job releases them, and the failure is logged and counted; the caller's work goes on.
   */
  Optional<PaymentMethod> releaseOrLeaveDue(String accountId, String paymentMethodId) {
    try {
      return Optional.of(release(accountId, paymentMethodId));
    } catch (RuntimeException e) {
      failures.record(
          RELEASE_FAILED, paymentMethodId, e, "the charges stay due for the expire-holds job");
      return Optional.empty();
    }
  }

  /** Voids the hold and refunds the microcharge that the card records, under keys of their own. */
  void voidAndRefund(PaymentMethod pm) {
    if (pm.check().holdId() != null) {
      processor.voidHold(pm.check().holdId(), pm.paymentMethodId() + ":void");
    }
    if (pm.check().microchargeId() != null) {
      processor.refund(pm.check().microchargeId(), pm.paymentMethodId() + ":refund");
    }
  }

  /**
   * The expire-holds job's work on a card that fell due: releases its charges, or, once they are
   * released, fails it if its 7 days ended without an answer (its workflow may have been lost). A
   * card no longer due (finished a moment ago) is left alone. A failure is logged, counted and
   * thrown, so that the sweep retries the card later.
   */
  public void finishDue(DueItem item) {
    PaymentMethod pm = records.load(item.ownerId(), item.itemId());
    Instant now = clock.instant();
    if (pm.dueAt().filter(at -> !at.isAfter(now)).isEmpty()) {
      return;
    }
    boolean releasing = !pm.check().released();
    try {
      if (releasing) {
        release(pm.accountId(), pm.paymentMethodId());
      } else {
        expire(pm.accountId(), pm.paymentMethodId());
      }
    } catch (RuntimeException e) {
      failures.record(
          releasing ? RELEASE_FAILED : EXPIRY_FAILED,
          pm.paymentMethodId(),
          e,
          "still due: the sweep retries it later");
      throw e;
    }
  }

  /**
   * Task: seven days passed; a card still pending fails. Answers the final status. The end of the
   * window is read from the card, not trusted from the caller: a card asked to expire before its
   * {@code expiresAt} (a schedule that runs early, a retry) stays pending.
   */
  public String expire(String accountId, String paymentMethodId) {
    PaymentMethod before = release(accountId, paymentMethodId);
    Instant now = clock.instant();
    PaymentMethod pm =
        records.change(
            accountId,
            paymentMethodId,
            p ->
                p.status() == PaymentMethodStatus.PENDING_VERIFICATION && windowEnded(p, now)
                    ? p.withStatus(PaymentMethodStatus.FAILED)
                    : p);
    if (before.status() == PaymentMethodStatus.PENDING_VERIFICATION
        && pm.status() == PaymentMethodStatus.FAILED) {
      emails.sendToOwner("card-verification-failed", pm);
    }
    return pm.status().name();
  }

  private static boolean windowEnded(PaymentMethod pm, Instant now) {
    Instant expiresAt = pm.check().expiresAt();
    return expiresAt != null && !now.isBefore(expiresAt);
  }
}
