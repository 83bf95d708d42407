package com.platform.accounts.aws;

import com.platform.accounts.core.due.DueItem;
import com.platform.accounts.core.due.DuePage;
import com.platform.accounts.core.due.DueShards;
import com.platform.accounts.core.port.DueIndex;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The due-index in the table (see {@link DueItems}). Round trips: {@code due} 1 Query on the index
 * (keys only) and 1 BatchGetItem of the hits (up to 100, strongly consistent); {@code retryAt} and
 * {@code deadLetter} 1 conditional UpdateItem; {@code deadLetters} 1 Query and 1 BatchGetItem.
 *
 * <p>The index is eventually consistent: a hit may have been finished or moved a moment ago. Each
 * hit is read again from its item and dropped unless the item is still on that shard and due. The
 * writes are conditional on the shard and due time the sweep read, so a card that its own work
 * rewrote meanwhile (an owner's answer, a removal) is never pushed back or dead-lettered by a sweep
 * that read it before.
 */
final class DynamoDbDueIndex implements DueIndex {
  private static final Comparator<DueItem> DUE_ORDER =
      Comparator.comparing(DueItem::dueAt)
          .thenComparing(DueItem::ownerId)
          .thenComparing(DueItem::itemId);

  private final DynamoDbTable table;
  private final DueShards shards;

  DynamoDbDueIndex(DynamoDbTable table, DueShards shards) {
    this.table = table;
    this.shards = shards;
  }

  @Override
  public DueShards shards() {
    return shards;
  }

  @Override
  public DuePage due(int shard, Instant now, Optional<String> after, int limit) {
    if (shard < 0 || shard >= shards.count()) {
      throw new IllegalArgumentException("no due-index shard " + shard);
    }
    String shardKey = DueItems.shardKey(shard);
    String until = DueItems.dueAt(now);
    QueryRequest.Builder query =
        QueryRequest.builder()
            .indexName(DueItems.DUE_INDEX)
            .keyConditionExpression("#shard = :shard AND #dueAt <= :now")
            .expressionAttributeNames(
                Map.of("#shard", DueItems.DUE_SHARD, "#dueAt", DueItems.DUE_AT))
            .expressionAttributeValues(Map.of(":shard", Items.s(shardKey), ":now", Items.s(until)));
    return page(query, shardKey, after, limit, at -> at.compareTo(until) <= 0);
  }

  @Override
  public boolean retryAt(DueItem read, Instant at, int attempts) {
    return move(read, DueItems.shardKey(read.shard()), at, attempts);
  }

  @Override
  public boolean deadLetter(DueItem read, int attempts) {
    return move(read, DueItems.DEAD, read.dueAt(), attempts);
  }

  @Override
  public DuePage deadLetters(Optional<String> after, int limit) {
    QueryRequest.Builder query =
        QueryRequest.builder()
            .indexName(DueItems.DUE_INDEX)
            .keyConditionExpression("#shard = :shard")
            .expressionAttributeNames(Map.of("#shard", DueItems.DUE_SHARD))
            .expressionAttributeValues(Map.of(":shard", Items.s(DueItems.DEAD)));
    return page(query, DueItems.DEAD, after, limit, at -> true);
  }

  /** One page of index hits, each read again from its item and kept if still where it was. */
  private DuePage page(
      QueryRequest.Builder query,
      String shardKey,
      Optional<String> after,
      int limit,
      Predicate<String> dueAtWanted) {
    if (limit < 1) {
      return new DuePage(List.of(), Optional.empty());
    }
    query.scanIndexForward(true).limit(limit);
    after.ifPresent(position -> query.exclusiveStartKey(startKey(shardKey, position)));
    QueryResponse hits = table.query(query);
    List<Map<String, AttributeValue>> keys =
        hits.items().stream().map(PaymentMethodItems::keyOf).toList();
    List<DueItem> items = new ArrayList<>();
    if (!keys.isEmpty()) {
      for (Map<String, AttributeValue> item : table.getAll(keys)) {
        if (shardKey.equals(Items.string(item, DueItems.DUE_SHARD))
            && dueAtWanted.test(Items.string(item, DueItems.DUE_AT))) {
          DueItems.fromItem(item).ifPresent(items::add);
        }
      }
    }
    items.sort(DUE_ORDER);
    Optional<String> next =
        hits.hasLastEvaluatedKey() && !hits.lastEvaluatedKey().isEmpty()
            ? Optional.of(position(hits.lastEvaluatedKey()))
            : Optional.empty();
    return new DuePage(items, next);
  }

  private boolean move(DueItem read, String shardKey, Instant at, int attempts) {
    Map<String, String> names = new HashMap<>();
    names.put("#shard", DueItems.DUE_SHARD);
    names.put("#dueAt", DueItems.DUE_AT);
    names.put("#attempts", DueItems.DUE_ATTEMPTS);
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":shard", Items.s(shardKey));
    values.put(":at", Items.s(DueItems.dueAt(at)));
    values.put(":attempts", Items.n(attempts));
    values.put(":readShard", Items.s(DueItems.shardKey(read.shard())));
    values.put(":readAt", Items.s(DueItems.dueAt(read.dueAt())));
    return table.updateIf(
        DueItems.key(read.kind(), read.ownerId(), read.itemId()),
        new Change("SET #shard = :shard, #dueAt = :at, #attempts = :attempts", names, values),
        new Condition("#shard = :readShard AND #dueAt = :readAt", Map.of(), Map.of()));
  }

  /** Where a page ended, as an opaque string: the hit's table key and due time. */
  private static String position(Map<String, AttributeValue> lastKey) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return String.join(
        ".",
        b64.encodeToString(
            Items.requiredString(lastKey, Items.PK).getBytes(StandardCharsets.UTF_8)),
        b64.encodeToString(
            Items.requiredString(lastKey, Items.SK).getBytes(StandardCharsets.UTF_8)),
        b64.encodeToString(
            Items.requiredString(lastKey, DueItems.DUE_AT).getBytes(StandardCharsets.UTF_8)));
  }

  private static Map<String, AttributeValue> startKey(String shardKey, String position) {
    String[] parts = position.split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a due-index position");
    }
    Base64.Decoder b64 = Base64.getUrlDecoder();
    return Map.of(
        Items.PK, Items.s(new String(b64.decode(parts[0]), StandardCharsets.UTF_8)),
        Items.SK, Items.s(new String(b64.decode(parts[1]), StandardCharsets.UTF_8)),
        DueItems.DUE_SHARD, Items.s(shardKey),
        DueItems.DUE_AT, Items.s(new String(b64.decode(parts[2]), StandardCharsets.UTF_8)));
  }
}
