package com.platform.accounts.core.paypal;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.AccountConfiguration;
import com.platform.accounts.core.card.CardVerification;
import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.card.PaymentMethodStatus;
import com.platform.accounts.core.crypto.Hmac;
import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.due.DueItem;
import com.platform.accounts.core.event.DomainEvent;
import com.platform.accounts.core.messaging.MessageTemplates;
import com.platform.accounts.core.port.AccountStore;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.port.DomainEventPublisher;
import com.platform.accounts.core.port.MessageSender;
import com.platform.accounts.core.port.OptimisticRetry;
import com.platform.accounts.core.port.PayPalGateway;
import com.platform.accounts.core.port.PaymentMethodStore;
import com.platform.accounts.core.port.Telemetry;
import com.platform.accounts.core.port.Workflows;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.verification.Channel;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linking PayPal (Vault v3): a setup token the payer approves at PayPal, then, once PayPal sends
 * the browser back, the payment token that is the billing agreement. Nothing waits for the payer:
 * the attempt is a due item that the sweep gives up after {@link PayPalLink#APPROVAL_WINDOW}.
 *
 * <p>The return carries a {@code state}: 256 random bits given to PayPal inside the return URL,
 * kept only as a keyed HMAC, which finds the attempt (a reference to it) and works once. PayPal's
 * {@code token} must be the attempt's own setup token, so a return made for another attempt or
 * another account is refused.
 */
public final class PayPalLinking {
  /** Counted when the return could not reach PayPal: the workflow completes the link later. */
  public static final String COMPLETION_DEFERRED = "PayPalCompletionDeferred";

  /** Counted when a link could not start because PayPal failed to make the setup token. */
  public static final String PAYPAL_UNAVAILABLE = "PayPalUnavailable";

  /** Counted when PayPal refused to make the payment token of an approved setup token. */
  public static final String COMPLETION_REFUSED = "PayPalCompletionRefused";

  static final String STATE_REFERENCE = "PAYPAL_STATE#";
  static final String TOKEN_REFERENCE = "PAYPAL_TOKEN#";

  private static final Logger LOG = LoggerFactory.getLogger(PayPalLinking.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int STATE_BYTES = 32;
  private static final int STATE_LENGTH = 43;
  private static final int MAX_TOKEN_LENGTH = 64;

  private final PaymentMethodStore store;
  private final AccountStore accounts;
  private final PayPalGateway gateway;
  private final Hmac hmac;
  private final Workflows workflows;
  private final MessageSender messages;
  private final DomainEventPublisher events;
  private final Telemetry telemetry;
  private final Clock clock;
  private final FrontendOrigins frontend;

  public PayPalLinking(
      PaymentMethodStore store,
      AccountStore accounts,
      PayPalGateway gateway,
      Hmac hmac,
      Workflows workflows,
      MessageSender messages,
      DomainEventPublisher events,
      Telemetry telemetry,
      Clock clock,
      FrontendOrigins frontend) {
    this.store = store;
    this.accounts = accounts;
    this.gateway = gateway;
    this.hmac = hmac;
    this.workflows = workflows;
    this.messages = messages;
    this.events = events;
    this.telemetry = telemetry;
    this.clock = clock;
    this.frontend = frontend;
  }

  /** The reference that finds a PayPal method from its payment token (webhooks). */
  static String tokenReference(Hmac hmac, String paymentTokenId) {
    return TOKEN_REFERENCE + hmac.digest("paypal-payment-token", paymentTokenId);
  }

  /**
   * Starts a link: checks the contacts and both frontend URLs, asks PayPal for a setup token whose
   * approval comes back to {@code serviceReturnUrl}, and records the attempt. A pending attempt of
   * the account is cancelled (the person started again); an active link is refused.
   *
   * @param serviceReturnUrl this service's {@code GET /v1/paypal/return}, as the browser reaches it
   */
  public LinkStarted start(
      Account account, String returnUrl, String cancelUrl, String serviceReturnUrl) {
    AccountConfiguration.requireBothContactsProven(account);
    Validation validation = new Validation();
    frontend.check(validation, "returnUrl", returnUrl);
    frontend.check(validation, "cancelUrl", cancelUrl);
    validation.throwIfInvalid();
    for (PaymentMethod existing : store.list(account.accountId())) {
      if (existing.type() != PaymentMethod.PaymentMethodType.PAYPAL) {
        continue;
      }
      if (existing.status() == PaymentMethodStatus.ACTIVE) {
        throw Problem.of(
            ErrorCode.PAYPAL_ALREADY_LINKED,
            "PayPal already linked",
            "This account has a PayPal billing agreement already; remove it to link another.");
      }
      if (existing.status() == PaymentMethodStatus.PENDING_APPROVAL) {
        cancelPending(existing);
      }
    }
    Instant now = clock.instant();
    String id = Ids.next(CardVerification.PREFIX);
    String state = newState();
    String stateHash = stateHash(state);
    String back = serviceReturnUrl + "?state=" + state;
    SetupToken setup;
    try {
      setup = gateway.createSetupToken(back, back + "&cancelled=true", id + "-setup");
    } catch (PayPalUnavailableException | PayPalRefusedException e) {
      deferred(PAYPAL_UNAVAILABLE, id, e);
      throw unavailable();
    }
    Instant expiresAt = now.plus(PayPalLink.APPROVAL_WINDOW);
    store.putReference(STATE_REFERENCE + stateHash, account.accountId(), id, expiresAt);
    PaymentMethod pending =
        PaymentMethod.payPal(
            id,
            account.accountId(),
            PaymentMethodStatus.PENDING_APPROVAL,
            PayPalLink.started(setup.id(), stateHash, expiresAt, returnUrl, cancelUrl),
            now);
    try {
      store.create(pending);
    } catch (PayPalAlreadyLinkedException | ConcurrentModificationException e) {
      // another link attempt of the account was recorded in between
      throw Problem.of(ErrorCode.CONFLICT, "Busy", "Another PayPal link is being started.");
    }
    return new LinkStarted(pending, setup.approvalUrl());
  }

  /**
   * The browser back from PayPal. The state must be known, unused and unexpired, and {@code token}
   * the attempt's own setup token; else INVALID_STATE and nothing changes. A cancel ends the
   * attempt. An approval starts the workflow, uses the state, and completes the link at once when
   * PayPal answers (the workflow completes it otherwise).
   */
  public ReturnOutcome handleReturn(String token, String state, boolean cancelled) {
    PaymentMethod pm = attempt(token, state);
    String stateHash = pm.paypal().stateHash();
    if (cancelled) {
      PaymentMethod ended =
          use(
              pm,
              stateHash,
              p -> p.withStatus(PaymentMethodStatus.CANCELLED).withPayPal(p.paypal().cancelled()));
      return new ReturnOutcome(
          ended.paymentMethodId(), ended.status(), null, ended.paypal().cancelUrl());
    }
    workflows.startPayPalLinking(pm.accountId(), pm.paymentMethodId());
    Instant now = clock.instant();
    use(pm, stateHash, p -> p.withPayPal(p.paypal().returned(now)));
    PaymentMethod done;
    try {
      complete(pm.accountId(), pm.paymentMethodId());
    } catch (PayPalUnavailableException e) {
      // the workflow and then the sweep complete it with the same request id
      deferred(COMPLETION_DEFERRED, pm.paymentMethodId(), e);
    }
    done = load(pm.accountId(), pm.paymentMethodId()).orElse(pm);
    return new ReturnOutcome(
        done.paymentMethodId(),
        done.status(),
        done.paypal().failureCode(),
        done.paypal().returnUrl());
  }

  /**
   * Makes and records the payment token of a returned link (the workflow's step, the return's fast
   * path and the sweep's, all safe at once: PayPal answers the same request id with the same
   * token). An unverified payer's token is deleted at PayPal and the link FAILED. Answers the
   * method's status afterwards.
   *
   * @throws NotReturnedException the payer has not come back (yet)
   * @throws PayPalUnavailableException PayPal did not answer; try again later
   */
  public PaymentMethodStatus complete(String accountId, String paymentMethodId) {
    PaymentMethod pm = load(accountId, paymentMethodId).orElse(null);
    if (pm == null || pm.type() != PaymentMethod.PaymentMethodType.PAYPAL) {
      return PaymentMethodStatus.REMOVED;
    }
    if (pm.status() != PaymentMethodStatus.PENDING_APPROVAL) {
      return pm.status();
    }
    if (pm.paypal().returnedAt() == null) {
      throw new NotReturnedException();
    }
    PaymentToken token;
    try {
      token = gateway.createPaymentToken(pm.paypal().setupTokenId(), paymentMethodId + "-token");
    } catch (PayPalRefusedException e) {
      deferred(COMPLETION_REFUSED, paymentMethodId, e);
      return change(pm, p -> failed(p, PayPalFailure.PAYPAL_LINK_FAILED)).status();
    }
    if (!token.payerVerified()) {
      gateway.deletePaymentToken(token.id());
      return change(pm, p -> failed(p, PayPalFailure.PAYPAL_ACCOUNT_UNVERIFIED)).status();
    }
    store.putReference(tokenReference(hmac, token.id()), accountId, paymentMethodId, null);
    PaymentMethod after =
        change(
            pm,
            p ->
                p.status() == PaymentMethodStatus.PENDING_APPROVAL
                    ? p.withStatus(PaymentMethodStatus.ACTIVE)
                        .withPayPal(p.paypal().withPaymentToken(token.id(), token.payerEmail()))
                    : p);
    if (after.status() != PaymentMethodStatus.ACTIVE
        || !token.id().equals(after.paypal().paymentTokenId())) {
      // removed or cancelled while PayPal made the token: no agreement may outlive its method
      gateway.deletePaymentToken(token.id());
    }
    return after.status();
  }

  /**
   * Tells the owner how the link ended (once: a retry after the mark sends nothing) and publishes
   * an active link to the platform.
   */
  public void notifyOwner(String accountId, String paymentMethodId) {
    PaymentMethod pm = load(accountId, paymentMethodId).orElse(null);
    if (pm == null
        || pm.type() != PaymentMethod.PaymentMethodType.PAYPAL
        || pm.paypal().notifiedAt() != null) {
      return;
    }
    if (pm.status() == PaymentMethodStatus.ACTIVE) {
      events.publish(
          new DomainEvent(
              paymentMethodId + ":PaymentMethodVerified",
              "PaymentMethodVerified",
              accountId,
              clock.instant(),
              Map.of("paymentMethodId", paymentMethodId, "type", "PAYPAL")));
      email(pm, "paypal-linked");
    } else if (pm.status() == PaymentMethodStatus.FAILED
        && PayPalFailure.PAYPAL_ACCOUNT_UNVERIFIED.name().equals(pm.paypal().failureCode())) {
      // the one failure the owner can fix at PayPal; the others were answered on the return
      email(pm, "paypal-link-failed");
    } else {
      return;
    }
    Instant now = clock.instant();
    change(pm, p -> p.withPayPal(p.paypal().notified(now)));
  }

  /**
   * The sweep's work on a PayPal link: an attempt nobody came back to within the approval window
   * fails; a returned one whose completion never finished is completed now (PayPal down: thrown,
   * and the sweep tries again later).
   */
  public void finishDue(DueItem item) {
    PaymentMethod pm = load(item.ownerId(), item.itemId()).orElse(null);
    if (pm == null
        || pm.type() != PaymentMethod.PaymentMethodType.PAYPAL
        || pm.status() != PaymentMethodStatus.PENDING_APPROVAL) {
      return;
    }
    if (pm.paypal().returnedAt() == null) {
      if (clock.instant().isBefore(pm.paypal().approvalExpiresAt())) {
        return;
      }
      change(
          pm,
          p ->
              p.status() == PaymentMethodStatus.PENDING_APPROVAL && p.paypal().returnedAt() == null
                  ? failed(p, PayPalFailure.PAYPAL_APPROVAL_EXPIRED)
                  : p);
      return;
    }
    complete(pm.accountId(), pm.paymentMethodId());
    notifyOwner(pm.accountId(), pm.paymentMethodId());
  }

  /**
   * Logs and counts a PayPal failure the link survives: the method's id and the failure's kind (and
   * PayPal's issue), never its message or a token.
   */
  private void deferred(String metric, String paymentMethodId, RuntimeException failure) {
    LOG.warn(
        "{}: payment method {} ({})",
        metric,
        paymentMethodId,
        failure instanceof PayPalRefusedException refused
            ? refused.status() + " " + refused.issue()
            : failure.getClass().getSimpleName());
    telemetry.count(metric);
  }

  /** The attempt a return is for, or INVALID_STATE. */
  private PaymentMethod attempt(String token, String state) {
    if (state == null
        || state.length() != STATE_LENGTH
        || !Ids.wellFormed(state)
        || token == null
        || token.isEmpty()
        || token.length() > MAX_TOKEN_LENGTH
        || !Ids.wellFormed(token)) {
      throw invalidState();
    }
    String stateHash = stateHash(state);
    return store
        .findReference(STATE_REFERENCE + stateHash, clock.instant())
        .flatMap(ref -> load(ref.accountId(), ref.paymentMethodId()))
        .filter(pm -> pm.type() == PaymentMethod.PaymentMethodType.PAYPAL)
        .filter(pm -> pm.status() == PaymentMethodStatus.PENDING_APPROVAL)
        .filter(pm -> hmac.matches(pm.paypal().stateHash(), "paypal-state", state))
        .filter(pm -> clock.instant().isBefore(pm.paypal().approvalExpiresAt()))
        .filter(pm -> token.equals(pm.paypal().setupTokenId()))
        .orElseThrow(PayPalLinking::invalidState);
  }

  /**
   * Uses the state: applies the change only if the stored attempt still holds this state unused; a
   * return that lost the race to another is refused as replayed.
   */
  private PaymentMethod use(
      PaymentMethod read, String stateHash, UnaryOperator<PaymentMethod> edit) {
    try {
      return OptimisticRetry.run(
          () -> {
            PaymentMethod current =
                load(read.accountId(), read.paymentMethodId())
                    .filter(p -> p.status() == PaymentMethodStatus.PENDING_APPROVAL)
                    .filter(p -> stateHash.equals(p.paypal().stateHash()))
                    .orElseThrow(PayPalLinking::invalidState);
            store.update(edit.apply(current));
            return load(read.accountId(), read.paymentMethodId()).orElseThrow();
          });
    } catch (ConcurrentModificationException exhausted) {
      throw Problem.of(ErrorCode.CONFLICT, "Busy", "Try again.");
    }
  }

  private void cancelPending(PaymentMethod pending) {
    change(
        pending,
        p ->
            p.status() == PaymentMethodStatus.PENDING_APPROVAL
                ? p.withStatus(PaymentMethodStatus.CANCELLED).withPayPal(p.paypal().cancelled())
                : p);
  }

  private static PaymentMethod failed(PaymentMethod pm, PayPalFailure code) {
    return pm.status() == PaymentMethodStatus.PENDING_APPROVAL
        ? pm.withStatus(PaymentMethodStatus.FAILED).withPayPal(pm.paypal().failed(code.name()))
        : pm;
  }

  /** Applies a change under optimistic locking; answers the method as stored afterwards. */
  private PaymentMethod change(PaymentMethod read, UnaryOperator<PaymentMethod> edit) {
    return OptimisticRetry.run(
        () -> {
          PaymentMethod current = load(read.accountId(), read.paymentMethodId()).orElseThrow();
          PaymentMethod changed = edit.apply(current);
          if (changed.equals(current)) {
            return current;
          }
          store.update(changed);
          return load(read.accountId(), read.paymentMethodId()).orElseThrow();
        });
  }

  private Optional<PaymentMethod> load(String accountId, String paymentMethodId) {
    return store.find(accountId, paymentMethodId);
  }

  /** To the owner's email, only if the owner proved it. */
  private void email(PaymentMethod pm, String template) {
    accounts
        .find(pm.accountId())
        .filter(Account::emailVerified)
        .filter(a -> a.email() != null)
        .ifPresent(
            account ->
                messages.send(
                    MessageTemplates.render(
                        template,
                        Channel.EMAIL,
                        account.email(),
                        Map.of(
                            "payerEmail",
                            pm.paypal().payerEmail() == null ? "" : pm.paypal().payerEmail()),
                        null)));
  }

  private String stateHash(String state) {
    return hmac.digest("paypal-state", state);
  }

  private static String newState() {
    byte[] bytes = new byte[STATE_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The frontend page with the outcome added to its query, before any fragment. */
  public static String redirect(ReturnOutcome outcome) {
    StringBuilder query = new StringBuilder();
    query.append("paymentMethodId=").append(encode(outcome.paymentMethodId()));
    query.append("&status=").append(outcome.status().name());
    if (outcome.code() != null) {
      query.append("&code=").append(encode(outcome.code()));
    }
    String page = outcome.page();
    int hash = page.indexOf('#');
    String base = hash < 0 ? page : page.substring(0, hash);
    String fragment = hash < 0 ? "" : page.substring(hash);
    return base + (base.contains("?") ? "&" : "?") + query + fragment;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static Problem invalidState() {
    return Problem.of(
        ErrorCode.INVALID_STATE,
        "Invalid state",
        "This PayPal return is unknown, used already or expired; link PayPal again.");
  }

  private static Problem unavailable() {
    return Problem.unavailable("PayPal did not answer; try again shortly.", 30);
  }
}
