package com.platform.accounts.core.card;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.crypto.Hmac;
import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.crypto.TokenSealer;
import com.platform.accounts.core.event.DomainEvent;
import com.platform.accounts.core.messaging.MessageTemplates;
import com.platform.accounts.core.money.Money;
import com.platform.accounts.core.port.AccountStore;
import com.platform.accounts.core.port.CardProcessor;
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
import com.platform.accounts.core.verification.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A card and the proof that its holder owns it: eligibility in the order of API.md, a $1.00
 * authorization hold plus a microcharge whose descriptor carries a 6-digit code, the owner's answer
 * (code, USD amount or local amounts; 5 tries), and the release of both charges within 24 hours
 * whatever happens.
 */
public final class CardVerification {
  public static final String PREFIX = "pm";
  public static final Money HOLD = Money.usd("1.00");
  /**
   * Charges are due for release 23 hours after they were placed: the expire-holds job runs every 15
   * minutes, so they are released within 24 hours even when no workflow does it.
   */
  public static final Duration RELEASE_DUE_AFTER = Duration.ofHours(23);
  /** How long a processor may take to list a charge whose answer was lost. */
  static final Duration LOOKUP_SETTLES = Duration.ofMinutes(10);
  static final long MAX_MICROCHARGE_CENTS = 99;
  public static final Duration OPEN_FOR = Duration.ofDays(7);
  static final String MAINLAND_CHINA = "CN";
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{3,255}");

  private final PaymentMethodStore store;
  private final AccountStore accounts;
  private final CardProcessor processor;
  private final Hmac hmac;
  private final TokenSealer sealer;
  private final Workflows workflows;
  private final MessageSender sender;
  private final DomainEventPublisher events;
  private final Clock clock;
  private final String merchantName;

  public CardVerification(PaymentMethodStore store, AccountStore accounts,
      CardProcessor processor, Hmac hmac,
      TokenSealer sealer, Workflows workflows, MessageSender sender, DomainEventPublisher events,
      Clock clock, String merchantName) {
    this.store = store;
    this.accounts = accounts;
    this.processor = processor;
    this.hmac = hmac;
    this.sealer = sealer;
    this.workflows = workflows;
    this.sender = sender;
    this.events = events;
    this.clock = clock;
    this.merchantName = merchantName;
  }

  // adding a card ------------------------------------------------------------------------------

  /**
   * Checks the card, places the hold and the microcharge, and starts the verification workflow.
   * Refusals place no charge and leave nothing behind.
   */
  public PaymentMethod add(Account account, String cardToken) {
    if (cardToken == null || !TOKEN.matcher(cardToken).matches()) {
      throw tokenProblem(
          cardToken == null ? FieldErrorCode.REQUIRED : FieldErrorCode.UNKNOWN_CARD_TOKEN);
    }
    CardDetails card;
    try {
      card = processor.describe(cardToken);
    } catch (UnknownCardTokenException e) {
      throw tokenProblem(FieldErrorCode.UNKNOWN_CARD_TOKEN);
    } catch (ProcessorUnavailableException e) {
      throw processorUnavailable();
    }
    String fingerprintHash = hmac.digest("card-fingerprint", card.fingerprint());
    checkEligibility(account, card, fingerprintHash);

    Instant now = clock.instant();
    ChargeSecrets secrets = ChargeSecrets.random(
        Math.max(1, processor.minimumCharge().minorUnits()), MAX_MICROCHARGE_CENTS);
    String id = Ids.next(PREFIX);
    OwnershipCheck check = new OwnershipCheck(null, null,
        codeHash(id, secrets.code()), amountHash(id, secrets.microcharge()), 0, now,
        now.plus(RELEASE_DUE_AFTER), null, now.plus(OPEN_FOR), null);
    PaymentMethod pending = new PaymentMethod(id, account.accountId(),
        PaymentMethod.PaymentMethodType.CARD, PaymentMethodStatus.PENDING_VERIFICATION,
        new StoredCard(cardToken, card.brand(), card.last4(), card.expMonth(), card.expYear(),
            card.issuingCountry(), card.funding(), fingerprintHash), check, now, 0);
    try {
      store.create(pending);
    } catch (CardAlreadyRegisteredException e) {
      throw e.sameAccount() ? accountAlreadyHasCard() : cardAlreadyRegistered();
    } catch (AccountAlreadyHasCardException e) {
      throw accountAlreadyHasCard();
    } catch (ConcurrentModificationException e) {
      // the same card or this account's slot is being registered by a simultaneous request
      throw Problem.of(ErrorCode.CONFLICT, "Busy",
          "This card is being added by another request; try again.");
    }
    PaymentMethod placed;
    try {
      placed = placeCharges(account.accountId(), id, secrets);
    } catch (Problem refused) {
      if (refused.code() == ErrorCode.PROCESSOR_UNAVAILABLE) {
        abandon(account.accountId(), id);
      }
      throw refused;
    } catch (RuntimeException unexpected) {
      // a processor answer we do not understand: nothing may stay standing because of it
      abandon(account.accountId(), id);
      throw processorUnavailable();
    }
    try {
      workflows.startCardVerification(account.accountId(), id);
    } catch (RuntimeException workflowUnavailable) {
      // the card stays verifiable; the expire-holds job releases its charges and, after 7 days,
      // fails it if no answer came, so no workflow is needed for the money to be safe
    }
    return placed;
  }

  /**
   * The processor failed mid-placement. The card keeps its slot until its charges are known to be
   * released, so a retry cannot stand a second hold beside the first; it is due for release at once,
   * and is released now if the processor answers, else by the expire-holds job.
   */
  private void abandon(String accountId, String paymentMethodId) {
    Instant now = clock.instant();
    change(accountId, paymentMethodId, p -> p.withCheck(p.check().releaseDueBy(now)));
    try {
      PaymentMethod released = release(accountId, paymentMethodId);
      if (released.check().released()) {
        change(accountId, paymentMethodId, p -> p.withStatus(PaymentMethodStatus.REMOVED));
      }
    } catch (RuntimeException stillUnavailable) {
      // left due: the expire-holds job releases it at its next run
    }
  }

  private void checkEligibility(Account account, CardDetails card, String fingerprintHash) {
    if (MAINLAND_CHINA.equals(card.issuingCountry())) {
      throw refusal(ErrorCode.CARD_ISSUED_IN_MAINLAND_CHINA,
          "Cards issued in Mainland China cannot be used.");
    }
    if (!card.funding().accepted()) {
      throw refusal(ErrorCode.CARD_FUNDING_NOT_ACCEPTED,
          "Prepaid, virtual and gift cards cannot be used; use a credit or debit card.");
    }
    Optional<String> owner = store.fingerprintOwner(fingerprintHash);
    if (owner.isPresent() && !owner.get().equals(account.accountId())) {
      throw cardAlreadyRegistered();
    }
    if (owner.isPresent() || store.list(account.accountId()).stream()
        .anyMatch(PaymentMethod::holdsCardSlot)) {
      throw accountAlreadyHasCard();
    }
    if (!account.country().equals(card.issuingCountry())) {
      throw refusal(ErrorCode.CARD_COUNTRY_MISMATCH,
          "The card must be issued in the account's country.");
    }
    if (YearMonth.of(card.expYear(), card.expMonth())
        .isBefore(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)))) {
      throw refusal(ErrorCode.CARD_EXPIRED, "The card has expired.");
    }
  }

  /**
   * Places the hold, then the microcharge, each under an idempotency key of its own, so that the
   * adapter's retries never place a second one. Each id is recorded as soon as it is known; a charge
   * recorded on a card released meanwhile (removed while this ran) is released at once. A decline
   * ends the card with no charge left standing.
   */
  private PaymentMethod placeCharges(String accountId, String paymentMethodId,
      ChargeSecrets secrets) {
    PaymentMethod pm = load(accountId, paymentMethodId);
    try {
      String holdId = processor.authorizeHold(pm.card().processorToken(), HOLD,
          "INTL*" + merchantName, holdKey(paymentMethodId));
      pm = record(accountId, paymentMethodId, p -> p.withCheck(p.check().withHold(holdId)));
      String chargeId = processor.charge(pm.card().processorToken(), secrets.microcharge(),
          descriptor(secrets.code()), microchargeKey(paymentMethodId));
      return record(accountId, paymentMethodId,
          p -> p.withCheck(p.check().withMicrocharge(chargeId)));
    } catch (CardDeclinedException declined) {
      release(accountId, paymentMethodId);
      change(accountId, paymentMethodId, p -> p.withStatus(PaymentMethodStatus.REMOVED));
      throw refusal(ErrorCode.CARD_DECLINED, "The card was declined by its issuer.");
    } catch (ProcessorUnavailableException unavailable) {
      throw processorUnavailable();
    }
  }

  /** Records a charge id; if the card's charges were released meanwhile, releases again. */
  private PaymentMethod record(String accountId, String paymentMethodId,
      UnaryOperator<PaymentMethod> edit) {
    PaymentMethod recorded = change(accountId, paymentMethodId, edit);
    if (recorded.check().released()) {
      voidAndRefund(recorded);
    }
    return recorded;
  }

  /**
   * Task: the workflow's first step. The API placed the charges before it started the workflow, so
   * this only confirms them; a card whose placement is incomplete is released and fails.
   */
  public String confirmPlacement(String accountId, String paymentMethodId) {
    PaymentMethod pm = load(accountId, paymentMethodId);
    if (pm.status() == PaymentMethodStatus.PENDING_VERIFICATION
        && !pm.check().placementComplete()) {
      pm = release(accountId, paymentMethodId);
    }
    return pm.status().name();
  }

  // the owner's answer --------------------------------------------------------------------------

  public PaymentMethod verify(Account account, String paymentMethodId, OwnershipProof proof) {
    requireWellFormed(paymentMethodId);
    try {
      // another answer or the workflow wrote in between: judge this answer again
      return OptimisticRetry.run(() -> {
        PaymentMethod pm = store.find(account.accountId(), paymentMethodId)
            .filter(p -> p.type() == PaymentMethod.PaymentMethodType.CARD
                && p.status() != PaymentMethodStatus.REMOVED)
            .orElseThrow(() -> Problem.notFound("The payment method"));
        rejectClosed(pm);
        boolean right = matches(pm, proof);
        if (right) {
          store.update(pm.withStatus(PaymentMethodStatus.VERIFIED));
          events.publish(new DomainEvent(paymentMethodId + ":PaymentMethodVerified",
              "PaymentMethodVerified", account.accountId(), clock.instant(),
              Map.of("paymentMethodId", paymentMethodId, "type", "CARD")));
          sender.send(MessageTemplates.render("card-verified", Channel.EMAIL, account.email(),
              cardValues(pm), null));
          finish(account.accountId(), paymentMethodId, PaymentMethodStatus.VERIFIED);
          return load(account.accountId(), paymentMethodId);
        }
        PaymentMethod failed = pm.withCheck(pm.check().withFailedAttempt());
        boolean locked = failed.check().attemptsRemaining() == 0;
        store.update(locked ? failed.withStatus(PaymentMethodStatus.FAILED) : failed);
        if (locked) {
          sender.send(MessageTemplates.render("card-verification-failed", Channel.EMAIL,
              account.email(), cardValues(pm), null));
          finish(account.accountId(), paymentMethodId, PaymentMethodStatus.FAILED);
          throw locked();
        }
        throw Problem.of(ErrorCode.VERIFICATION_FAILED, "Verification failed",
            "That does not match the charge on the card.")
            .with("attemptsRemaining", failed.check().attemptsRemaining());
      });
    } catch (ConcurrentModificationException exhausted) {
      throw Problem.of(ErrorCode.CONFLICT, "Busy", "Try again.");
    }
  }

  private void rejectClosed(PaymentMethod pm) {
    switch (pm.status()) {
      case VERIFIED -> throw Problem.of(ErrorCode.ALREADY_VERIFIED, "Already verified",
          "This card is verified already.");
      case FAILED -> throw pm.check().attemptsRemaining() == 0 ? locked()
          : Problem.of(ErrorCode.VERIFICATION_EXPIRED, "Verification expired",
              "The 7 days to verify this card have passed; add it again.");
      default -> {
        if (!clock.instant().isBefore(pm.check().expiresAt())) {
          throw Problem.of(ErrorCode.VERIFICATION_EXPIRED, "Verification expired",
              "The 7 days to verify this card have passed; add it again.");
        }
      }
    }
  }

  private boolean matches(PaymentMethod pm, OwnershipProof proof) {
    String id = pm.paymentMethodId();
    OwnershipCheck check = pm.check();
    if (proof instanceof OwnershipProof.DescriptorCode code) {
      return hmac.matches(check.descriptorCodeHash(), "descriptor-code", id, code.code());
    }
    Money usd = proof instanceof OwnershipProof.UsdAmount amount ? amount.amount()
        : ((OwnershipProof.LocalAmounts) proof).usdMicrocharge();
    return hmac.matches(check.microchargeHash(), "microcharge", id,
        Long.toString(usd.minorUnits()));
  }

  /**
   * The answer is committed: release the charges now if the processor answers (else the workflow
   * and the job do), and resume the waiting workflow with the outcome.
   */
  private void finish(String accountId, String paymentMethodId, PaymentMethodStatus outcome) {
    try {
      release(accountId, paymentMethodId);
    } catch (RuntimeException processorDown) {
      // the answer stands; the charges stay due and are released by the workflow or the job
    }
    PaymentMethod pm = load(accountId, paymentMethodId);
    if (pm.check().sealedTaskToken() != null) {
      workflows.resume(sealer.unseal(pm.check().sealedTaskToken()),
          new WorkflowOutcome.CardOutcome(outcome));
    }
  }

  // releasing -----------------------------------------------------------------------------------

  /**
   * Voids the hold and refunds the microcharge, once. A charge whose answer was lost is looked up by
   * its idempotency key, never placed again; "not found" is trusted only once the processor has had
   * time to list it, until then the card stays due. A card left without both charges can never be
   * proven and fails.
   */
  public PaymentMethod release(String accountId, String paymentMethodId) {
    PaymentMethod pm = load(accountId, paymentMethodId);
    if (pm.check().released()) {
      return pm;
    }
    boolean incomplete = !pm.check().placementComplete();
    try {
      if (pm.check().holdId() == null) {
        Optional<String> lost = processor.findCharge(holdKey(paymentMethodId));
        if (lost.isPresent()) {
          pm = change(accountId, paymentMethodId, p -> p.withCheck(p.check().withHold(lost.get())));
        }
      }
      if (pm.check().microchargeId() == null) {
        Optional<String> lost = processor.findCharge(microchargeKey(paymentMethodId));
        if (lost.isPresent()) {
          pm = change(accountId, paymentMethodId,
              p -> p.withCheck(p.check().withMicrocharge(lost.get())));
        }
      }
      voidAndRefund(pm);
    } catch (ProcessorUnavailableException e) {
      throw processorUnavailable();
    }
    Instant now = clock.instant();
    if (!pm.check().placementComplete() && now.isBefore(pm.check().placedAt().plus(LOOKUP_SETTLES))) {
      return pm;
    }
    boolean fail = incomplete && pm.status() == PaymentMethodStatus.PENDING_VERIFICATION;
    return change(accountId, paymentMethodId, p -> {
      PaymentMethod out = p.withCheck(p.check().releasedAt(now));
      return fail && out.status() == PaymentMethodStatus.PENDING_VERIFICATION
          ? out.withStatus(PaymentMethodStatus.FAILED) : out;
    });
  }

  private void voidAndRefund(PaymentMethod pm) {
    if (pm.check().holdId() != null) {
      processor.voidHold(pm.check().holdId(), pm.paymentMethodId() + ":void");
    }
    if (pm.check().microchargeId() != null) {
      processor.refund(pm.check().microchargeId(), pm.paymentMethodId() + ":refund");
    }
  }

  /**
   * The expire-holds job: releases the charges that are due, and fails the cards whose 7 days ended
   * without an answer (their workflow may have been lost). Returns how many cards it finished.
   */
  public int releaseDue(int limit) {
    int released = 0;
    for (PaymentMethod pm : store.due(clock.instant(), limit)) {
      try {
        if (!pm.check().released()) {
          release(pm.accountId(), pm.paymentMethodId());
        } else {
          expire(pm.accountId(), pm.paymentMethodId());
        }
        released++;
      } catch (RuntimeException e) {
        // one card the processor cannot release now must not hold up the others: the next run
        // finds it again, since it stays due until released
      }
    }
    return released;
  }

  // workflow tasks ------------------------------------------------------------------------------

  /** Task: tells the owner what to look for on the statement (never the code itself). */
  public void notifyChargesPlaced(String accountId, String paymentMethodId) {
    PaymentMethod pm = load(accountId, paymentMethodId);
    if (pm.status() != PaymentMethodStatus.PENDING_VERIFICATION) {
      return;
    }
    email(accountId, "card-charges-placed", pm);
  }

  private void email(String accountId, String template, PaymentMethod pm) {
    accounts.find(accountId).ifPresent(account -> sender.send(MessageTemplates.render(template,
        Channel.EMAIL, account.email(), cardValues(pm), null)));
  }

  /** Task: the workflow waits for the owner; resumes at once when the answer came first. */
  public void awaitOwner(String accountId, String paymentMethodId, String taskToken) {
    // an answer that came in between makes it look again
    OptimisticRetry.run(() -> {
      PaymentMethod pm = load(accountId, paymentMethodId);
      if (pm.status() != PaymentMethodStatus.PENDING_VERIFICATION) {
        workflows.resume(taskToken, new WorkflowOutcome.CardOutcome(pm.status()));
        return;
      }
      store.update(pm.withCheck(pm.check().withSealedTaskToken(sealer.seal(taskToken))));
    });
  }

  /** Task: seven days passed; a card still pending fails. Answers the final status. */
  public String expire(String accountId, String paymentMethodId) {
    PaymentMethod before = release(accountId, paymentMethodId);
    PaymentMethod pm = change(accountId, paymentMethodId,
        p -> p.status() == PaymentMethodStatus.PENDING_VERIFICATION
            ? p.withStatus(PaymentMethodStatus.FAILED) : p);
    if (before.status() == PaymentMethodStatus.PENDING_VERIFICATION
        && pm.status() == PaymentMethodStatus.FAILED) {
      email(accountId, "card-verification-failed", pm);
    }
    return pm.status().name();
  }

  public String status(String accountId, String paymentMethodId) {
    return load(accountId, paymentMethodId).status().name();
  }

  // listing and removal -------------------------------------------------------------------------

  /** The account's payment methods a person would expect to see (removed ones are gone). */
  public List<PaymentMethod> list(String accountId) {
    return store.list(accountId).stream()
        .filter(PaymentMethod::isListed).toList();
  }

  /** Removes a payment method; its card number becomes free for other accounts. */
  public void remove(Account account, String paymentMethodId) {
    requireWellFormed(paymentMethodId);
    PaymentMethod pm = store.find(account.accountId(), paymentMethodId)
        .filter(p -> p.status() != PaymentMethodStatus.REMOVED)
        .orElseThrow(() -> Problem.notFound("The payment method"));
    if (pm.check() != null && !pm.check().released()) {
      release(account.accountId(), paymentMethodId);
    }
    change(account.accountId(), paymentMethodId,
        p -> p.withStatus(PaymentMethodStatus.REMOVED));
    if (pm.check() != null && pm.check().sealedTaskToken() != null
        && pm.status() == PaymentMethodStatus.PENDING_VERIFICATION) {
      workflows.resume(sealer.unseal(pm.check().sealedTaskToken()),
          new WorkflowOutcome.CardOutcome(PaymentMethodStatus.REMOVED));
    }
  }

  // helpers -------------------------------------------------------------------------------------

  private static void requireWellFormed(String paymentMethodId) {
    if (!Ids.looksLike(PREFIX, paymentMethodId)) {
      throw Problem.notFound("The payment method");
    }
  }

  private PaymentMethod load(String accountId, String paymentMethodId) {
    return store.find(accountId, paymentMethodId)
        .orElseThrow(() -> Problem.notFound("The payment method"));
  }

  /** Applies a change with optimistic locking, re-reading on a lost race. */
  private PaymentMethod change(String accountId, String paymentMethodId,
      UnaryOperator<PaymentMethod> edit) {
    // when someone else wrote, the change applies to what they wrote
    return OptimisticRetry.run(() -> {
      PaymentMethod current = load(accountId, paymentMethodId);
      PaymentMethod changed = edit.apply(current);
      if (changed.equals(current)) {
        return current;
      }
      store.update(changed);
      return load(accountId, paymentMethodId);
    });
  }

  private static String holdKey(String paymentMethodId) {
    return paymentMethodId + ":hold";
  }

  private static String microchargeKey(String paymentMethodId) {
    return paymentMethodId + ":microcharge";
  }

  private String descriptor(String code) {
    return "INTL" + code + "*" + merchantName;
  }

  private String codeHash(String paymentMethodId, String code) {
    return hmac.digest("descriptor-code", paymentMethodId, code);
  }

  private String amountHash(String paymentMethodId, Money microcharge) {
    return hmac.digest("microcharge", paymentMethodId, Long.toString(microcharge.minorUnits()));
  }

  private Map<String, String> cardValues(PaymentMethod pm) {
    return Map.of("brand", pm.card().brand(), "last4", pm.card().last4(),
        "merchant", merchantName, "hold", HOLD.plain(),
        "days", Long.toString(OPEN_FOR.toDays()));
  }

  private static Problem refusal(ErrorCode code, String detail) {
    return Problem.of(code, "Card refused", detail);
  }

  private static Problem cardAlreadyRegistered() {
    return refusal(ErrorCode.CARD_ALREADY_REGISTERED,
        "This card is registered to another account.");
  }

  private static Problem accountAlreadyHasCard() {
    return refusal(ErrorCode.ACCOUNT_ALREADY_HAS_CARD,
        "This account has a card already; remove it to add another.");
  }

  private static Problem locked() {
    return Problem.of(ErrorCode.VERIFICATION_LOCKED, "Verification locked",
        "Five answers were wrong; the card is refused and its charges released.");
  }

  private static Problem tokenProblem(FieldErrorCode code) {
    return Problem.validation(List.of(new FieldError("token", code,
        "Send the token the processor's card form returned.")));
  }

  private static Problem processorUnavailable() {
    return Problem.of(ErrorCode.PROCESSOR_UNAVAILABLE, "Card processor unavailable",
        "The card processor did not answer; retry with the same Idempotency-Key.");
  }
}
