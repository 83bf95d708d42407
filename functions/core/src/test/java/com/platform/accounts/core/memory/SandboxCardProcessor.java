package com.platform.accounts.core.memory;

import com.platform.accounts.core.card.CardDeclinedException;
import com.platform.accounts.core.card.CardDetails;
import com.platform.accounts.core.card.Funding;
import com.platform.accounts.core.card.Luhn;
import com.platform.accounts.core.card.ProcessorUnavailableException;
import com.platform.accounts.core.card.UnknownCardTokenException;
import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.crypto.Sha256;
import com.platform.accounts.core.money.Money;
import com.platform.accounts.core.port.CardProcessor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The card processor of the local runtime and the tests: tokenizes the sandbox test cards of
 * API.md, keeps each card's statement, bills foreign cards in their own currency at a fixed rate,
 * honours idempotency keys, and can be told to fail the next call the way a real processor fails.
 */
public final class SandboxCardProcessor implements CardProcessor {
  /** AUD per USD for the Australian test card. */
  public static final BigDecimal AUD_PER_USD = new BigDecimal("1.35");

  /** A line of a card statement. */
  public record Transaction(
      String id, String description, Money amount, String status, Instant at) {}

  /**
   * How the next call fails: unavailable before doing anything, unavailable after doing it (the
   * answer is lost), or the calling process dying before the call (nothing after it runs).
   */
  public enum Fault {
    UNAVAILABLE_BEFORE,
    LOST_RESPONSE_AFTER,
    CRASH_BEFORE
  }

  /**
   * Stands for the caller's process dying: an Error, so that no recovery code of the caller runs,
   * exactly as after a real crash.
   */
  public static final class SimulatedCrash extends Error {
    SimulatedCrash() {
      super("simulated crash", null, false, false);
    }
  }

  private record TestCard(
      String brand,
      String country,
      Funding funding,
      boolean declines,
      boolean declinesMerchantInitiated) {
    TestCard(String brand, String country, Funding funding, boolean declines) {
      this(brand, country, funding, declines, false);
    }
  }

  private record Card(String number, int expMonth, int expYear, String holderName, TestCard kind) {}

  /** The longest name on a card the sandbox takes, in characters (code points). */
  public static final int MAX_HOLDER_NAME = 100;

  /**
   * A name on a card: 1 to 100 characters, no control character, not only spaces (the local OpenAPI
   * document states the same rule as a pattern).
   */
  private static final Pattern HOLDER_NAME =
      Pattern.compile(
          "(?=.{1,"
              + MAX_HOLDER_NAME
              + "}$)[^\\x00-\\x1F\\x7F-\\x9F]*"
              + "[^\\x00-\\x20\\x7F-\\x9F][^\\x00-\\x1F\\x7F-\\x9F]*",
          Pattern.DOTALL);

  private static final Map<String, TestCard> TEST_CARDS =
      Map.of(
          "4242424242424242", new TestCard("VISA", "US", Funding.CREDIT, false),
          "5555555555554444", new TestCard("MASTERCARD", "US", Funding.CREDIT, false),
          "4000056655665556", new TestCard("VISA", "US", Funding.PREPAID, false),
          "4096660000000008", new TestCard("VISA", "CN", Funding.CREDIT, false),
          "6250947000000014", new TestCard("UNIONPAY", "HK", Funding.CREDIT, false),
          "4000000000000002", new TestCard("VISA", "US", Funding.CREDIT, true),
          "4000000360000006", new TestCard("VISA", "AU", Funding.CREDIT, false),
          // verifies, but every later merchant-initiated charge is declined (Stripe's test card of
          // the same number behaves so)
          "4000000000000341", new TestCard("VISA", "US", Funding.CREDIT, false, true));

  /** The merchant's name on statements when none is given. */
  public static final String DEFAULT_MERCHANT = "ACMECLOUD";

  private final Clock clock;
  private final String merchant;
  private final Map<String, Card> tokens = new HashMap<>();
  private final Map<String, List<Transaction>> statements = new HashMap<>();
  private final Map<String, String> transactionCard = new HashMap<>();
  private final Map<String, String> idempotency = new HashMap<>();
  private final Map<String, Integer> calls = new HashMap<>();
  private final Set<String> detached = new HashSet<>();
  private Fault nextFault;
  private String nextFaultOperation;

  public SandboxCardProcessor(Clock clock) {
    this(clock, DEFAULT_MERCHANT);
  }

  /**
   * @param merchant the merchant's name: the statement line of a merchant-initiated charge, which
   *     carries no descriptor of its own
   */
  public SandboxCardProcessor(Clock clock, String merchant) {
    if (merchant == null || merchant.isBlank()) {
      throw new IllegalArgumentException("merchant");
    }
    this.clock = clock;
    this.merchant = merchant;
  }

  /**
   * Stands in for the processor's browser library: refuses a number that fails the Luhn check, and
   * a card without the name on it (the card form asks for it, and the processor keeps it with the
   * card, as Stripe keeps a PaymentMethod's billing details).
   *
   * @throws IllegalArgumentException naming the bad field
   */
  public synchronized String tokenize(
      String number, int expMonth, int expYear, String cvc, String holderName) {
    String digits = number == null ? "" : number.replaceAll("[ -]", "");
    if (!digits.matches("[0-9]{12,19}") || !Luhn.valid(digits)) {
      throw new IllegalArgumentException("number");
    }
    if (expMonth < 1 || expMonth > 12) {
      throw new IllegalArgumentException("expMonth");
    }
    if (expYear < 2000 || expYear > 2100) {
      throw new IllegalArgumentException("expYear");
    }
    if (cvc == null || !cvc.matches("[0-9]{3,4}")) {
      throw new IllegalArgumentException("cvc");
    }
    if (holderName == null || !HOLDER_NAME.matcher(holderName).matches()) {
      throw new IllegalArgumentException("holderName");
    }
    String name = holderName.replaceAll("^ +| +$", "");
    String token = Ids.next("tok");
    tokens.put(token, new Card(digits, expMonth, expYear, name, kindOf(digits)));
    return token;
  }

  /**
   * The next call of {@code operation} (describe, authorizeHold, charge, findCharge, voidHold,
   * refund, chargeMerchantInitiated, detach) fails.
   */
  public synchronized void failNext(String operation, Fault fault) {
    this.nextFaultOperation = operation;
    this.nextFault = fault;
  }

  /**
   * How often an operation really ran (replays of an idempotency key not counted; a declined
   * merchant-initiated charge, or a payment of a detached card, counts, since the card was tried).
   */
  public synchronized int calls(String operation) {
    return calls.getOrDefault(operation, 0);
  }

  /** The statement of every card with these last four digits, oldest first. */
  public synchronized List<Transaction> statement(String last4) {
    List<Transaction> lines = new ArrayList<>();
    statements.forEach(
        (number, txs) -> {
          if (number.endsWith(last4)) {
            lines.addAll(txs);
          }
        });
    lines.sort((a, b) -> a.at().compareTo(b.at()));
    return lines;
  }

  @Override
  public synchronized CardDetails describe(String cardToken) {
    fault("describe", true);
    Card card = card(cardToken);
    return new CardDetails(
        card.kind().brand(),
        card.number().substring(card.number().length() - 4),
        card.expMonth(),
        card.expYear(),
        card.kind().country(),
        card.kind().funding(),
        "fp_" + Sha256.hex(card.number()).substring(0, 24),
        card.holderName(),
        billingCurrency(card));
  }

  @Override
  public synchronized String authorizeHold(
      String cardToken, Money amount, String descriptor, String idempotencyKey) {
    return place(
        "authorizeHold", cardToken, amount, descriptor, "AUTHORIZED", idempotencyKey, false);
  }

  @Override
  public synchronized String charge(
      String cardToken, Money amount, String descriptor, String idempotencyKey) {
    return place("charge", cardToken, amount, descriptor, "CAPTURED", idempotencyKey, false);
  }

  @Override
  public Money minimumCharge() {
    return Money.usd("0.01");
  }

  @Override
  public synchronized Optional<String> findCharge(String idempotencyKey) {
    fault("findCharge", true);
    return Optional.ofNullable(idempotency.get(idempotencyKey));
  }

  @Override
  public synchronized void voidHold(String holdId, String idempotencyKey) {
    settle("voidHold", holdId, "AUTHORIZED", "VOIDED", idempotencyKey);
  }

  @Override
  public synchronized void refund(String chargeId, String idempotencyKey) {
    settle("refund", chargeId, "CAPTURED", "REFUNDED", idempotencyKey);
  }

  /**
   * A charge without the holder present (a deleted account's final charge): on the statement as
   * CAPTURED under the merchant's name alone (Stripe shows the account's own descriptor when a
   * payment sets no suffix). Declined for 4000 0000 0000 0341 and for a detached card; a decline is
   * not kept under the key (as in {@link #charge}): a retry with the same key tries the card again.
   */
  @Override
  public synchronized String chargeMerchantInitiated(
      String cardToken, Money amount, String idempotencyKey) {
    return place(
        "chargeMerchantInitiated", cardToken, amount, merchant, "CAPTURED", idempotencyKey, true);
  }

  /**
   * Detaches a card: later holds and charges of it are declined, its statement stays. Detaching a
   * detached card does nothing (and is not counted in {@link #calls}).
   *
   * @throws UnknownCardTokenException the sandbox never issued this token
   */
  @Override
  public synchronized void detach(String cardToken) {
    fault("detach", true);
    card(cardToken);
    if (detached.add(cardToken)) {
      calls.merge("detach", 1, Integer::sum);
    }
    fault("detach", false);
  }

  /** Whether a stored card was detached from the merchant. */
  public synchronized boolean isDetached(String cardToken) {
    return detached.contains(cardToken);
  }

  private String place(
      String operation,
      String cardToken,
      Money amount,
      String descriptor,
      String status,
      String idempotencyKey,
      boolean merchantInitiated) {
    String replay = idempotency.get(idempotencyKey);
    if (replay != null) {
      return replay;
    }
    fault(operation, true);
    Card card = card(cardToken);
    if (card.kind().declines()) {
      throw new CardDeclinedException("card_declined");
    }
    if (merchantInitiated && card.kind().declinesMerchantInitiated()) {
      calls.merge(operation, 1, Integer::sum);
      // the issuer's answer can be lost like any other
      fault(operation, false);
      throw new CardDeclinedException("card_declined");
    }
    if (detached.contains(cardToken)) {
      // Stripe refuses a PaymentMethod detached from its Customer for any later payment
      calls.merge(operation, 1, Integer::sum);
      fault(operation, false);
      throw new CardDeclinedException("card_detached");
    }
    String id = (status.equals("AUTHORIZED") ? "hold_" : "ch_") + Ids.next("sbx").substring(4);
    Money billed = inCardCurrency(card, amount);
    statements
        .computeIfAbsent(card.number(), n -> new ArrayList<>())
        .add(new Transaction(id, descriptor, billed, status, clock.instant()));
    transactionCard.put(id, card.number());
    idempotency.put(idempotencyKey, id);
    calls.merge(operation, 1, Integer::sum);
    fault(operation, false);
    return id;
  }

  private void settle(String operation, String id, String from, String to, String key) {
    if (idempotency.containsKey(key)) {
      return;
    }
    fault(operation, true);
    String number = transactionCard.get(id);
    if (number == null) {
      throw new IllegalArgumentException("unknown transaction");
    }
    List<Transaction> lines = statements.get(number);
    for (int i = 0; i < lines.size(); i++) {
      Transaction t = lines.get(i);
      if (t.id().equals(id) && t.status().equals(from)) {
        lines.set(i, new Transaction(t.id(), t.description(), t.amount(), to, t.at()));
      }
    }
    idempotency.put(key, id);
    calls.merge(operation, 1, Integer::sum);
    fault(operation, false);
  }

  private void fault(String operation, boolean before) {
    if (nextFault == null || !operation.equals(nextFaultOperation)) {
      return;
    }
    if (before && nextFault == Fault.CRASH_BEFORE) {
      nextFault = null;
      throw new SimulatedCrash();
    }
    if (before == (nextFault == Fault.UNAVAILABLE_BEFORE)) {
      nextFault = null;
      throw new ProcessorUnavailableException("sandbox " + operation + " failed", null);
    }
  }

  private Card card(String token) {
    Card card = token == null ? null : tokens.get(token);
    if (card == null) {
      throw new UnknownCardTokenException();
    }
    return card;
  }

  /** The Australian test card is billed in AUD; every other sandbox card in USD. */
  private static Currency billingCurrency(Card card) {
    return Currency.getInstance("AU".equals(card.kind().country()) ? "AUD" : "USD");
  }

  private static Money inCardCurrency(Card card, Money usd) {
    if (!billingCurrency(card).getCurrencyCode().equals("AUD")) {
      return usd;
    }
    return new Money(
        usd.amount().multiply(AUD_PER_USD).setScale(2, RoundingMode.HALF_UP),
        Currency.getInstance("AUD"));
  }

  private static TestCard kindOf(String digits) {
    TestCard known = TEST_CARDS.get(digits);
    if (known != null) {
      return known;
    }
    if (digits.length() == 16 && digits.startsWith("411111")) {
      return new TestCard("VISA", "US", Funding.CREDIT, false);
    }
    String brand =
        digits.startsWith("4")
            ? "VISA"
            : digits.startsWith("5")
                ? "MASTERCARD"
                : digits.startsWith("3")
                    ? "AMEX"
                    : digits.startsWith("62") ? "UNIONPAY" : "UNKNOWN";
    return new TestCard(brand, "US", Funding.CREDIT, true);
  }
}
