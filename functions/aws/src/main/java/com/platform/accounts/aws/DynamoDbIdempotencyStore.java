package com.platform.accounts.aws;

import com.platform.accounts.core.idempotency.IdempotencyRecord;
import com.platform.accounts.core.port.IdempotencyStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Idempotency records in the table, {@code IDEMPOTENCY#<key>}/{@code IDEMPOTENCY}. Round trips: 1
 * GetItem, PutItem or DeleteItem per operation.
 */
final class DynamoDbIdempotencyStore implements IdempotencyStore {
  private static final String SK = "IDEMPOTENCY";

  private final DynamoDbTable table;

  DynamoDbIdempotencyStore(DynamoDbTable table) {
    this.table = table;
  }

  @Override
  public Optional<IdempotencyRecord> find(String key, Instant now) {
    return table
        .get(key(key))
        .filter(item -> Items.live(item, now))
        .map(DynamoDbIdempotencyStore::fromItem);
  }

  @Override
  public boolean claim(IdempotencyRecord inProgress) {
    return table.putIf(toItem(inProgress), Condition.absentOrExpired(table.now()));
  }

  @Override
  public void complete(IdempotencyRecord completed) {
    // only the claimant completes its key, so there is nothing to race against
    table.put(toItem(completed));
  }

  @Override
  public void release(String key) {
    table.delete(key(key));
  }

  private static Map<String, AttributeValue> key(String key) {
    return Items.key("IDEMPOTENCY#" + key, SK);
  }

  private static Map<String, AttributeValue> toItem(IdempotencyRecord r) {
    Map<String, AttributeValue> item = Items.item("IDEMPOTENCY#" + r.key(), SK);
    item.put("key", Items.s(r.key()));
    Items.putString(item, "requestHash", r.requestHash());
    item.put("completed", Items.bool(r.completed()));
    Items.putString(item, "answer", r.answer());
    Items.putExpiry(item, r.expiresAt());
    return item;
  }

  private static IdempotencyRecord fromItem(Map<String, AttributeValue> item) {
    return new IdempotencyRecord(
        Items.requiredString(item, "key"),
        Items.string(item, "requestHash"),
        Items.bool(item, "completed"),
        Items.string(item, "answer"),
        Items.expiry(item));
  }
}
