package com.platform.accounts.core.card;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.AccountConfiguration;
import com.platform.accounts.core.crypto.Hmac;
import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.port.CardProcessor;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.port.PaymentMethodStore;
import com.platform.accounts.core.port.Telemetry;
import com.platform.accounts.core.port.Workflows;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Adding a card: once it is eligible, a $1.00 authorization hold and a microcharge under $1.00
 * whose statement descriptor carries a 6-digit code, then the verification workflow. However the
 * processor fails, no charge stays standing: what was placed is released at once or left due for
 * the expire-holds job.
 */
public final class ChargePlacement {
  /**
   * Charges are due for release 23 hours after they were placed: the expire-holds job runs every 15
   * minutes, so they are released within 24 hours even when no workflow does it.
   */
  public static final Duration RELEASE_DUE_AFTER = Duration.ofHours(23);

  /** Counted when the workflow did not start: the card stays verifiable without it. */
  public static final String WORKFLOW_NOT_STARTED = "CardWorkflowNotStarted";

  /**
   * Counted when placing failed in a way that is neither a decline nor an outage (a processor
   * answer not understood); the request is answered as an outage.
   */
  public static final String PLACEMENT_FAILED = "CardPlacementFailed";

  static final long MAX_MICROCHARGE_CENTS = 99;

  private final PaymentMethodStore store;
  private final CardRecords records;
  private final CardEligibility eligibility;
  private final CardProcessor processor;
  private final ChargeSecretHashes hashes;
  private final ChargeRelease release;
  private final Workflows workflows;
  private final ToleratedFailures failures;
  private final Clock clock;
  private final String merchantName;

  public ChargePlacement(
      PaymentMethodStore store,
      CardEligibility eligibility,
      CardProcessor processor,
      Hmac hmac,
      ChargeRelease release,
      Workflows workflows,
      Telemetry telemetry,
      Clock clock,
      String merchantName) {
    this.store = store;
    this.records = new CardRecords(store);
    this.eligibility = eligibility;
    this.processor = processor;
    this.hashes = new ChargeSecretHashes(hmac);
    this.release = release;
    this.workflows = workflows;
    this.failures = new ToleratedFailures(ChargePlacement.class, telemetry);
    this.clock = clock;
    this.merchantName = merchantName;
  }

  /**
   * Checks that both contacts are proven and the card is eligible, places the hold and the
   * microcharge, and starts the verification workflow. Refusals place no charge and leave nothing
   * behind.
   */
  public PaymentMethod add(Account account, String cardToken) {
    AccountConfiguration.requireBothContactsProven(account);
    StoredCard card = eligibility.check(account, cardToken);
    Instant now = clock.instant();
    ChargeSecrets secrets =
        ChargeSecrets.random(
            Math.max(1, processor.minimumCharge().minorUnits()), MAX_MICROCHARGE_CENTS);
    String id = Ids.next(CardVerification.PREFIX);
    OwnershipCheck check =
        new OwnershipCheck(
            null,
            null,
            hashes.code(id, secrets.code()),
            hashes.microcharge(id, secrets.microcharge()),
            0,
            now,
            now.plus(RELEASE_DUE_AFTER),
            null,
            now.plus(CardVerification.OPEN_FOR));
    PaymentMethod pending =
        new PaymentMethod(
            id,
            account.accountId(),
            PaymentMethod.PaymentMethodType.CARD,
            PaymentMethodStatus.PENDING_VERIFICATION,
            card,
            check,
            now,
            0);
    try {
      store.create(pending);
    } catch (CardAlreadyRegisteredException e) {
      throw e.sameAccount()
          ? CardProblems.accountAlreadyHasCard()
          : CardProblems.cardAlreadyRegistered();
    } catch (AccountAlreadyHasCardException e) {
      throw CardProblems.accountAlreadyHasCard();
    } catch (CardTokenUsedException e) {
      // the same token added by a simultaneous request, which won
      throw CardProblems.tokenUsed();
    } catch (ConcurrentModificationException e) {
      // the same card or this account's slot is being registered by a simultaneous request
      throw Problem.of(
          ErrorCode.CONFLICT, "Busy", "This card is being added by another request; try again.");
    }
    PaymentMethod placed;
    try {
      placed = placeCharges(account.accountId(), id, secrets);
    } catch (Problem refused) {
      if (refused.code() == ErrorCode.PROCESSOR_UNAVAILABLE) {
        abandon(account.accountId(), id);
        throw CardProblems.chargesNotPlaced();
      }
      throw refused;
    } catch (RuntimeException unexpected) {
      // a processor answer we do not understand: nothing may stay standing because of it
      failures.record(PLACEMENT_FAILED, id, unexpected, "answered as an outage");
      abandon(account.accountId(), id);
      throw CardProblems.chargesNotPlaced();
    }
    try {
      workflows.startCardVerification(account.accountId(), id);
    } catch (RuntimeException workflowUnavailable) {
      failures.record(
          WORKFLOW_NOT_STARTED,
          id,
          workflowUnavailable,
          "the expire-holds job releases the charges and ends the check after 7 days");
    }
    return placed;
  }

  /**
   * The processor failed mid-placement. The card keeps its slot until its charges are known to be
   * released, so a retry cannot stand a second hold beside the first; it is due for release at
   * once, and is released now if the processor answers, else by the expire-holds job.
   */
  private void abandon(String accountId, String paymentMethodId) {
    Instant now = clock.instant();
    records.change(accountId, paymentMethodId, p -> p.withCheck(p.check().releaseDueBy(now)));
    release
        .releaseOrLeaveDue(accountId, paymentMethodId)
        .filter(released -> released.check().released())
        .ifPresent(
            released ->
                records.change(
                    accountId, paymentMethodId, p -> p.withStatus(PaymentMethodStatus.REMOVED)));
  }

  /**
   * Places the hold, then the microcharge, each under an idempotency key of its own, so that the
   * adapter's retries never place a second one. Each id is recorded as soon as it is known; a
   * charge recorded on a card released meanwhile (removed while this ran) is released at once. A
   * decline ends the card with no charge left standing.
   */
  private PaymentMethod placeCharges(
      String accountId, String paymentMethodId, ChargeSecrets secrets) {
    PaymentMethod pm = records.load(accountId, paymentMethodId);
    try {
      String holdId =
          processor.authorizeHold(
              pm.card().processorToken(),
              CardVerification.HOLD,
              "INTL*" + merchantName,
              holdKey(paymentMethodId));
      pm = record(accountId, paymentMethodId, p -> p.withCheck(p.check().withHold(holdId)));
      String chargeId =
          processor.charge(
              pm.card().processorToken(),
              secrets.microcharge(),
              "INTL" + secrets.code() + "*" + merchantName,
              microchargeKey(paymentMethodId));
      return record(
          accountId, paymentMethodId, p -> p.withCheck(p.check().withMicrocharge(chargeId)));
    } catch (CardDeclinedException declined) {
      release.release(accountId, paymentMethodId);
      records.change(accountId, paymentMethodId, p -> p.withStatus(PaymentMethodStatus.REMOVED));
      throw CardProblems.refusal(ErrorCode.CARD_DECLINED, "The card was declined by its issuer.");
    } catch (ProcessorUnavailableException unavailable) {
      throw CardProblems.processorUnavailable();
    }
  }

  /** Records a charge id; if the card's charges were released meanwhile, releases again. */
  private PaymentMethod record(
      String accountId, String paymentMethodId, UnaryOperator<PaymentMethod> edit) {
    PaymentMethod recorded = records.change(accountId, paymentMethodId, edit);
    if (recorded.check().released()) {
      release.voidAndRefund(recorded);
    }
    return recorded;
  }

  /**
   * Task: the workflow's first step. The API placed the charges before it started the workflow, so
   * this only confirms them; a card whose placement is incomplete is released and fails.
   */
  public String confirmPlacement(String accountId, String paymentMethodId) {
    PaymentMethod pm = records.load(accountId, paymentMethodId);
    if (pm.status() == PaymentMethodStatus.PENDING_VERIFICATION
        && !pm.check().placementComplete()) {
      pm = release.release(accountId, paymentMethodId);
    }
    return pm.status().name();
  }

  /** The idempotency key of a card's hold: how a hold whose answer was lost is found again. */
  static String holdKey(String paymentMethodId) {
    return paymentMethodId + ":hold";
  }

  /** The idempotency key of a card's microcharge. */
  static String microchargeKey(String paymentMethodId) {
    return paymentMethodId + ":microcharge";
  }
}
