package com.platform.accounts.core.card;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.crypto.Hmac;
import com.platform.accounts.core.event.DomainEvent;
import com.platform.accounts.core.money.Money;
import com.platform.accounts.core.port.AccountStore;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.port.DomainEventPublisher;
import com.platform.accounts.core.port.MessageSender;
import com.platform.accounts.core.port.OptimisticRetry;
import com.platform.accounts.core.port.PaymentMethodStore;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldError;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The owner's side of a card's check: told what to look for on the statement, then answering with
 * the descriptor code, the USD amount or the local amounts. A right answer verifies the card, a
 * wrong one costs one of 5 tries, the fifth locks it. The answer's request does all that follows
 * (publish, tell the owner, release the charges); no workflow waits for the owner, and a release
 * the processor refuses now stays due for the expire-holds job.
 */
public final class OwnerAnswers {
  private final PaymentMethodStore store;
  private final CardRecords records;
  private final ChargeSecretHashes hashes;
  private final CardEmails emails;
  private final DomainEventPublisher events;
  private final ChargeRelease release;
  private final Clock clock;

  public OwnerAnswers(
      PaymentMethodStore store,
      AccountStore accounts,
      Hmac hmac,
      MessageSender sender,
      DomainEventPublisher events,
      ChargeRelease release,
      Clock clock,
      String merchantName) {
    this.store = store;
    this.records = new CardRecords(store);
    this.hashes = new ChargeSecretHashes(hmac);
    this.emails = new CardEmails(accounts, sender, merchantName);
    this.events = events;
    this.release = release;
    this.clock = clock;
  }

  /**
   * Task: tells the owner what to look for on the statement (never the code itself). Answers the
   * card's status afterwards.
   */
  public String notifyChargesPlaced(String accountId, String paymentMethodId) {
    PaymentMethod pm = records.load(accountId, paymentMethodId);
    if (pm.status() == PaymentMethodStatus.PENDING_VERIFICATION) {
      emails.sendToOwner("card-charges-placed", pm);
    }
    return records.load(accountId, paymentMethodId).status().name();
  }

  /** Judges the owner's answer; a wrong one is answered with the tries left. */
  public PaymentMethod verify(Account account, String paymentMethodId, OwnershipProof proof) {
    CardProblems.requireWellFormed(paymentMethodId);
    try {
      // another answer or a task wrote in between: judge this answer again
      return OptimisticRetry.run(
          () -> {
            PaymentMethod pm =
                store
                    .find(account.accountId(), paymentMethodId)
                    .filter(
                        p ->
                            p.type() == PaymentMethod.PaymentMethodType.CARD
                                && p.status() != PaymentMethodStatus.REMOVED)
                    .orElseThrow(CardProblems::notFound);
            rejectClosed(pm);
            requireCardCurrency(pm, proof);
            if (matches(pm, proof)) {
              store.update(pm.withStatus(PaymentMethodStatus.VERIFIED));
              events.publish(
                  new DomainEvent(
                      paymentMethodId + ":PaymentMethodVerified",
                      "PaymentMethodVerified",
                      account.accountId(),
                      clock.instant(),
                      Map.of("paymentMethodId", paymentMethodId, "type", "CARD")));
              emails.send("card-verified", account, pm);
              release.releaseOrLeaveDue(account.accountId(), paymentMethodId);
              return records.load(account.accountId(), paymentMethodId);
            }
            PaymentMethod failed = pm.withCheck(pm.check().withFailedAttempt());
            boolean locked = failed.check().attemptsRemaining() == 0;
            store.update(locked ? failed.withStatus(PaymentMethodStatus.FAILED) : failed);
            if (locked) {
              emails.send("card-verification-failed", account, pm);
              release.releaseOrLeaveDue(account.accountId(), paymentMethodId);
              throw locked();
            }
            throw Problem.of(
                    ErrorCode.VERIFICATION_FAILED,
                    "Verification failed",
                    "That does not match the charge on the card.")
                .with("attemptsRemaining", failed.check().attemptsRemaining());
          });
    } catch (ConcurrentModificationException exhausted) {
      throw Problem.of(ErrorCode.CONFLICT, "Busy", "Try again.");
    }
  }

  private void rejectClosed(PaymentMethod pm) {
    switch (pm.status()) {
      case VERIFIED ->
          throw Problem.of(
              ErrorCode.ALREADY_VERIFIED, "Already verified", "This card is verified already.");
      case FAILED -> throw pm.check().attemptsRemaining() == 0 ? locked() : expired();
      default -> {
        if (!clock.instant().isBefore(pm.check().expiresAt())) {
          throw expired();
        }
      }
    }
  }

  /**
   * Local amounts are read off the statement, so they are in the card's billing currency; amounts
   * in another currency are a mistake to point out, not a wrong answer that costs a try.
   */
  private static void requireCardCurrency(PaymentMethod pm, OwnershipProof proof) {
    if (proof instanceof OwnershipProof.LocalAmounts local
        && !local.currency().equals(pm.card().billedIn())) {
      String billedIn = pm.card().billedIn().getCurrencyCode();
      throw Problem.validation(
          List.of(
              new FieldError(
                  "localAmounts.currency",
                  FieldErrorCode.INVALID_CURRENCY,
                  "This card is billed in "
                      + billedIn
                      + ": give both amounts in "
                      + billedIn
                      + ", as the statement shows them.")));
    }
  }

  private boolean matches(PaymentMethod pm, OwnershipProof proof) {
    String id = pm.paymentMethodId();
    if (proof instanceof OwnershipProof.DescriptorCode code) {
      return hashes.codeMatches(pm.check(), id, code.code());
    }
    Money usd =
        proof instanceof OwnershipProof.UsdAmount amount
            ? amount.amount()
            : ((OwnershipProof.LocalAmounts) proof).usdMicrocharge();
    return hashes.microchargeMatches(pm.check(), id, usd);
  }

  private static Problem locked() {
    return Problem.of(
        ErrorCode.VERIFICATION_LOCKED,
        "Verification locked",
        "Five answers were wrong; the card is refused and its charges released.");
  }

  private static Problem expired() {
    return Problem.of(
        ErrorCode.VERIFICATION_EXPIRED,
        "Verification expired",
        "The 7 days to verify this card have passed; add it again.");
  }
}
