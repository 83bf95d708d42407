package com.platform.accounts.aws;

import com.platform.accounts.core.ledger.AccountLedger;
import com.platform.accounts.core.ledger.Billing;
import com.platform.accounts.core.ledger.LedgerCharge;
import com.platform.accounts.core.ledger.LedgerEvent;
import com.platform.accounts.core.ledger.LedgerEventType;
import com.platform.accounts.core.ledger.LedgerResource;
import com.platform.accounts.core.money.Money;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.port.LedgerStore;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The resource ledger in the table. Under the account's partition {@code ACCOUNT#<id>}: a resource
 * at {@code LEDGER#RESOURCE#<resourceId>}, a charge at {@code LEDGER#CHARGE#<chargeId>}, so that
 * one Query on {@code begins_with(sk, "LEDGER#")} reads the whole ledger. Each recorded event
 * leaves a marker, kept for good (financial records have no TTL), in the account's own marker
 * partition {@code ACCOUNT#<id>#LEDGER_EVENTS}/{@code <eventId>}: neither the ledger's Query nor
 * the account overview's Query of the account partition ever reads the markers, however many events
 * there were.
 *
 * <p>Round trips: {@code load} 1 Query (one more per MB); {@code record} 1 TransactWriteItems, the
 * marker's put conditional on its absence and the resource's or charge's UpdateItem. Every update
 * only ever sets flags to true and fills instants not yet known ({@code if_not_exists}), so events
 * commute; the subscription's fields are set only by an update that occurred no earlier than the
 * one applied ({@code updatedAtNanos}, epoch nanoseconds, compared exactly; of two at the same
 * instant, as two updates received at once without their own {@code occurredAt} are, the later
 * arrival wins). When only that condition fails the event is recorded again without it: the marker,
 * the flags, and the subscription's fields that no update has set yet, so that the event counts
 * once and an older update loses.
 */
final class DynamoDbLedgerStore implements LedgerStore {
  static final String LEDGER_PREFIX = "LEDGER#";
  static final String RESOURCE_PREFIX = LEDGER_PREFIX + "RESOURCE#";
  static final String CHARGE_PREFIX = LEDGER_PREFIX + "CHARGE#";
  private static final String MARKERS = "#LEDGER_EVENTS";

  private static final String RESOURCE_ID = "resourceId";
  private static final String CHARGE_ID = "chargeId";
  private static final String BILLING = "billing";
  private static final String PROVISIONED = "provisioned";
  private static final String RELEASED = "released";
  private static final String RELEASED_AT = "releasedAt";
  private static final String AUTO_RENEW = "autoRenew";
  private static final String ENDS_AT = "endsAt";
  private static final String UPDATED_AT_NANOS = "updatedAtNanos";
  private static final String AMOUNT = "amount";
  private static final String CURRENCY = "currency";
  private static final String ISSUED_AT = "issuedAt";
  private static final String PAID = "paid";
  private static final String PAID_AT = "paidAt";

  /** The marker's write comes first in the transaction, the ledger item's second. */
  private static final int MARKER = 0;

  private static final int LEDGER_ITEM = 1;

  /** Transactions that lost only against others writing the same items, tried again. */
  private static final int ATTEMPTS = 5;

  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

  private final DynamoDbTable table;

  DynamoDbLedgerStore(DynamoDbTable table) {
    this.table = table;
  }

  @Override
  public boolean record(LedgerEvent event) {
    boolean ordered = true;
    for (int attempt = 1; ; attempt++) {
      try {
        table.transact(
            List.of(table.transactPut(marker(event), Condition.absent()), update(event, ordered)));
        return true;
      } catch (TransactionCanceledException e) {
        List<CancellationReason> reasons = Transactions.lostReasons(e);
        if (failed(reasons, MARKER)) {
          return false;
        }
        if (failed(reasons, LEDGER_ITEM) && ordered) {
          // only the subscription's order failed: record the event without overriding it
          ordered = false;
        } else if (attempt >= ATTEMPTS) {
          throw new ConcurrentModificationException("ledger item " + event.resourceId());
        }
      }
    }
  }

  private static boolean failed(List<CancellationReason> reasons, int index) {
    return reasons.size() > index
        && Transactions.CONDITIONAL_CHECK_FAILED.equals(reasons.get(index).code());
  }

  @Override
  public AccountLedger load(String accountId) {
    List<LedgerResource> resources = new ArrayList<>();
    List<LedgerCharge> charges = new ArrayList<>();
    for (Map<String, AttributeValue> item :
        table.partition(PaymentMethodItems.accountPk(accountId), LEDGER_PREFIX)) {
      String sk = Items.requiredString(item, Items.SK);
      if (sk.startsWith(RESOURCE_PREFIX)) {
        resources.add(resource(item));
      } else if (sk.startsWith(CHARGE_PREFIX)) {
        charges.add(charge(item));
      }
    }
    return new AccountLedger(accountId, resources, charges);
  }

  private Map<String, AttributeValue> marker(LedgerEvent event) {
    Map<String, AttributeValue> item =
        Items.item(PaymentMethodItems.accountPk(event.accountId()) + MARKERS, event.eventId());
    item.put("eventId", Items.s(event.eventId()));
    item.put("accountId", Items.s(event.accountId()));
    Items.putEnum(item, "type", event.type());
    item.put("resourceId", Items.s(event.resourceId()));
    Items.putInstant(item, "occurredAt", event.occurredAt());
    Items.putInstant(item, "recordedAt", table.now());
    return item;
  }

  /**
   * The resource's or charge's UpdateItem. {@code ordered}: the subscription's fields are set, if
   * the event carries any, on condition that no later update was applied; otherwise they only fill
   * what is not known yet.
   */
  private TransactWriteItem update(LedgerEvent e, boolean ordered) {
    Expression x = new Expression();
    Condition condition = null;
    String pk = PaymentMethodItems.accountPk(e.accountId());
    switch (e.type()) {
      case RESOURCE_PROVISIONED, RESOURCE_RELEASED, SUBSCRIPTION_UPDATED -> {
        x.set(RESOURCE_ID, Items.s(e.resourceId()));
        if (e.type() == LedgerEventType.RESOURCE_PROVISIONED) {
          x.set(PROVISIONED, Items.bool(true));
          x.set(BILLING, Items.s(e.billing().name()));
        } else if (e.billing() != null) {
          x.fill(BILLING, Items.s(e.billing().name()));
        }
        if (e.type() == LedgerEventType.RESOURCE_RELEASED) {
          x.set(RELEASED, Items.bool(true));
          x.fill(RELEASED_AT, Items.s(e.occurredAt().toString()));
        }
        if (e.autoRenew() != null || e.endsAt() != null) {
          if (ordered) {
            if (e.autoRenew() != null) {
              x.set(AUTO_RENEW, Items.bool(e.autoRenew()));
            }
            if (e.endsAt() != null) {
              x.set(ENDS_AT, Items.s(e.endsAt().toString()));
            }
            x.set(UPDATED_AT_NANOS, Items.epochNanos(e.occurredAt()));
            condition =
                new Condition(
                    "attribute_not_exists(#updated) OR #updated <= :occurred",
                    Map.of("#updated", UPDATED_AT_NANOS),
                    Map.of(":occurred", Items.epochNanos(e.occurredAt())));
          } else {
            if (e.autoRenew() != null) {
              x.fill(AUTO_RENEW, Items.bool(e.autoRenew()));
            }
            if (e.endsAt() != null) {
              x.fill(ENDS_AT, Items.s(e.endsAt().toString()));
            }
          }
        }
        return table.transactUpdate(
            Items.key(pk, RESOURCE_PREFIX + e.resourceId()), x.change(), condition);
      }
      case CHARGE_ISSUED, CHARGE_PAID -> {
        x.set(CHARGE_ID, Items.s(e.resourceId()));
        if (e.amount() != null) {
          x.fill(AMOUNT, Items.s(e.amount().plain()));
          x.fill(CURRENCY, Items.s(e.amount().currency().getCurrencyCode()));
        }
        if (e.type() == LedgerEventType.CHARGE_ISSUED) {
          x.fill(ISSUED_AT, Items.s(e.occurredAt().toString()));
        } else {
          x.set(PAID, Items.bool(true));
          x.fill(PAID_AT, Items.s(e.occurredAt().toString()));
        }
        return table.transactUpdate(
            Items.key(pk, CHARGE_PREFIX + e.resourceId()), x.change(), null);
      }
    }
    throw new IllegalArgumentException("no ledger event type " + e.type());
  }

  /** A SET expression built member by member, each through its own placeholders. */
  private static final class Expression {
    private final List<String> parts = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    /** Sets the attribute. */
    void set(String attribute, AttributeValue value) {
      String n = "#a" + parts.size();
      String v = ":v" + parts.size();
      parts.add(n + " = " + v);
      names.put(n, attribute);
      values.put(v, value);
    }

    /** Sets the attribute unless it holds a value: the first known value stays. */
    void fill(String attribute, AttributeValue value) {
      String n = "#a" + parts.size();
      String v = ":v" + parts.size();
      parts.add(n + " = if_not_exists(" + n + ", " + v + ")");
      names.put(n, attribute);
      values.put(v, value);
    }

    Change change() {
      return new Change("SET " + String.join(", ", parts), names, values);
    }
  }

  private static LedgerResource resource(Map<String, AttributeValue> item) {
    AttributeValue autoRenew = item.get(AUTO_RENEW);
    return new LedgerResource(
        Items.requiredString(item, RESOURCE_ID),
        Items.enumValue(item, BILLING, Billing.class),
        Items.bool(item, PROVISIONED),
        Items.bool(item, RELEASED),
        Items.instant(item, RELEASED_AT),
        autoRenew == null ? null : autoRenew.bool(),
        Items.instant(item, ENDS_AT),
        nanosInstant(item.get(UPDATED_AT_NANOS)));
  }

  private static LedgerCharge charge(Map<String, AttributeValue> item) {
    String amount = Items.string(item, AMOUNT);
    return new LedgerCharge(
        Items.requiredString(item, CHARGE_ID),
        amount == null ? null : Money.of(amount, Items.requiredString(item, CURRENCY)),
        Items.instant(item, ISSUED_AT),
        Items.bool(item, PAID),
        Items.instant(item, PAID_AT));
  }

  private static Instant nanosInstant(AttributeValue value) {
    if (value == null || value.n() == null) {
      return null;
    }
    BigInteger[] secondsAndNanos = new BigInteger(value.n()).divideAndRemainder(NANOS_PER_SECOND);
    return Instant.ofEpochSecond(
        secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
  }
}
