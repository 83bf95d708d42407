package com.platform.accounts.core.deletion;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.AccountStatus;
import com.platform.accounts.core.account.EmailClaim;
import com.platform.accounts.core.card.CardDeclinedException;
import com.platform.accounts.core.card.ChargeRelease;
import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.card.PaymentMethodStatus;
import com.platform.accounts.core.card.StoredCard;
import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.crypto.PasswordHasher;
import com.platform.accounts.core.due.DueItem;
import com.platform.accounts.core.event.DomainEvent;
import com.platform.accounts.core.ledger.AccountLedger;
import com.platform.accounts.core.ledger.LedgerCharge;
import com.platform.accounts.core.ledger.LedgerEvent;
import com.platform.accounts.core.ledger.LedgerEventType;
import com.platform.accounts.core.messaging.MessageTemplates;
import com.platform.accounts.core.money.Money;
import com.platform.accounts.core.paypal.PayPalLink;
import com.platform.accounts.core.port.AccountStore;
import com.platform.accounts.core.port.CardProcessor;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.port.DeletionStore;
import com.platform.accounts.core.port.DomainEventPublisher;
import com.platform.accounts.core.port.LedgerStore;
import com.platform.accounts.core.port.MessageSender;
import com.platform.accounts.core.port.OptimisticRetry;
import com.platform.accounts.core.port.PayPalGateway;
import com.platform.accounts.core.port.PaymentMethodStore;
import com.platform.accounts.core.port.Telemetry;
import com.platform.accounts.core.port.WorkflowUnavailableException;
import com.platform.accounts.core.port.Workflows;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.ratelimit.RateLimiter;
import com.platform.accounts.core.verification.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An account holder deletes the account (API.md, Deletion). The request re-authenticates with the
 * password and is refused while the ledger has blockers. An account whose post-paid products were
 * used this billing period waits, as a due item, for their final charges (at most {@link
 * #FINAL_CHARGES_WINDOW}); they are charged to its verified card as merchant-initiated charges, and
 * once nothing is owed the account is DELETED. Otherwise it is DELETED in the request. Either way,
 * the erasure follows ({@link #erase}): cards released and detached, a PayPal agreement deleted, a
 * goodbye email, the {@code AccountDeleted} event, then the tombstone.
 *
 * <p>Every step is idempotent and safe to run twice at once (the deletion's workflow and the
 * finish-deletions job may overlap, and so may two runs of the job): each final charge is placed
 * with an idempotency key of the deletion, the charge and the attempt ({@link #chargeKey}), so the
 * processor never charges it twice, and its payment is recorded under an event id of the deletion
 * and the charge, so the ledger counts it once; status changes are conditional on the version read,
 * so one of two racers wins.
 */
public final class AccountDeletion {
  public static final String PREFIX = "del";

  /** How long the final charges of post-paid products used this billing period may take. */
  public static final Duration FINAL_CHARGES_WINDOW = Duration.ofHours(48);

  /**
   * When a final charge that failed is tried again, after the first, second, third failure; each
   * later one a day after the one before. Early retries catch a card the owner fixes at once (a
   * limit raised, a card added), the daily ones a card that needs the bank.
   */
  static final List<Duration> RETRY_SCHEDULE =
      List.of(Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(24));

  /** Re-authentications per account and window: a stolen session cannot guess the password. */
  static final int REAUTHENTICATIONS = 5;

  static final Duration REAUTHENTICATION_WINDOW = Duration.ofMinutes(15);

  /** Counted when a final charge was declined (or no card could be charged). */
  public static final String FINAL_CHARGE_FAILED = "DeletionFinalChargeFailed";

  /** Counted when an account is deleted. */
  public static final String DELETED = "AccountDeleted";

  /** Counted when a deletion's workflow could not be started (answered 503). */
  public static final String WORKFLOW_UNAVAILABLE = "DeletionWorkflowUnavailable";

  /** How long the once-only mark of a goodbye email is kept; far longer than any retry. */
  private static final Duration GOODBYE_MARK = Duration.ofDays(30);

  private final AccountStore accounts;
  private final DeletionStore deletions;
  private final LedgerStore ledger;
  private final PaymentMethodStore paymentMethods;
  private final Supplier<CardProcessor> cards;
  private final Supplier<PayPalGateway> paypal;
  private final Supplier<ChargeRelease> release;
  private final PasswordHasher passwords;
  private final RateLimiter rateLimiter;
  private final Workflows workflows;
  private final MessageSender messages;
  private final DomainEventPublisher events;
  private final Telemetry telemetry;
  private final Clock clock;

  private static final Logger LOG = LoggerFactory.getLogger(AccountDeletion.class);

  /** Why a collection failed: for the log, and as the owner's email says it. */
  private enum CollectionFailure {
    DECLINED(
        "declined",
        "your card was declined. Add another card or ask your bank to allow the charge."),
    NO_CARD(
        "no verified card",
        "the account has no verified card to charge them to. Add a card and verify it.");

    final String logged;
    final String forOwner;

    CollectionFailure(String logged, String forOwner) {
      this.logged = logged;
      this.forOwner = forOwner;
    }
  }

  /**
   * @param cards the card processor, asked for only when a card is charged or detached (the API's
   *     request never does: its function carries no processor client)
   * @param paypal PayPal's vault, asked for only when an account has a PayPal agreement to delete
   * @param release the card charges' release, asked for only when a pending verification is erased
   */
  public AccountDeletion(
      AccountStore accounts,
      DeletionStore deletions,
      LedgerStore ledger,
      PaymentMethodStore paymentMethods,
      Supplier<CardProcessor> cards,
      Supplier<PayPalGateway> paypal,
      Supplier<ChargeRelease> release,
      PasswordHasher passwords,
      RateLimiter rateLimiter,
      Workflows workflows,
      MessageSender messages,
      DomainEventPublisher events,
      Telemetry telemetry,
      Clock clock) {
    this.accounts = accounts;
    this.deletions = deletions;
    this.ledger = ledger;
    this.paymentMethods = paymentMethods;
    this.cards = cards;
    this.paypal = paypal;
    this.release = release;
    this.passwords = passwords;
    this.rateLimiter = rateLimiter;
    this.workflows = workflows;
    this.messages = messages;
    this.events = events;
    this.telemetry = telemetry;
    this.clock = clock;
  }

  /** What keeps the account from being deleted now; one Query of the ledger. */
  public DeletionCheck check(String accountId) {
    return DeletionCheck.of(ledger.load(accountId), clock.instant());
  }

  public Optional<Deletion> find(String accountId) {
    return deletions.find(accountId);
  }

  /**
   * Deletes the account, or starts its deletion. The disclaimer must be accepted and the password
   * right (one Argon2 check, {@link #REAUTHENTICATIONS} tries per account a window); a deletion the
   * account has already is answered as it stands; blockers refuse it (409 DELETION_BLOCKED, with
   * every blocker). Two requests at once make one deletion: the store creates one per account, and
   * the loser answers the winner's.
   */
  public Deletion request(Account account, Boolean disclaimerAccepted, String password) {
    Validation validation = new Validation();
    if (!Boolean.TRUE.equals(disclaimerAccepted)) {
      validation.reject(
          "disclaimerAccepted",
          FieldErrorCode.DISCLAIMER_NOT_ACCEPTED,
          "Accept that deleting the account cannot be undone.");
    }
    if (password == null || password.isEmpty()) {
      validation.reject("password", FieldErrorCode.REQUIRED, "Enter your password.");
    }
    validation.throwIfInvalid();
    String accountId = account.accountId();
    rateLimiter.acquire("reauthenticate:" + accountId, REAUTHENTICATIONS, REAUTHENTICATION_WINDOW);
    if (account.passwordHash() == null || !passwords.matches(password, account.passwordHash())) {
      throw Problem.of(
          ErrorCode.REAUTHENTICATION_FAILED,
          "Wrong password",
          "The password is not right; deleting the account needs it.");
    }
    Optional<Deletion> existing = deletions.find(accountId);
    if (existing.isPresent()) {
      return existing.get();
    }
    Instant now = clock.instant();
    AccountLedger accountLedger = ledger.load(accountId);
    DeletionCheck check = DeletionCheck.of(accountLedger, now);
    if (!check.deletable()) {
      throw Problem.of(
              ErrorCode.DELETION_BLOCKED,
              "Deletion blocked",
              "The account still has subscriptions, resources or charges to settle first.")
          .with("blockers", check.view());
    }
    String deletionId = Ids.next(PREFIX);
    if (accountLedger.postpaidUsedSince(billingPeriodStart(now))) {
      Deletion pending =
          create(
              Deletion.pendingFinalCharges(
                  deletionId, accountId, now, now.plus(FINAL_CHARGES_WINDOW)));
      announceRequested(pending, deletionId);
      return pending;
    }
    startWorkflow(accountId, deletionId);
    Deletion created = create(Deletion.deletedAt(deletionId, accountId, now));
    if (created.deletionId().equals(deletionId)) {
      announceRequested(created, deletionId);
      markAccountDeleted(accountId);
      telemetry.count(DELETED);
    }
    return created;
  }

  /**
   * Tells the platform that the account is being deleted (its other services stop selling to it),
   * once: only the request whose deletion was written announces it.
   */
  private void announceRequested(Deletion stored, String requestedId) {
    if (!stored.deletionId().equals(requestedId)) {
      return;
    }
    events.publish(
        new DomainEvent(
            stored.deletionId() + ":AccountDeletionRequested",
            "AccountDeletionRequested",
            stored.accountId(),
            clock.instant(),
            Map.of("deletionId", stored.deletionId(), "status", stored.status().name())));
  }

  /**
   * The ledger recorded a charge: a deletion waiting for its final charges starts collecting them
   * now rather than at {@code finalChargesBy} ({@link FinalChargesTrigger}, which the ledger's
   * record path is given as its listener).
   */
  public void finalChargesIssued(String accountId) {
    new FinalChargesTrigger(deletions, workflows, telemetry).chargesIssued(accountId);
  }

  /**
   * Collects the outstanding charges of a pending deletion from the account's verified card, and
   * deletes the account once nothing is owed. A declined charge, or no verified card to charge,
   * makes it PENDING_PAYMENT: the owner is told by email and the charge is tried again on {@link
   * #RETRY_SCHEDULE}. Answers the deletion's status afterwards (empty: the account has none).
   *
   * @throws com.platform.accounts.core.card.ProcessorUnavailableException the processor did not
   *     answer: nothing recorded, try again (the same keys never charge twice)
   */
  public Optional<DeletionStatus> collectFinalCharges(String accountId) {
    Deletion read = deletions.find(accountId).orElse(null);
    if (read == null) {
      return Optional.empty();
    }
    if (!read.pending()) {
      return Optional.of(read.status());
    }
    List<LedgerCharge> outstanding = ledger.load(accountId).outstandingCharges();
    if (!outstanding.isEmpty()) {
      Optional<StoredCard> card = verifiedCard(accountId);
      if (card.isEmpty()) {
        return Optional.of(paymentFailed(read, outstanding, CollectionFailure.NO_CARD));
      }
      for (LedgerCharge charge : outstanding) {
        try {
          cards
              .get()
              .chargeMerchantInitiated(
                  card.get().processorToken(), charge.amount(), chargeKey(read, charge));
        } catch (CardDeclinedException e) {
          return Optional.of(paymentFailed(read, outstanding, CollectionFailure.DECLINED));
        }
        ledger.record(
            new LedgerEvent(
                "final-charge-paid:" + read.deletionId() + ":" + charge.chargeId(),
                accountId,
                LedgerEventType.CHARGE_PAID,
                charge.chargeId(),
                null,
                null,
                null,
                charge.amount(),
                clock.instant()));
      }
      if (!ledger.load(accountId).outstandingCharges().isEmpty()) {
        // a charge issued while these were collected: the next collection takes it
        return Optional.of(read.status());
      }
    }
    Deletion done = change(accountId, d -> d.pending() ? d.deleted(clock.instant()) : d);
    markAccountDeleted(accountId);
    if (done.status() == DeletionStatus.DELETED && read.pending()) {
      telemetry.count(DELETED);
    }
    return Optional.of(done.status());
  }

  /**
   * The after-work of a DELETED account, each step safe to repeat: a pending card verification's
   * charges released, every card detached at the processor and its number and the account's card
   * slot freed, a PayPal agreement deleted at PayPal and a pending link cancelled, the goodbye
   * email sent while the address is still known, {@code AccountDeleted} published, then the
   * tombstone (personal data erased, the email free for a new sign-up) and the ledger's totals kept
   * with the deletion. Does nothing for a deletion not yet DELETED or already erased.
   *
   * @throws com.platform.accounts.core.problem.Problem PROCESSOR_UNAVAILABLE while the processor
   *     cannot release or detach (try again)
   * @throws com.platform.accounts.core.paypal.PayPalUnavailableException while PayPal cannot delete
   *     the agreement (try again)
   */
  public void erase(String accountId) {
    Deletion deletion = deletions.find(accountId).orElse(null);
    if (deletion == null || deletion.pending() || deletion.erased()) {
      return;
    }
    markAccountDeleted(accountId);
    for (PaymentMethod pm : paymentMethods.list(accountId)) {
      if (pm.type() == PaymentMethod.PaymentMethodType.CARD) {
        eraseCard(pm);
      } else {
        erasePayPal(pm);
      }
    }
    Account account = accounts.find(accountId).orElse(null);
    if (account != null && account.passwordHash() != null) {
      sayGoodbye(deletion, account);
      events.publish(
          new DomainEvent(
              deletion.deletionId() + ":AccountDeleted",
              "AccountDeleted",
              accountId,
              clock.instant(),
              Map.of("deletionId", deletion.deletionId())));
      OptimisticRetry.run(
          () -> {
            Account current = accounts.find(accountId).orElseThrow();
            if (current.passwordHash() == null) {
              return;
            }
            accounts.updateErasing(
                current.erased(), current.email() == null ? null : EmailClaim.key(current.email()));
          });
    }
    AccountLedger totals = ledger.load(accountId);
    change(accountId, d -> d.erased() ? d : d.erased(totals.totalCharged(), totals.totalPaid()));
  }

  /**
   * The finish-deletions job's work on a deletion that fell due: the final charges collected once
   * {@code finalChargesBy} or {@code nextAttemptAt} has come, then, once DELETED, the erasure. Safe
   * twice at once (see the class): one completion, no charge twice.
   */
  public void finishDue(DueItem item) {
    Deletion deletion = deletions.find(item.ownerId()).orElse(null);
    if (deletion == null || !deletion.deletionId().equals(item.itemId())) {
      return;
    }
    Instant now = clock.instant();
    Optional<Instant> due = deletion.dueAt();
    if (deletion.pending() && due.isPresent() && !now.isBefore(due.get())) {
      collectFinalCharges(item.ownerId());
    }
    erase(item.ownerId());
  }

  /**
   * The idempotency key of a final charge's collection: the deletion, the charge and the attempt.
   * Every retry of one attempt (the processor down, a lost answer, two collections at once) uses
   * the same key and is never charged twice; only a decline moves to the next attempt, and a
   * processor keeps a declined answer under its key (Stripe does), so the next attempt needs a key
   * of its own.
   */
  static String chargeKey(Deletion deletion, LedgerCharge charge) {
    return deletion.deletionId() + ":" + charge.chargeId() + ":" + deletion.paymentAttempts();
  }

  /** The first instant of the billing period (the calendar month, UTC) that {@code now} is in. */
  static Instant billingPeriodStart(Instant now) {
    return YearMonth.from(now.atZone(ZoneOffset.UTC))
        .atDay(1)
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant();
  }

  /** When a collection that failed for the {@code attempts}th time is tried again. */
  static Duration retryDelay(int attempts) {
    return RETRY_SCHEDULE.get(Math.min(attempts, RETRY_SCHEDULE.size()) - 1);
  }

  private void startWorkflow(String accountId, String deletionId) {
    try {
      workflows.startAccountDeletion(accountId, deletionId);
    } catch (WorkflowUnavailableException e) {
      telemetry.count(WORKFLOW_UNAVAILABLE);
      throw Problem.unavailable("The account could not be deleted just now; try again shortly.", 5);
    }
  }

  /** Creates the deletion, or answers the one a concurrent request created first. */
  private Deletion create(Deletion deletion) {
    try {
      deletions.create(deletion);
    } catch (ConcurrentModificationException lost) {
      return deletions.find(deletion.accountId()).orElseThrow(() -> lost);
    }
    return deletions.find(deletion.accountId()).orElseThrow();
  }

  /** Status DELETED and every session ended, once. */
  private void markAccountDeleted(String accountId) {
    OptimisticRetry.run(
        () -> {
          Account current = accounts.find(accountId).orElse(null);
          if (current == null || current.status() == AccountStatus.DELETED) {
            return;
          }
          accounts.update(current.deleted(), Optional.empty());
        });
  }

  /**
   * PENDING_PAYMENT with the next attempt on the schedule, and the owner told, only by the one
   * collection that moved the deletion on from what it read (a concurrent one that lost changes
   * nothing).
   */
  private DeletionStatus paymentFailed(
      Deletion read, List<LedgerCharge> outstanding, CollectionFailure reason) {
    LOG.warn(
        "{}: deletion {} ({}); tried again after attempt {}",
        FINAL_CHARGE_FAILED,
        read.deletionId(),
        reason.logged,
        read.paymentAttempts() + 1);
    telemetry.count(FINAL_CHARGE_FAILED);
    Instant next = clock.instant().plus(retryDelay(read.paymentAttempts() + 1));
    try {
      deletions.update(read.paymentFailed(next));
    } catch (ConcurrentModificationException lost) {
      return deletions.find(read.accountId()).map(Deletion::status).orElse(read.status());
    }
    Money total = AccountLedger.total(outstanding);
    accounts
        .find(read.accountId())
        .filter(Account::emailVerified)
        .filter(a -> a.email() != null)
        .ifPresent(
            account ->
                messages.send(
                    MessageTemplates.render(
                        "deletion-payment-failed",
                        Channel.EMAIL,
                        account.email(),
                        Map.of(
                            "amount",
                            total.toString(),
                            "reason",
                            reason.forOwner,
                            "nextAttemptAt",
                            next.toString()),
                        null)));
    return DeletionStatus.PENDING_PAYMENT;
  }

  private Optional<StoredCard> verifiedCard(String accountId) {
    return paymentMethods.list(accountId).stream()
        .filter(pm -> pm.type() == PaymentMethod.PaymentMethodType.CARD)
        .filter(pm -> pm.status() == PaymentMethodStatus.VERIFIED)
        .filter(pm -> pm.card() != null)
        .map(PaymentMethod::card)
        .findFirst();
  }

  /**
   * Releases a pending verification's charges, detaches the card at the processor, and removes it
   * with the name on it erased (which frees its number and the account's card slot).
   */
  private void eraseCard(PaymentMethod pm) {
    if (pm.check() != null && !pm.check().released()) {
      release.get().release(pm.accountId(), pm.paymentMethodId());
    }
    if (pm.card() == null) {
      return;
    }
    cards.get().detach(pm.card().processorToken());
    changeMethod(
        pm,
        p ->
            p.status() == PaymentMethodStatus.REMOVED && p.card().holderName() == null
                ? p
                : withoutHolderName(p.withStatus(PaymentMethodStatus.REMOVED)));
  }

  /**
   * Deletes an agreement at PayPal, cancels a pending link, frees the PayPal slot, and erases the
   * payer's email.
   */
  private void erasePayPal(PaymentMethod pm) {
    if (pm.status() == PaymentMethodStatus.ACTIVE && pm.paypal().paymentTokenId() != null) {
      paypal.get().deletePaymentToken(pm.paypal().paymentTokenId());
    }
    changeMethod(
        pm,
        p -> {
          PaymentMethod out = p;
          if (out.status() == PaymentMethodStatus.PENDING_APPROVAL) {
            out =
                out.withStatus(PaymentMethodStatus.CANCELLED).withPayPal(out.paypal().cancelled());
          } else if (out.status() == PaymentMethodStatus.ACTIVE) {
            out = out.withStatus(PaymentMethodStatus.REMOVED);
          }
          return out.paypal().payerEmail() == null
              ? out
              : out.withPayPal(withoutPayer(out.paypal()));
        });
  }

  private static PayPalLink withoutPayer(PayPalLink l) {
    return new PayPalLink(
        l.setupTokenId(),
        l.stateHash(),
        l.approvalExpiresAt(),
        l.returnUrl(),
        l.cancelUrl(),
        l.returnedAt(),
        l.paymentTokenId(),
        null,
        l.failureCode(),
        l.notifiedAt());
  }

  private static PaymentMethod withoutHolderName(PaymentMethod pm) {
    StoredCard c = pm.card();
    return new PaymentMethod(
        pm.paymentMethodId(),
        pm.accountId(),
        pm.type(),
        pm.status(),
        new StoredCard(
            c.processorToken(),
            c.brand(),
            c.last4(),
            c.expMonth(),
            c.expYear(),
            c.issuingCountry(),
            c.funding(),
            c.fingerprintHash(),
            null,
            c.billingCurrency(),
            c.tokenHash()),
        pm.check(),
        pm.paypal(),
        pm.createdAt(),
        pm.version());
  }

  private void changeMethod(PaymentMethod read, UnaryOperator<PaymentMethod> edit) {
    OptimisticRetry.run(
        () -> {
          PaymentMethod current =
              paymentMethods.find(read.accountId(), read.paymentMethodId()).orElseThrow();
          PaymentMethod changed = edit.apply(current);
          if (!changed.equals(current)) {
            paymentMethods.update(changed);
          }
        });
  }

  /**
   * The goodbye email to the address the owner proved, before it is erased; once, even when two
   * erasures run at once: the first to count it sends it.
   */
  private void sayGoodbye(Deletion deletion, Account account) {
    if (!account.emailVerified() || account.email() == null) {
      return;
    }
    if (!rateLimiter.tryCount(
        "deletion-goodbye:" + deletion.deletionId(), 1, clock.instant().plus(GOODBYE_MARK))) {
      return;
    }
    messages.send(
        MessageTemplates.render(
            "deletion-goodbye", Channel.EMAIL, account.email(), Map.of(), null));
  }

  /** Applies a change with optimistic locking; answers the deletion as stored afterwards. */
  private Deletion change(String accountId, UnaryOperator<Deletion> edit) {
    return OptimisticRetry.run(
        () -> {
          Deletion current = deletions.find(accountId).orElseThrow();
          Deletion changed = edit.apply(current);
          if (changed.equals(current)) {
            return current;
          }
          deletions.update(changed);
          return deletions.find(accountId).orElseThrow();
        });
  }
}
