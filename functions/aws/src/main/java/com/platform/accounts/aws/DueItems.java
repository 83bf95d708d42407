package com.platform.accounts.aws;

import com.platform.accounts.core.due.DueItem;
import com.platform.accounts.core.due.DueKind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The attributes that put an item on the sparse, sharded {@code due-index}, whatever the item: its
 * shard {@code dueShard} ({@code DUE#<n>}, or {@code DUE#DEAD} for the dead letters) and its due
 * time {@code dueAt} are the index's keys; {@code dueKind} says which work finishes it and {@code
 * dueAttempts} how many attempts at it failed. The index projects the keys only: a hit names the
 * item (pk, sk) and the sweep reads the item itself, so the index stays small and its writes cheap.
 *
 * <p>{@code dueAt} is written at a fixed width (nanoseconds always given) so that its string order
 * is time order, which {@link Instant#toString()} is not ({@code ...:30Z} sorts after {@code
 * ...:30.5Z}).
 */
final class DueItems {
  static final String DUE_INDEX = "due-index";
  static final String DUE_SHARD = "dueShard";
  static final String DUE_AT = "dueAt";
  static final String DUE_KIND = "dueKind";
  static final String DUE_ATTEMPTS = "dueAttempts";

  /** The dead letters' partition of the index: items that failed too often; no sweep reads it. */
  static final String DEAD = "DUE#DEAD";

  /** What {@link DueItem#shard()} says of a dead letter. */
  static final int DEAD_SHARD = -1;

  private static final String SHARD_PREFIX = "DUE#";
  private static final DateTimeFormatter DUE_AT_FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private DueItems() {}

  static String shardKey(int shard) {
    return SHARD_PREFIX + shard;
  }

  /** The due-index sort key: fixed width, so string order is time order. */
  static String dueAt(Instant instant) {
    return DUE_AT_FORMAT.format(instant);
  }

  /** Puts an item being written on the index: on {@code shard}, due at {@code at}. */
  static void put(Map<String, AttributeValue> item, DueKind kind, int shard, Instant at) {
    item.put(DUE_SHARD, Items.s(shardKey(shard)));
    item.put(DUE_AT, Items.s(dueAt(at)));
    item.put(DUE_KIND, Items.s(kind.name()));
  }

  /** The table key of the item that a due item of this kind is. */
  static Map<String, AttributeValue> key(DueKind kind, String ownerId, String itemId) {
    return switch (kind) {
      case CARD_VERIFICATION, PAYPAL_LINK -> PaymentMethodItems.key(ownerId, itemId);
      // an account's one deletion, under its partition
      case ACCOUNT_DELETION -> Items.key(PaymentMethodItems.accountPk(ownerId), "DELETION");
    };
  }

  /** The due item a stored item is, if it is on the index. */
  static Optional<DueItem> fromItem(Map<String, AttributeValue> item) {
    String shard = Items.string(item, DUE_SHARD);
    String at = Items.string(item, DUE_AT);
    String kindName = Items.string(item, DUE_KIND);
    if (shard == null || at == null || kindName == null) {
      return Optional.empty();
    }
    DueKind kind = DueKind.valueOf(kindName);
    AttributeValue attempts = item.get(DUE_ATTEMPTS);
    String ownerId;
    String itemId;
    switch (kind) {
      case CARD_VERIFICATION, PAYPAL_LINK -> {
        ownerId = Items.requiredString(item, PaymentMethodItems.ACCOUNT_ID);
        itemId = Items.requiredString(item, PaymentMethodItems.PAYMENT_METHOD_ID);
      }
      default -> throw new IllegalStateException("no due item of kind " + kind);
    }
    return Optional.of(
        new DueItem(
            kind,
            ownerId,
            itemId,
            DEAD.equals(shard)
                ? DEAD_SHARD
                : Integer.parseInt(shard.substring(SHARD_PREFIX.length())),
            Instant.parse(at),
            attempts == null || attempts.n() == null ? 0 : Integer.parseInt(attempts.n())));
  }
}
