package com.platform.accounts.aws;

import static com.platform.accounts.aws.Items.enumValue;
import static com.platform.accounts.aws.Items.instant;
import static com.platform.accounts.aws.Items.integer;
import static com.platform.accounts.aws.Items.n;
import static com.platform.accounts.aws.Items.number;
import static com.platform.accounts.aws.Items.putEnum;
import static com.platform.accounts.aws.Items.putInstant;
import static com.platform.accounts.aws.Items.putString;
import static com.platform.accounts.aws.Items.requiredString;
import static com.platform.accounts.aws.Items.s;
import static com.platform.accounts.aws.Items.string;

import com.platform.accounts.core.card.Funding;
import com.platform.accounts.core.card.OwnershipCheck;
import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.card.PaymentMethodStatus;
import com.platform.accounts.core.card.StoredCard;
import com.platform.accounts.core.due.DueKind;
import com.platform.accounts.core.due.DueShards;
import com.platform.accounts.core.money.Money;
import com.platform.accounts.core.paypal.PayPalLink;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items of a payment method, the first three under its account's partition:
 *
 * <ul>
 *   <li>{@code ACCOUNT#<accountId>}/{@code PAYMENT_METHOD#<id>} holds the payment method, with the
 *       card, its ownership check and the PayPal link nested in map attributes so that it stays one
 *       item, read and written whole. An account's methods are one Query on its partition with
 *       {@code begins_with(sk, "PAYMENT_METHOD#")}, which leaves out the account item and the
 *       slots.
 *   <li>{@code ACCOUNT#<accountId>}/{@code CARD_SLOT} names the card that holds the account's one
 *       card slot.
 *   <li>{@code ACCOUNT#<accountId>}/{@code PAYPAL_SLOT} names the PayPal method that holds the
 *       account's one PayPal slot (waiting for approval or active).
 *   <li>{@code CARD_FINGERPRINT#<fingerprintHash>}/{@code CARD_FINGERPRINT} names the account and
 *       the card that hold a card number.
 *   <li>{@code CARD_TOKEN#<tokenHash>}/{@code CARD_TOKEN} is a processor token's single-use record:
 *       it names the card added with the token and is never deleted. The key holds a keyed HMAC of
 *       the token, never the token.
 *   <li>{@code REF#<reference>}/{@code REF} points a reference (a PayPal state's or payment token's
 *       keyed HMAC, e.g. {@code PAYPAL_STATE#<hmac>}) at an account and a payment method; written
 *       once, with a TTL when it expires.
 * </ul>
 *
 * <p>A method with work falling due is a due item (see {@link DueItems}): a card of kind {@code
 * CARD_VERIFICATION} (its charges to release, then its verification window to close), a PayPal
 * method of kind {@code PAYPAL_LINK} (its approval window to close, or its completion to finish
 * after the payer came back). It carries {@code dueShard}/{@code dueAt}, the keys of the sparse
 * {@code due-index}, and {@code dueKind}; the item as written for a method with nothing due has
 * none of them, so a put of it takes the method out of the index. A put also drops the sweep's
 * {@code dueAttempts} and any backoff: the method's own work moved on, and its due time is its own
 * again.
 */
final class PaymentMethodItems {
  static final String PAYMENT_METHOD_PREFIX = "PAYMENT_METHOD#";
  static final String CARD_SLOT_SK = "CARD_SLOT";
  static final String PAYPAL_SLOT_SK = "PAYPAL_SLOT";
  static final String REFERENCE_SK = "REF";
  static final String FINGERPRINT_SK = "CARD_FINGERPRINT";
  static final String TOKEN_SK = "CARD_TOKEN";
  static final String ACCOUNT_ID = "accountId";
  static final String PAYMENT_METHOD_ID = "paymentMethodId";

  private static final String CARD = "card";
  private static final String CHECK = "check";
  private static final String PAYPAL = "paypal";

  /** An account's methods in the order they are listed: oldest first, then by id. */
  static final Comparator<PaymentMethod> OLDEST_FIRST =
      (a, b) -> {
        int byAge = a.createdAt().compareTo(b.createdAt());
        return byAge != 0 ? byAge : a.paymentMethodId().compareTo(b.paymentMethodId());
      };

  private PaymentMethodItems() {}

  static String accountPk(String accountId) {
    return "ACCOUNT#" + accountId;
  }

  static Map<String, AttributeValue> key(String accountId, String paymentMethodId) {
    return Items.key(accountPk(accountId), PAYMENT_METHOD_PREFIX + paymentMethodId);
  }

  static Map<String, AttributeValue> slotKey(String accountId) {
    return Items.key(accountPk(accountId), CARD_SLOT_SK);
  }

  static Map<String, AttributeValue> payPalSlotKey(String accountId) {
    return Items.key(accountPk(accountId), PAYPAL_SLOT_SK);
  }

  static Map<String, AttributeValue> referenceKey(String reference) {
    return Items.key("REF#" + reference, REFERENCE_SK);
  }

  static Map<String, AttributeValue> fingerprintKey(String fingerprintHash) {
    return Items.key("CARD_FINGERPRINT#" + fingerprintHash, FINGERPRINT_SK);
  }

  static Map<String, AttributeValue> tokenKey(String tokenHash) {
    return Items.key("CARD_TOKEN#" + tokenHash, TOKEN_SK);
  }

  /** The key of a stored item (for instance one read from an index). */
  static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
    return Items.key(requiredString(item, Items.PK), requiredString(item, Items.SK));
  }

  /** The fingerprint's uniqueness item: the card number belongs to this card and its account. */
  static Map<String, AttributeValue> fingerprintItem(PaymentMethod pm) {
    Map<String, AttributeValue> item =
        Items.item("CARD_FINGERPRINT#" + pm.card().fingerprintHash(), FINGERPRINT_SK);
    item.put(ACCOUNT_ID, s(pm.accountId()));
    item.put(PAYMENT_METHOD_ID, s(pm.paymentMethodId()));
    return item;
  }

  /** The token's single-use record: a card was added with it, this one. */
  static Map<String, AttributeValue> tokenItem(PaymentMethod pm) {
    Map<String, AttributeValue> item = Items.item("CARD_TOKEN#" + pm.card().tokenHash(), TOKEN_SK);
    item.put(ACCOUNT_ID, s(pm.accountId()));
    item.put(PAYMENT_METHOD_ID, s(pm.paymentMethodId()));
    putInstant(item, "usedAt", pm.createdAt());
    return item;
  }

  /** The account's card slot item: its one card is this one. */
  static Map<String, AttributeValue> slotItem(PaymentMethod pm) {
    Map<String, AttributeValue> item = Items.item(accountPk(pm.accountId()), CARD_SLOT_SK);
    item.put(ACCOUNT_ID, s(pm.accountId()));
    item.put(PAYMENT_METHOD_ID, s(pm.paymentMethodId()));
    return item;
  }

  /** The account's PayPal slot item: its one PayPal method is this one. */
  static Map<String, AttributeValue> payPalSlotItem(PaymentMethod pm) {
    Map<String, AttributeValue> item = Items.item(accountPk(pm.accountId()), PAYPAL_SLOT_SK);
    item.put(ACCOUNT_ID, s(pm.accountId()));
    item.put(PAYMENT_METHOD_ID, s(pm.paymentMethodId()));
    return item;
  }

  /** A reference's pointer item, with a TTL when it expires. */
  static Map<String, AttributeValue> referenceItem(
      String reference, String accountId, String paymentMethodId, Instant expiresAt) {
    Map<String, AttributeValue> item = Items.item("REF#" + reference, REFERENCE_SK);
    item.put(ACCOUNT_ID, s(accountId));
    item.put(PAYMENT_METHOD_ID, s(paymentMethodId));
    if (expiresAt != null) {
      Items.putExpiry(item, expiresAt);
    }
    return item;
  }

  /** Whether a reference's item still points: it has no expiry, or has not reached it. */
  static boolean referenceLive(Map<String, AttributeValue> item, Instant now) {
    return !item.containsKey(Items.EXPIRES_AT_NANOS) || Items.live(item, now);
  }

  /** Which work a method's due item asks for: each type of method has its own. */
  static DueKind dueKind(PaymentMethod pm) {
    return pm.type() == PaymentMethod.PaymentMethodType.PAYPAL
        ? DueKind.PAYPAL_LINK
        : DueKind.CARD_VERIFICATION;
  }

  /** The payment method as stored with {@code version}, on its due-index shard when due. */
  static Map<String, AttributeValue> toItem(PaymentMethod pm, long version, DueShards shards) {
    Map<String, AttributeValue> item =
        Items.item(accountPk(pm.accountId()), PAYMENT_METHOD_PREFIX + pm.paymentMethodId());
    item.put(PAYMENT_METHOD_ID, s(pm.paymentMethodId()));
    item.put(ACCOUNT_ID, s(pm.accountId()));
    putEnum(item, "type", pm.type());
    putEnum(item, "status", pm.status());
    if (pm.card() != null) {
      item.put(CARD, AttributeValue.fromM(cardToMap(pm.card())));
    }
    if (pm.check() != null) {
      item.put(CHECK, AttributeValue.fromM(checkToMap(pm.check())));
    }
    if (pm.paypal() != null) {
      item.put(PAYPAL, AttributeValue.fromM(payPalToMap(pm.paypal())));
    }
    pm.dueAt()
        .ifPresent(at -> DueItems.put(item, dueKind(pm), shards.of(pm.paymentMethodId()), at));
    putInstant(item, "createdAt", pm.createdAt());
    item.put(Items.VERSION, n(version));
    return item;
  }

  static PaymentMethod fromItem(Map<String, AttributeValue> item) {
    AttributeValue card = item.get(CARD);
    AttributeValue check = item.get(CHECK);
    // absent on methods stored before PayPal was supported, and on cards
    AttributeValue paypal = item.get(PAYPAL);
    return new PaymentMethod(
        requiredString(item, PAYMENT_METHOD_ID),
        requiredString(item, ACCOUNT_ID),
        enumValue(item, "type", PaymentMethod.PaymentMethodType.class),
        enumValue(item, "status", PaymentMethodStatus.class),
        card == null || !card.hasM() ? null : cardFromMap(card.m()),
        check == null || !check.hasM() ? null : checkFromMap(check.m()),
        paypal == null || !paypal.hasM() ? null : payPalFromMap(paypal.m()),
        instant(item, "createdAt"),
        number(item, Items.VERSION));
  }

  private static Map<String, AttributeValue> cardToMap(StoredCard c) {
    Map<String, AttributeValue> map = new HashMap<>();
    putString(map, "processorToken", c.processorToken());
    putString(map, "brand", c.brand());
    putString(map, "last4", c.last4());
    map.put("expMonth", n(c.expMonth()));
    map.put("expYear", n(c.expYear()));
    putString(map, "issuingCountry", c.issuingCountry());
    putEnum(map, "funding", c.funding());
    putString(map, "fingerprintHash", c.fingerprintHash());
    putString(map, "holderName", c.holderName());
    putString(
        map,
        "billingCurrency",
        c.billingCurrency() == null ? null : c.billingCurrency().getCurrencyCode());
    putString(map, "tokenHash", c.tokenHash());
    return map;
  }

  private static StoredCard cardFromMap(Map<String, AttributeValue> map) {
    return new StoredCard(
        string(map, "processorToken"),
        string(map, "brand"),
        string(map, "last4"),
        integer(map, "expMonth"),
        integer(map, "expYear"),
        string(map, "issuingCountry"),
        enumValue(map, "funding", Funding.class),
        string(map, "fingerprintHash"),
        // the three below are absent on cards stored before they were kept
        string(map, "holderName"),
        Money.currency(string(map, "billingCurrency")).orElse(null),
        string(map, "tokenHash"));
  }

  private static Map<String, AttributeValue> checkToMap(OwnershipCheck c) {
    Map<String, AttributeValue> map = new HashMap<>();
    putString(map, "holdId", c.holdId());
    putString(map, "microchargeId", c.microchargeId());
    putString(map, "descriptorCodeHash", c.descriptorCodeHash());
    putString(map, "microchargeHash", c.microchargeHash());
    map.put("failedAttempts", n(c.failedAttempts()));
    putInstant(map, "placedAt", c.placedAt());
    putInstant(map, "releaseDueAt", c.releaseDueAt());
    putInstant(map, "releasedAt", c.releasedAt());
    putInstant(map, "expiresAt", c.expiresAt());
    return map;
  }

  private static OwnershipCheck checkFromMap(Map<String, AttributeValue> map) {
    return new OwnershipCheck(
        string(map, "holdId"),
        string(map, "microchargeId"),
        string(map, "descriptorCodeHash"),
        string(map, "microchargeHash"),
        integer(map, "failedAttempts"),
        instant(map, "placedAt"),
        instant(map, "releaseDueAt"),
        instant(map, "releasedAt"),
        instant(map, "expiresAt"));
  }

  private static Map<String, AttributeValue> payPalToMap(PayPalLink p) {
    Map<String, AttributeValue> map = new HashMap<>();
    putString(map, "setupTokenId", p.setupTokenId());
    putString(map, "stateHash", p.stateHash());
    putInstant(map, "approvalExpiresAt", p.approvalExpiresAt());
    putString(map, "returnUrl", p.returnUrl());
    putString(map, "cancelUrl", p.cancelUrl());
    putInstant(map, "returnedAt", p.returnedAt());
    putString(map, "paymentTokenId", p.paymentTokenId());
    putString(map, "payerEmail", p.payerEmail());
    putString(map, "failureCode", p.failureCode());
    putInstant(map, "notifiedAt", p.notifiedAt());
    return map;
  }

  private static PayPalLink payPalFromMap(Map<String, AttributeValue> map) {
    return new PayPalLink(
        string(map, "setupTokenId"),
        string(map, "stateHash"),
        instant(map, "approvalExpiresAt"),
        string(map, "returnUrl"),
        string(map, "cancelUrl"),
        instant(map, "returnedAt"),
        string(map, "paymentTokenId"),
        string(map, "payerEmail"),
        string(map, "failureCode"),
        instant(map, "notifiedAt"));
  }
}
