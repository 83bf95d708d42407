package com.platform.accounts.aws;

import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.port.RateLimitStore;
import com.platform.accounts.core.ratelimit.RateWindow;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Rate windows in the table, {@code RATE#<key>}/{@code RATE}. Round trips: {@code find} 1 GetItem;
 * {@code save} 1 conditional PutItem.
 */
final class DynamoDbRateLimitStore implements RateLimitStore {
  private static final String SK = "RATE";
  private static final String KEY = "key";
  private static final String EVENTS = "events";

  private final DynamoDbTable table;

  DynamoDbRateLimitStore(DynamoDbTable table) {
    this.table = table;
  }

  @Override
  public Optional<RateWindow> find(String key, Instant now) {
    return table
        .get(Items.key("RATE#" + key, SK))
        .filter(item -> Items.live(item, now))
        .map(DynamoDbRateLimitStore::fromItem);
  }

  @Override
  public void save(RateWindow window) {
    Instant now = table.now();
    // version 0 is how the caller says it found no live window; any live stored one has version >=
    // 1
    Condition unchanged =
        window.version() == 0
            ? Condition.absentOrExpired(now)
            : Condition.liveVersionIs(window.version(), now);
    if (!table.putIf(toItem(window), unchanged)) {
      throw new ConcurrentModificationException("rate window");
    }
  }

  private static Map<String, AttributeValue> toItem(RateWindow window) {
    Map<String, AttributeValue> item = Items.item("RATE#" + window.key(), SK);
    item.put(KEY, Items.s(window.key()));
    item.put(EVENTS, AttributeValue.fromL(Items.instants(window.events())));
    Items.putExpiry(item, window.expiresAt());
    item.put(Items.VERSION, Items.n(window.version() + 1));
    return item;
  }

  private static RateWindow fromItem(Map<String, AttributeValue> item) {
    return new RateWindow(
        Items.requiredString(item, KEY),
        Items.instantList(item, EVENTS),
        Items.expiry(item),
        Items.number(item, Items.VERSION));
  }
}
