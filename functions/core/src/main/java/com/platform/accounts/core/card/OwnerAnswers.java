package com.platform.accounts.core.card;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.crypto.Hmac;
import com.platform.accounts.core.crypto.TokenSealer;
import com.platform.accounts.core.event.DomainEvent;
import com.platform.accounts.core.money.Money;
import com.platform.accounts.core.port.AccountStore;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.port.DomainEventPublisher;
import com.platform.accounts.core.port.MessageSender;
import com.platform.accounts.core.port.OptimisticRetry;
import com.platform.accounts.core.port.PaymentMethodStore;
import com.platform.accounts.core.port.WorkflowOutcome;
import com.platform.accounts.core.port.Workflows;
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
 * wrong one costs one of 5 tries, the fifth locks it; either way the charges are released and the
 * waiting workflow resumes.
 */
public final class OwnerAnswers {
  private final PaymentMethodStore store;
  private final CardRecords records;
  private final ChargeSecretHashes hashes;
  private final TokenSealer sealer;
  private final Workflows workflows;
  private final CardEmails emails;
  private final DomainEventPublisher events;
  private final ChargeRelease release;
  private final Clock clock;

  public OwnerAnswers(
      PaymentMethodStore store,
      AccountStore accounts,
      Hmac hmac,
      TokenSealer sealer,
      Workflows workflows,
      MessageSender sender,
      DomainEventPublisher events,
      ChargeRelease release,
      Clock clock,
      String merchantName) {
    this.store = store;
    this.records = new CardRecords(store);
    this.hashes = new ChargeSecretHashes(hmac);
    this.sealer = sealer;
    this.workflows = workflows;
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

  /** Task: the workflow waits for the owner; resumes at once when the answer came first. */
  public void awaitOwner(String accountId, String paymentMethodId, String taskToken) {
    // an answer that came in between makes it look again
    OptimisticRetry.run(
        () -> {
          PaymentMethod pm = records.load(accountId, paymentMethodId);
          if (pm.status() != PaymentMethodStatus.PENDING_VERIFICATION) {
            workflows.resume(taskToken, new WorkflowOutcome.CardOutcome(pm.status()));
            return;
          }
          store.update(pm.withCheck(pm.check().withSealedTaskToken(sealer.seal(taskToken))));
        });
  }

  /** Judges the owner's answer; a wrong one is answered with the tries left. */
  public PaymentMethod verify(Account account, String paymentMethodId, OwnershipProof proof) {
    CardProblems.requireWellFormed(paymentMethodId);
    try {
      // another answer or the workflow wrote in between: judge this answer again
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
              finish(account.accountId(), paymentMethodId, PaymentMethodStatus.VERIFIED);
              return records.load(account.accountId(), paymentMethodId);
            }
            PaymentMethod failed = pm.withCheck(pm.check().withFailedAttempt());
            boolean locked = failed.check().attemptsRemaining() == 0;
            store.update(locked ? failed.withStatus(PaymentMethodStatus.FAILED) : failed);
            if (locked) {
              emails.send("card-verification-failed", account, pm);
              finish(account.accountId(), paymentMethodId, PaymentMethodStatus.FAILED);
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

  /**
   * The answer is committed: release the charges now if the processor answers (else the workflow
   * and the job do), and resume the waiting workflow with the outcome.
   */
  private void finish(String accountId, String paymentMethodId, PaymentMethodStatus outcome) {
    release.releaseOrLeaveDue(accountId, paymentMethodId);
    PaymentMethod pm = records.load(accountId, paymentMethodId);
    if (pm.check().sealedTaskToken() != null) {
      workflows.resume(
          sealer.unseal(pm.check().sealedTaskToken()), new WorkflowOutcome.CardOutcome(outcome));
    }
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
