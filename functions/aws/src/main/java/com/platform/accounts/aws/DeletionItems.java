package com.platform.accounts.aws;

import static com.platform.accounts.aws.Items.bool;
import static com.platform.accounts.aws.Items.enumValue;
import static com.platform.accounts.aws.Items.instant;
import static com.platform.accounts.aws.Items.integer;
import static com.platform.accounts.aws.Items.n;
import static com.platform.accounts.aws.Items.number;
import static com.platform.accounts.aws.Items.putEnum;
import static com.platform.accounts.aws.Items.putInstant;
import static com.platform.accounts.aws.Items.requiredString;
import static com.platform.accounts.aws.Items.s;
import static com.platform.accounts.aws.Items.string;

import com.platform.accounts.core.deletion.Deletion;
import com.platform.accounts.core.deletion.DeletionStatus;
import com.platform.accounts.core.due.DueKind;
import com.platform.accounts.core.due.DueShards;
import com.platform.accounts.core.money.Money;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An account's deletion: {@code ACCOUNT#<id>}/{@code DELETION}, under the account's partition, kept
 * with the tombstone. While it has work falling due ({@link Deletion#dueAt}) it is a due item of
 * kind ACCOUNT_DELETION on the deletion id's shard ({@link DueItems}). The totals are kept as an
 * amount string and a currency code each.
 */
final class DeletionItems {
  static final String DELETION_SK = "DELETION";
  static final String ACCOUNT_ID = "accountId";
  static final String DELETION_ID = "deletionId";

  private DeletionItems() {}

  static Map<String, AttributeValue> key(String accountId) {
    return Items.key("ACCOUNT#" + accountId, DELETION_SK);
  }

  static Map<String, AttributeValue> toItem(Deletion d, long version, DueShards shards) {
    Map<String, AttributeValue> item = Items.item("ACCOUNT#" + d.accountId(), DELETION_SK);
    item.put(ACCOUNT_ID, s(d.accountId()));
    item.put(DELETION_ID, s(d.deletionId()));
    putEnum(item, "status", d.status());
    putInstant(item, "requestedAt", d.requestedAt());
    putInstant(item, "finalChargesBy", d.finalChargesBy());
    putInstant(item, "nextAttemptAt", d.nextAttemptAt());
    item.put("paymentAttempts", n(d.paymentAttempts()));
    putInstant(item, "deletedAt", d.deletedAt());
    item.put("erased", Items.bool(d.erased()));
    putMoney(item, "totalCharged", d.totalCharged());
    putMoney(item, "totalPaid", d.totalPaid());
    item.put(Items.VERSION, n(version));
    d.dueAt()
        .ifPresent(
            at -> DueItems.put(item, DueKind.ACCOUNT_DELETION, shards.of(d.deletionId()), at));
    return item;
  }

  static Deletion fromItem(Map<String, AttributeValue> item) {
    return new Deletion(
        requiredString(item, DELETION_ID),
        requiredString(item, ACCOUNT_ID),
        enumValue(item, "status", DeletionStatus.class),
        instant(item, "requestedAt"),
        instant(item, "finalChargesBy"),
        instant(item, "nextAttemptAt"),
        integer(item, "paymentAttempts"),
        instant(item, "deletedAt"),
        bool(item, "erased"),
        money(item, "totalCharged"),
        money(item, "totalPaid"),
        number(item, Items.VERSION));
  }

  private static void putMoney(Map<String, AttributeValue> item, String name, Money money) {
    if (money != null) {
      item.put(name, s(money.plain()));
      item.put(name + "Currency", s(money.currency().getCurrencyCode()));
    }
  }

  private static Money money(Map<String, AttributeValue> item, String name) {
    String amount = string(item, name);
    return amount == null ? null : Money.of(amount, string(item, name + "Currency"));
  }
}
