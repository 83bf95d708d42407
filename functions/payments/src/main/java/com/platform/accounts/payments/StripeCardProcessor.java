package com.platform.accounts.payments;

import com.platform.accounts.core.card.CardDeclinedException;
import com.platform.accounts.core.card.CardDetails;
import com.platform.accounts.core.card.Funding;
import com.platform.accounts.core.card.ProcessorUnavailableException;
import com.platform.accounts.core.card.UnknownCardTokenException;
import com.platform.accounts.core.crypto.Sha256;
import com.platform.accounts.core.money.Money;
import com.platform.accounts.core.port.CardProcessor;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.StripeError;
import com.stripe.model.StripeSearchResult;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PaymentMethodCreateParams;
import com.stripe.param.RefundCreateParams;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@link CardProcessor} port on Stripe's API (PaymentMethods, PaymentIntents, Refunds).
 *
 * <p>One {@link StripeClient} per instance, built once: it holds the secret key (never the static
 * {@code Stripe.apiKey}), the connect and read timeouts, and {@value #MAX_NETWORK_RETRIES} network
 * retries. stripe-java retries connection failures, timeouts, 409 and 5xx answers itself, and it
 * resends the very same request, so the caller's {@code Idempotency-Key} header goes with every
 * attempt: Stripe then performs the operation at most once and replays its first answer.
 *
 * <p>Nothing this class throws or keeps names the secret key, card data, tokens or idempotency
 * keys; a Stripe exception is never chained as a cause, because its message can echo them (an
 * idempotency error quotes the key, an authentication error a part of the API key, a missing object
 * its id). Messages carry the operation, the HTTP status, Stripe's error type and code and its
 * request id.
 */
public final class StripeCardProcessor implements CardProcessor {

  /** Retries after the first attempt, each with the same idempotency key. */
  static final int MAX_NETWORK_RETRIES = 2;

  /** Prefix of the idempotency keys this adapter derives itself (Stripe allows 255 characters). */
  private static final String OWN_KEY_PREFIX = "card-verification:";

  /** Metadata key holding the idempotency key a PaymentIntent was created with. */
  static final String REFERENCE = "reference";

  /** Statement descriptor characters Stripe refuses, besides non-Latin ones. */
  private static final Pattern DESCRIPTOR_CHARS = Pattern.compile("[\\x20-\\x7E&&[^<>\\\\'\"*]]+");

  private static final Pattern HAS_LETTER = Pattern.compile(".*[A-Z].*");

  /**
   * The longest suffix Stripe could accept: the complete descriptor is at most 22 characters, made
   * of the account's prefix (at least 2), {@code "* "} and the suffix.
   */
  static final int MAX_SUFFIX_LENGTH = 22 - 2 - 2;

  private static final Set<String> HOLD_PLACED = Set.of("requires_capture");
  // A card payment normally succeeds at once; "processing" means it will, without another step.
  private static final Set<String> CHARGE_PLACED = Set.of("succeeded", "processing");

  private final StripeClient stripe;

  /**
   * @param secretKey the account's secret (or restricted) API key
   * @param apiBase where the API is, e.g. a test double; {@code null} for Stripe itself
   * @param timeout connect timeout and read timeout of each attempt
   */
  public StripeCardProcessor(String secretKey, URI apiBase, Duration timeout) {
    if (secretKey == null || secretKey.isBlank()) {
      throw new IllegalArgumentException("the Stripe secret key is missing");
    }
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    StripeClient.StripeClientBuilder builder =
        StripeClient.builder()
            .setApiKey(secretKey)
            .setMaxNetworkRetries(MAX_NETWORK_RETRIES)
            .setConnectTimeout(millis)
            .setReadTimeout(millis);
    if (apiBase != null) {
      String base = apiBase.toString();
      builder.setApiBase(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }
    this.stripe = builder.build();
  }

  // ---------------------------------------------------------------------------------------------
  // describe

  @Override
  public CardDetails describe(String cardToken) {
    requireToken(cardToken);
    PaymentMethod paymentMethod = call("describe", () -> paymentMethod(cardToken), true);
    PaymentMethod.Card card = paymentMethod.getCard();
    if (card == null) {
      // a PaymentMethod of another type (a bank account, a wallet...) is no card token
      throw new UnknownCardTokenException();
    }
    String country = card.getCountry() == null ? null : card.getCountry().toUpperCase(Locale.ROOT);
    return new CardDetails(
        card.getBrand() == null ? "UNKNOWN" : card.getBrand().toUpperCase(Locale.ROOT),
        card.getLast4(),
        card.getExpMonth() == null ? 0 : Math.toIntExact(card.getExpMonth()),
        card.getExpYear() == null ? 0 : Math.toIntExact(card.getExpYear()),
        country,
        funding(card.getFunding()),
        card.getFingerprint(),
        holderName(paymentMethod.getBillingDetails()),
        // Stripe does not tell a card's billing currency: the issuing country's is the best guess
        CardDetails.countryCurrency(country));
  }

  /**
   * The name on the card: Stripe.js sets it as the PaymentMethod's {@code billing_details.name}
   * when the card form creates it (and a legacy token's card name becomes it). Null when the form
   * gave none.
   */
  static String holderName(PaymentMethod.BillingDetails billing) {
    if (billing == null || billing.getName() == null || billing.getName().isBlank()) {
      return null;
    }
    return billing.getName().strip();
  }

  /**
   * Stripe reports {@code credit}, {@code debit}, {@code prepaid} or {@code unknown}. It has no
   * "virtual" or "gift" value: virtual and gift cards are prepaid cards to the networks and come
   * back as {@code prepaid}, so {@link Funding#VIRTUAL} and {@link Funding#GIFT} never come from
   * here (and are refused all the same, as PREPAID).
   */
  static Funding funding(String stripeFunding) {
    if (stripeFunding == null) {
      return Funding.UNKNOWN;
    }
    switch (stripeFunding.toLowerCase(Locale.ROOT)) {
      case "credit":
        return Funding.CREDIT;
      case "debit":
        return Funding.DEBIT;
      case "prepaid":
        return Funding.PREPAID;
      default:
        return Funding.UNKNOWN;
    }
  }

  /**
   * The PaymentMethod behind a token. Stripe.js gives a PaymentMethod id ({@code pm_...}), which is
   * retrieved. A legacy card token ({@code tok_...}) is single-use, and describe, the hold and the
   * microcharge all need the card: it is turned into a PaymentMethod with an idempotency key
   * derived from the token, so every later call gets Stripe's replay of the same PaymentMethod (for
   * 24 hours, far longer than a card is being added) instead of failing on the spent token.
   */
  private PaymentMethod paymentMethod(String cardToken) throws StripeException {
    if (cardToken.startsWith("tok_")) {
      PaymentMethodCreateParams params =
          PaymentMethodCreateParams.builder()
              .setType(PaymentMethodCreateParams.Type.CARD)
              .setCard(PaymentMethodCreateParams.Token.builder().setToken(cardToken).build())
              .build();
      return stripe
          .v1()
          .paymentMethods()
          .create(params, idempotent(OWN_KEY_PREFIX + "pm-from-token:" + Sha256.hex(cardToken)));
    }
    return stripe.v1().paymentMethods().retrieve(cardToken);
  }

  // ---------------------------------------------------------------------------------------------
  // hold and microcharge

  @Override
  public String authorizeHold(
      String cardToken, Money amount, String descriptor, String idempotencyKey) {
    return place(
        "authorizeHold",
        cardToken,
        amount,
        descriptor,
        idempotencyKey,
        PaymentIntentCreateParams.CaptureMethod.MANUAL,
        "card-verification-hold",
        HOLD_PLACED);
  }

  @Override
  public String charge(String cardToken, Money amount, String descriptor, String idempotencyKey) {
    return place(
        "charge",
        cardToken,
        amount,
        descriptor,
        idempotencyKey,
        PaymentIntentCreateParams.CaptureMethod.AUTOMATIC,
        "card-verification-microcharge",
        CHARGE_PLACED);
  }

  private String place(
      String operation,
      String cardToken,
      Money amount,
      String descriptor,
      String idempotencyKey,
      PaymentIntentCreateParams.CaptureMethod captureMethod,
      String purpose,
      Set<String> placed) {
    requireToken(cardToken);
    Objects.requireNonNull(amount, "amount");
    requireKey(idempotencyKey);
    String suffix = statementDescriptorSuffix(descriptor);
    PaymentIntent intent =
        call(
            operation,
            () -> {
              Payer payer = payer(cardToken);
              PaymentIntentCreateParams params =
                  PaymentIntentCreateParams.builder()
                      .setAmount(amount.minorUnits())
                      .setCurrency(amount.currency().getCurrencyCode().toLowerCase(Locale.ROOT))
                      .setCustomer(payer.customerId())
                      .setPaymentMethod(payer.paymentMethodId())
                      .addPaymentMethodType("card")
                      .setConfirm(true)
                      .setCaptureMethod(captureMethod)
                      // A card that asks for 3-D Secure cannot be authenticated here: the card
                      // owner is not in
                      // a browser flow with us. Stripe then fails the attempt at once (card_error
                      // authentication_required) instead of leaving the PaymentIntent waiting in
                      // requires_action; either way it counts as declined for now (see outcome()).
                      .setErrorOnRequiresAction(true)
                      .setStatementDescriptorSuffix(suffix)
                      .putMetadata("purpose", purpose)
                      // findCharge looks a charge up by this when its answer was lost
                      .putMetadata(REFERENCE, idempotencyKey)
                      .build();
              return stripe.v1().paymentIntents().create(params, idempotent(idempotencyKey));
            },
            true);
    return outcome(intent, placed);
  }

  /** The PaymentIntent's id when the money moved (or is held), else the decline. */
  private static String outcome(PaymentIntent intent, Set<String> placed) {
    String status = intent.getStatus();
    if (placed.contains(status)) {
      return intent.getId();
    }
    if ("requires_action".equals(status) || "requires_confirmation".equals(status)) {
      // 3-D Secure (or another customer action) would be needed: there is no authentication
      // step in the card verification flow yet, so this is treated as a decline.
      throw new CardDeclinedException("authentication_required");
    }
    if ("requires_payment_method".equals(status)) {
      throw new CardDeclinedException(reason(intent.getLastPaymentError()));
    }
    if ("canceled".equals(status)) {
      throw new CardDeclinedException("canceled");
    }
    throw new ProcessorUnavailableException(
        "Stripe answered with a PaymentIntent in the unexpected status " + status, null);
  }

  private static String reason(StripeError error) {
    if (error == null) {
      return "card_declined";
    }
    return reason(error.getDeclineCode(), error.getCode());
  }

  private static String reason(String declineCode, String code) {
    if (declineCode != null && !declineCode.isBlank()) {
      return declineCode;
    }
    if (code != null && !code.isBlank()) {
      return code;
    }
    return "card_declined";
  }

  /** Who pays: the PaymentMethod and the Customer it is attached to. */
  private record Payer(String paymentMethodId, String customerId) {}

  /**
   * Stripe lets a PaymentMethod that is attached to no Customer be used for one payment only, and
   * the verification makes two (the hold and the microcharge). So the card's PaymentMethod is
   * attached to a Customer of its own before its first payment. Both steps carry idempotency keys
   * derived from the PaymentMethod id, so a retry, or the second payment racing the first, finds
   * the same Customer; a PaymentMethod already attached is used with its Customer as it is.
   * Attaching can itself be declined by the issuer (Stripe may check the card): that is a
   * CardException, mapped like any decline.
   */
  private Payer payer(String cardToken) throws StripeException {
    String paymentMethodId =
        cardToken.startsWith("tok_") ? paymentMethod(cardToken).getId() : cardToken;
    PaymentMethod current = stripe.v1().paymentMethods().retrieve(paymentMethodId);
    if (current.getCustomer() != null) {
      return new Payer(paymentMethodId, current.getCustomer());
    }
    Customer customer =
        stripe
            .v1()
            .customers()
            .create(
                CustomerCreateParams.builder()
                    .setDescription("Card verification")
                    .putMetadata("purpose", "card-verification")
                    .build(),
                idempotent(OWN_KEY_PREFIX + "customer:" + paymentMethodId));
    stripe
        .v1()
        .paymentMethods()
        .attach(
            paymentMethodId,
            PaymentMethodAttachParams.builder().setCustomer(customer.getId()).build(),
            idempotent(OWN_KEY_PREFIX + "attach:" + paymentMethodId));
    return new Payer(paymentMethodId, customer.getId());
  }

  /**
   * Maps the port's descriptor to Stripe's {@code statement_descriptor_suffix}.
   *
   * <p>The port passes {@code <WHAT>*<MERCHANT>}: {@code INTL*ACMECLOUD} for the hold, {@code
   * INTL123456*ACMECLOUD} for the microcharge, whose six digits the card owner reads on the
   * statement. On Stripe a card statement shows {@code <PREFIX>* <SUFFIX>}, at most 22 characters
   * in all: the prefix is the account's shortened descriptor, set once in the Dashboard (2 to 10
   * characters: that is the merchant name, e.g. {@code ACMECLOUD}), and only the suffix can be
   * chosen per payment; it may not contain {@code *}, {@code <>\'"}, and needs a letter. So the
   * part before the {@code *} (what changes per payment, the code included) becomes the suffix and
   * the merchant part is left to the account's prefix: the statement reads {@code ACMECLOUD*
   * INTL123456} (20 characters). {@code INTL} plus the code is 10 characters, which fits next to
   * any prefix of up to 10 characters; nothing is cut, because a cut suffix could lose the code: a
   * descriptor Stripe cannot take fails loudly instead.
   */
  static String statementDescriptorSuffix(String descriptor) {
    if (descriptor == null) {
      throw new IllegalArgumentException("statement descriptor is missing");
    }
    int star = descriptor.indexOf('*');
    String suffix =
        (star >= 0 ? descriptor.substring(0, star) : descriptor).trim().toUpperCase(Locale.ROOT);
    // The messages below do not quote the descriptor: it carries the verification code.
    if (suffix.isEmpty() || suffix.length() > MAX_SUFFIX_LENGTH) {
      throw new IllegalArgumentException(
          "statement descriptor suffix must have 1 to " + MAX_SUFFIX_LENGTH + " characters");
    }
    if (!DESCRIPTOR_CHARS.matcher(suffix).matches() || !HAS_LETTER.matcher(suffix).matches()) {
      throw new IllegalArgumentException(
          "statement descriptor suffix needs a letter and only Latin characters without <>\\'\"*");
    }
    return suffix;
  }

  /** Stripe's smallest USD charge: a microcharge is drawn from 0.50 to 0.99 USD here. */
  @Override
  public Money minimumCharge() {
    return Money.usd("0.50");
  }

  /**
   * Searches the PaymentIntents by the reference each one carries in its metadata. Search is
   * eventually consistent (a new PaymentIntent appears within about a minute), which the caller
   * allows for: it trusts "none" only well after the placement.
   */
  @Override
  public Optional<String> findCharge(String idempotencyKey) {
    requireKey(idempotencyKey);
    if (!idempotencyKey.matches("[A-Za-z0-9_:-]+")) {
      throw new IllegalArgumentException("reference holds characters the search cannot quote");
    }
    StripeSearchResult<PaymentIntent> found =
        call(
            "findCharge",
            () ->
                stripe
                    .v1()
                    .paymentIntents()
                    .search(
                        PaymentIntentSearchParams.builder()
                            .setQuery("metadata['" + REFERENCE + "']:'" + idempotencyKey + "'")
                            .setLimit(1L)
                            .build()),
            false);
    return found.getData().stream().map(PaymentIntent::getId).findFirst();
  }

  // ---------------------------------------------------------------------------------------------
  // merchant-initiated charge and detach

  /**
   * An off-session PaymentIntent, confirmed at once and captured automatically, on the card's
   * PaymentMethod and the Customer it was attached to when the card was verified. It sets no
   * statement descriptor suffix: the statement shows the account's own descriptor (the merchant's
   * name), there being no code to carry. Off session, Stripe never waits for the card owner: a card
   * that asks for 3-D Secure fails at once with {@code authentication_required}, a decline like any
   * other. The PaymentIntent carries the idempotency key as its reference, so {@link #findCharge}
   * finds it when the answer was lost.
   */
  @Override
  public String chargeMerchantInitiated(String cardToken, Money amount, String idempotencyKey) {
    requireToken(cardToken);
    Objects.requireNonNull(amount, "amount");
    requireKey(idempotencyKey);
    PaymentIntent intent =
        call(
            "chargeMerchantInitiated",
            () -> {
              PaymentMethod paymentMethod = attachedPaymentMethod(cardToken);
              if (paymentMethod.getCustomer() == null) {
                // detached (or never attached): Stripe refuses such a PaymentMethod off session
                throw new CardDeclinedException("card_detached");
              }
              PaymentIntentCreateParams params =
                  PaymentIntentCreateParams.builder()
                      .setAmount(amount.minorUnits())
                      .setCurrency(amount.currency().getCurrencyCode().toLowerCase(Locale.ROOT))
                      .setCustomer(paymentMethod.getCustomer())
                      .setPaymentMethod(paymentMethod.getId())
                      .addPaymentMethodType("card")
                      .setOffSession(true)
                      .setConfirm(true)
                      .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.AUTOMATIC)
                      .putMetadata("purpose", "merchant-initiated-charge")
                      .putMetadata(REFERENCE, idempotencyKey)
                      .build();
              return stripe.v1().paymentIntents().create(params, idempotent(idempotencyKey));
            },
            true);
    return outcome(intent, CHARGE_PLACED);
  }

  /**
   * Detaches the card's PaymentMethod from its Customer: Stripe can charge it no more, and it
   * cannot be attached again. Stripe refuses to detach a PaymentMethod attached to no Customer
   * (400, {@code invalid_request_error}); when a fresh look shows it is attached to none, that is
   * the outcome asked for.
   */
  @Override
  public void detach(String cardToken) {
    requireToken(cardToken);
    call(
        "detach",
        () -> {
          String paymentMethodId =
              cardToken.startsWith("tok_") ? paymentMethod(cardToken).getId() : cardToken;
          try {
            stripe.v1().paymentMethods().detach(paymentMethodId);
          } catch (InvalidRequestException e) {
            if ("resource_missing".equals(e.getCode())
                || stripe.v1().paymentMethods().retrieve(paymentMethodId).getCustomer() != null) {
              throw e;
            }
            // detached already: by an earlier call, or from the Dashboard
          }
          return null;
        },
        true);
  }

  /**
   * The PaymentMethod of a stored card as it is now. A legacy token ({@code tok_...}) was turned
   * into a PaymentMethod when the card was verified, with a key derived from the token; that key
   * finds the same PaymentMethod again only while Stripe keeps it (24 hours).
   */
  private PaymentMethod attachedPaymentMethod(String cardToken) throws StripeException {
    String paymentMethodId =
        cardToken.startsWith("tok_") ? paymentMethod(cardToken).getId() : cardToken;
    return stripe.v1().paymentMethods().retrieve(paymentMethodId);
  }

  // ---------------------------------------------------------------------------------------------
  // release

  @Override
  public void voidHold(String holdId, String idempotencyKey) {
    requireId(holdId);
    requireKey(idempotencyKey);
    call(
        "voidHold",
        () -> {
          try {
            stripe
                .v1()
                .paymentIntents()
                .cancel(
                    holdId,
                    PaymentIntentCancelParams.builder()
                        .setCancellationReason(
                            PaymentIntentCancelParams.CancellationReason.ABANDONED)
                        .build(),
                    idempotent(idempotencyKey));
          } catch (InvalidRequestException e) {
            if (!"payment_intent_unexpected_state".equals(e.getCode()) || !canceled(holdId, e)) {
              throw e;
            }
            // released already (by an earlier call, or by Stripe when the authorization expired)
          }
          return null;
        },
        false);
  }

  private boolean canceled(String holdId, InvalidRequestException e) throws StripeException {
    StripeError error = e.getStripeError();
    PaymentIntent intent = error == null ? null : error.getPaymentIntent();
    if (intent == null || intent.getStatus() == null) {
      intent = stripe.v1().paymentIntents().retrieve(holdId);
    }
    return "canceled".equals(intent.getStatus());
  }

  @Override
  public void refund(String chargeId, String idempotencyKey) {
    requireId(chargeId);
    requireKey(idempotencyKey);
    call(
        "refund",
        () -> {
          try {
            stripe
                .v1()
                .refunds()
                .create(
                    RefundCreateParams.builder()
                        .setPaymentIntent(chargeId)
                        .putMetadata("purpose", "card-verification-microcharge")
                        .build(),
                    idempotent(idempotencyKey));
          } catch (InvalidRequestException e) {
            if (!"charge_already_refunded".equals(e.getCode())) {
              throw e;
            }
            // refunded already: by an earlier call with another key, or from the Dashboard
          }
          return null;
        },
        false);
  }

  // ---------------------------------------------------------------------------------------------
  // errors

  @FunctionalInterface
  private interface StripeCall<T> {
    T run() throws StripeException;
  }

  /**
   * Runs a call and maps Stripe's failures onto the port's.
   *
   * @param cardCall whether a missing object means an unknown card token (the token is the only id
   *     the caller gave); otherwise it means a wrong hold or charge id, a bug
   */
  private static <T> T call(String operation, StripeCall<T> call, boolean cardCall) {
    try {
      return call.run();
    } catch (CardException e) {
      throw new CardDeclinedException(reason(e.getDeclineCode(), e.getCode()));
    } catch (RateLimitException e) {
      throw new ProcessorUnavailableException(
          failure(operation, "was rate-limited by Stripe", e), null);
    } catch (ApiConnectionException e) {
      // After stripe-java's retries. The cause is the I/O failure alone (a timeout, a refused
      // connection): the Stripe exception's message names the URL, which can hold an id.
      Throwable io = e.getCause() instanceof IOException ? e.getCause() : null;
      throw new ProcessorUnavailableException(
          "Stripe could not be reached for "
              + operation
              + (io == null ? "" : " (" + io.getClass().getSimpleName() + ")"),
          io);
    } catch (ApiException e) {
      throw new ProcessorUnavailableException(failure(operation, "failed at Stripe", e), null);
    } catch (AuthenticationException e) {
      // 401 or 403 (PermissionException): the configured key is wrong, revoked or lacks rights.
      throw new IllegalStateException(
          failure(
              operation,
              "was refused: check the configured Stripe secret key and its permissions",
              e));
    } catch (IdempotencyException e) {
      throw new IllegalStateException(
          failure(operation, "reused an idempotency key with other parameters", e));
    } catch (InvalidRequestException e) {
      if (cardCall
          && ("resource_missing".equals(e.getCode()) || "token_already_used".equals(e.getCode()))) {
        throw new UnknownCardTokenException();
      }
      throw new IllegalStateException(failure(operation, "was refused by Stripe", e));
    } catch (StripeException e) {
      Integer status = e.getStatusCode();
      if (status != null && (status >= 500 || status == 429)) {
        throw new ProcessorUnavailableException(failure(operation, "failed at Stripe", e), null);
      }
      throw new IllegalStateException(failure(operation, "failed", e));
    }
  }

  /** A message from the safe parts of a Stripe failure only. */
  private static String failure(String operation, String what, StripeException e) {
    StringBuilder message = new StringBuilder(operation).append(' ').append(what);
    message.append(" (HTTP ").append(e.getStatusCode());
    StripeError error = e.getStripeError();
    if (error != null && error.getType() != null) {
      message.append(", type ").append(error.getType());
    }
    if (e.getCode() != null) {
      message.append(", code ").append(e.getCode());
    }
    if (e.getRequestId() != null) {
      message.append(", request ").append(e.getRequestId());
    }
    return message.append(')').toString();
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  private static RequestOptions idempotent(String idempotencyKey) {
    return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
  }

  private static void requireToken(String cardToken) {
    if (cardToken == null || cardToken.isBlank()) {
      throw new UnknownCardTokenException();
    }
  }

  private static void requireId(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("the processor's id is missing");
    }
  }

  private static void requireKey(String idempotencyKey) {
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
      throw new IllegalArgumentException("an idempotency key of 1 to 255 characters is required");
    }
  }
}
