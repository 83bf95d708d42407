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
import com.platform.accounts.core.port.PaymentMethodStore;
import com.platform.accounts.core.port.Workflows;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldError;
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
  public static final Duration RELEASE_WITHIN = Duration.ofHours(24);
  public static final Duration OPEN_FOR = Duration.ofDays(7);
  static final String MAINLAND_CHINA = "CN";
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{3,255}");
  private static final int MAX_RACES = 16;

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
      throw tokenProblem(cardToken == null ? ErrorCode.REQUIRED : ErrorCode.UNKNOWN_CARD_TOKEN);
    }
    CardDetails card;
    try {
      card = processor.describe(cardToken);
    } catch (UnknownCardTokenException e) {
      throw tokenProblem(ErrorCode.UNKNOWN_CARD_TOKEN);
    } catch (ProcessorUnavailableException e) {
      throw processorUnavailable();
    }
    String fingerprintHash = hmac.digest("card-fingerprint", card.fingerprint());
    checkEligibility(account, card, fingerprintHash);

    Instant now = clock.instant();
    ChargeSecrets secrets = ChargeSecrets.random();
    String id = Ids.next(PREFIX);
    OwnershipCheck check = new OwnershipCheck(null, null,
        codeHash(id, secrets.code()), amountHash(id, secrets.microcharge()),
        secrets.seal(sealer), 0, now, now.plus(RELEASE_WITHIN), null, now.plus(OPEN_FOR), null);
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
      throw Problem.of(409, ErrorCode.CONFLICT, "Busy",
          "This card is being added by another request; try again.");
    }
    PaymentMethod placed;
    try {
      placed = placeCharges(account.accountId(), id);
    } catch (Problem unavailable) {
      if (unavailable.status() == 503) {
        abandon(account.accountId(), id);
      }
      throw unavailable;
    }
    workflows.startCardVerification(account.accountId(), id);
    return placed;
  }

  /**
   * The processor failed mid-placement: the card is given up at once (so a retry of the request is
   * not refused as a second card) while its charges stay due for release; they are released now if
   * the processor answers again, else by the expire-holds job.
   */
  private void abandon(String accountId, String paymentMethodId) {
    change(accountId, paymentMethodId, p -> p.withStatus(PaymentMethodStatus.REMOVED));
    try {
      release(accountId, paymentMethodId);
    } catch (RuntimeException stillUnavailable) {
      // left due: the expire-holds job releases it within its 24 hours
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
   * Places whatever of the two charges is not placed yet. Each placement uses an idempotency key of
   * its own, so a replay after a crash or a lost answer returns the charge already placed instead of
   * placing another. A decline ends the card (no charge stays standing); an unreachable processor
   * leaves the card due for release, which the workflow or the expire-holds job finishes.
   */
  public PaymentMethod placeCharges(String accountId, String paymentMethodId) {
    PaymentMethod pm = load(accountId, paymentMethodId);
    OwnershipCheck check = pm.check();
    if (check.placementComplete() || check.released() || check.sealedSecrets() == null) {
      return pm;
    }
    ChargeSecrets secrets = ChargeSecrets.unseal(sealer, check.sealedSecrets());
    try {
      if (check.holdId() == null) {
        String holdId = processor.authorizeHold(pm.card().processorToken(), HOLD,
            "INTL*" + merchantName, paymentMethodId + ":hold");
        pm = change(accountId, paymentMethodId, p -> p.withCheck(p.check().withHold(holdId)));
      }
      if (pm.check().microchargeId() == null) {
        String chargeId = processor.charge(pm.card().processorToken(), secrets.microcharge(),
            descriptor(secrets.code()), paymentMethodId + ":microcharge");
        pm = change(accountId, paymentMethodId,
            p -> p.withCheck(p.check().withMicrocharge(chargeId)));
      }
      return pm;
    } catch (CardDeclinedException declined) {
      // nothing may stay standing: release what was placed and give the card number back
      release(accountId, paymentMethodId);
      change(accountId, paymentMethodId, p -> p.withStatus(PaymentMethodStatus.REMOVED));
      throw refusal(ErrorCode.CARD_DECLINED, "The card was declined by its issuer.");
    } catch (ProcessorUnavailableException unavailable) {
      throw processorUnavailable();
    }
  }

  // the owner's answer --------------------------------------------------------------------------

  public PaymentMethod verify(Account account, String paymentMethodId, OwnershipProof proof) {
    for (int race = 0; race < MAX_RACES; race++) {
      PaymentMethod pm = store.find(account.accountId(), paymentMethodId)
          .filter(p -> p.type() == PaymentMethod.PaymentMethodType.CARD
              && p.status() != PaymentMethodStatus.REMOVED)
          .orElseThrow(() -> Problem.notFound("The payment method"));
      rejectClosed(pm);
      boolean right = matches(pm, proof);
      try {
        if (right) {
          PaymentMethod verified = pm.withStatus(PaymentMethodStatus.VERIFIED);
          store.update(verified);
          finish(account.accountId(), paymentMethodId, "VERIFIED");
          events.publish(new DomainEvent(paymentMethodId + ":PaymentMethodVerified",
              "PaymentMethodVerified", account.accountId(), clock.instant(),
              Map.of("paymentMethodId", paymentMethodId, "type", "CARD")));
          sender.send(MessageTemplates.render("card-verified", Channel.EMAIL, account.email(),
              cardValues(pm), null));
          return load(account.accountId(), paymentMethodId);
        }
        PaymentMethod failed = pm.withCheck(pm.check().withFailedAttempt());
        boolean locked = failed.check().attemptsRemaining() == 0;
        store.update(locked ? failed.withStatus(PaymentMethodStatus.FAILED) : failed);
        if (locked) {
          finish(account.accountId(), paymentMethodId, "FAILED");
          sender.send(MessageTemplates.render("card-verification-failed", Channel.EMAIL,
              account.email(), cardValues(pm), null));
          throw locked();
        }
        throw Problem.of(400, ErrorCode.VERIFICATION_FAILED, "Verification failed",
            "That does not match the charge on the card.")
            .with("attemptsRemaining", failed.check().attemptsRemaining());
      } catch (ConcurrentModificationException lost) {
        // another answer or the workflow wrote in between: judge this answer again
      }
    }
    throw Problem.of(409, ErrorCode.CONFLICT, "Busy", "Try again.");
  }

  private void rejectClosed(PaymentMethod pm) {
    switch (pm.status()) {
      case VERIFIED -> throw Problem.of(409, ErrorCode.ALREADY_VERIFIED, "Already verified",
          "This card is verified already.");
      case FAILED -> throw pm.check().attemptsRemaining() == 0 ? locked()
          : Problem.of(410, ErrorCode.VERIFICATION_EXPIRED, "Verification expired",
              "The 7 days to verify this card have passed; add it again.");
      default -> {
        if (!clock.instant().isBefore(pm.check().expiresAt())) {
          throw Problem.of(410, ErrorCode.VERIFICATION_EXPIRED, "Verification expired",
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

  /** Releases the charges and resumes the waiting workflow with the outcome. */
  private void finish(String accountId, String paymentMethodId, String outcome) {
    PaymentMethod released = release(accountId, paymentMethodId);
    if (released.check().sealedTaskToken() != null) {
      workflows.resume(sealer.unseal(released.check().sealedTaskToken()),
          "{\"status\":\"" + outcome + "\"}");
    }
  }

  // releasing -----------------------------------------------------------------------------------

  /**
   * Voids the hold and refunds the microcharge, once. A placement that was interrupted is first
   * replayed with its idempotency keys, which returns the ids of charges the processor holds without
   * placing new ones; a card left without both charges can never be proven and fails.
   */
  public PaymentMethod release(String accountId, String paymentMethodId) {
    PaymentMethod pm = load(accountId, paymentMethodId);
    if (pm.check().released()) {
      return pm;
    }
    boolean incomplete = !pm.check().placementComplete();
    if (incomplete && pm.check().sealedSecrets() != null) {
      pm = recoverPlacement(pm);
    }
    try {
      if (pm.check().holdId() != null) {
        processor.voidHold(pm.check().holdId(), paymentMethodId + ":void");
      }
      if (pm.check().microchargeId() != null) {
        processor.refund(pm.check().microchargeId(), paymentMethodId + ":refund");
      }
    } catch (ProcessorUnavailableException e) {
      throw processorUnavailable();
    }
    Instant now = clock.instant();
    boolean fail = incomplete && pm.status() == PaymentMethodStatus.PENDING_VERIFICATION;
    return change(accountId, paymentMethodId, p -> {
      PaymentMethod out = p.withCheck(p.check().releasedAt(now));
      return fail && out.status() == PaymentMethodStatus.PENDING_VERIFICATION
          ? out.withStatus(PaymentMethodStatus.FAILED) : out;
    });
  }

  private PaymentMethod recoverPlacement(PaymentMethod pm) {
    ChargeSecrets secrets = ChargeSecrets.unseal(sealer, pm.check().sealedSecrets());
    String id = pm.paymentMethodId();
    try {
      String holdId = pm.check().holdId() != null ? pm.check().holdId()
          : processor.authorizeHold(pm.card().processorToken(), HOLD, "INTL*" + merchantName,
              id + ":hold");
      PaymentMethod withHold = change(pm.accountId(), id,
          p -> p.withCheck(p.check().withHold(holdId)));
      if (withHold.check().microchargeId() != null) {
        return withHold;
      }
      String chargeId = processor.charge(pm.card().processorToken(), secrets.microcharge(),
          descriptor(secrets.code()), id + ":microcharge");
      return change(pm.accountId(), id, p -> p.withCheck(p.check().withMicrocharge(chargeId)));
    } catch (CardDeclinedException declined) {
      return load(pm.accountId(), id);
    }
  }

  /** The expire-holds job: releases every card whose 24 hours are up. Returns how many. */
  public int releaseDue(int limit) {
    int released = 0;
    for (PaymentMethod pm : store.dueForRelease(clock.instant(), limit)) {
      try {
        release(pm.accountId(), pm.paymentMethodId());
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
    for (int race = 0; race < MAX_RACES; race++) {
      PaymentMethod pm = load(accountId, paymentMethodId);
      if (pm.status() != PaymentMethodStatus.PENDING_VERIFICATION) {
        workflows.resume(taskToken, "{\"status\":\"" + pm.status().name() + "\"}");
        return;
      }
      try {
        store.update(pm.withCheck(pm.check().withSealedTaskToken(sealer.seal(taskToken))));
        return;
      } catch (ConcurrentModificationException lost) {
        // an answer came in between: look again
      }
    }
    throw new ConcurrentModificationException("payment method " + paymentMethodId);
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
        .filter(pm -> pm.status() != PaymentMethodStatus.REMOVED).toList();
  }

  /** Removes a payment method; its card number becomes free for other accounts. */
  public void remove(Account account, String paymentMethodId) {
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
      workflows.resume(sealer.unseal(pm.check().sealedTaskToken()), "{\"status\":\"REMOVED\"}");
    }
  }

  // helpers -------------------------------------------------------------------------------------

  private PaymentMethod load(String accountId, String paymentMethodId) {
    return store.find(accountId, paymentMethodId)
        .orElseThrow(() -> Problem.notFound("The payment method"));
  }

  /** Applies a change with optimistic locking, re-reading on a lost race. */
  private PaymentMethod change(String accountId, String paymentMethodId,
      UnaryOperator<PaymentMethod> edit) {
    for (int race = 0; race < MAX_RACES; race++) {
      PaymentMethod current = load(accountId, paymentMethodId);
      PaymentMethod changed = edit.apply(current);
      if (changed.equals(current)) {
        return current;
      }
      try {
        store.update(changed);
        return load(accountId, paymentMethodId);
      } catch (ConcurrentModificationException lost) {
        // someone else wrote: apply the change to what they wrote
      }
    }
    throw new ConcurrentModificationException("payment method " + paymentMethodId);
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

  private static Problem refusal(String code, String detail) {
    return Problem.of(422, code, "Card refused", detail);
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
    return Problem.of(410, ErrorCode.VERIFICATION_LOCKED, "Verification locked",
        "Five answers were wrong; the card is refused and its charges released.");
  }

  private static Problem tokenProblem(String code) {
    return Problem.validation(List.of(new FieldError("token", code,
        "Send the token the processor's card form returned.")));
  }

  private static Problem processorUnavailable() {
    return Problem.of(503, ErrorCode.PROCESSOR_UNAVAILABLE, "Card processor unavailable",
        "The card processor did not answer; retry with the same Idempotency-Key.");
  }
}
