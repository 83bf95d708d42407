package com.platform.accounts.aws;

import com.platform.accounts.core.port.RateLimitStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Rate-limit counters in the table, {@code RATE#<key>}/{@code RATE}, each taken by one conditional
 * {@code ADD}. Round trips: {@code increment} 1 UpdateItem; {@code count} 1 GetItem.
 */
final class DynamoDbRateLimitStore implements RateLimitStore {
  private static final String SK = "RATE";
  private static final String COUNT = "count";

  private final DynamoDbTable table;

  DynamoDbRateLimitStore(DynamoDbTable table) {
    this.table = table;
  }

  @Override
  public boolean increment(String key, int limit, Instant expiresAt) {
    if (limit < 1) {
      return false;
    }
    // the first increment sets the lifetime; later ones keep it, so TTL ends the period it counts
    Map<String, AttributeValue> expiry = new HashMap<>();
    Items.putExpiry(expiry, expiresAt);
    Change add =
        new Change(
            "ADD #count :one SET #exp = if_not_exists(#exp, :exp),"
                + " #expNanos = if_not_exists(#expNanos, :expNanos)",
            Map.of("#count", COUNT, "#exp", Items.EXPIRES_AT, "#expNanos", Items.EXPIRES_AT_NANOS),
            Map.of(
                ":one",
                Items.n(1),
                ":exp",
                expiry.get(Items.EXPIRES_AT),
                ":expNanos",
                expiry.get(Items.EXPIRES_AT_NANOS)));
    Condition belowLimit =
        new Condition(
            "attribute_not_exists(#count) OR #count < :limit",
            Map.of("#count", COUNT),
            Map.of(":limit", Items.n(limit)));
    return table.updateIf(Items.key("RATE#" + key, SK), add, belowLimit);
  }

  @Override
  public long count(String key, Instant now) {
    return table
        .get(Items.key("RATE#" + key, SK))
        .filter(item -> Items.live(item, now))
        .map(item -> Items.number(item, COUNT))
        .orElse(0L);
  }
}
