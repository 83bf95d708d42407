package com.platform.accounts.aws;

import com.platform.accounts.core.port.ProcessedEvents;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Handled deliveries in the table, an item per event, {@code EVENT#<source>#<eventId>}/{@code
 * EVENT#<source>}, with a TTL at the instant it is kept to. The sort key repeats the source so that
 * a source or an id with a {@code #} in it never names another event's item. Round trips: 1 GetItem
 * or 1 conditional PutItem per operation.
 */
final class DynamoDbProcessedEvents implements ProcessedEvents {
  private static final String PREFIX = "EVENT#";

  private final DynamoDbTable table;

  DynamoDbProcessedEvents(DynamoDbTable table) {
    this.table = table;
  }

  @Override
  public boolean seen(String source, String eventId, Instant now) {
    // an item past its expiry that TTL has not removed yet is no longer kept
    return table.get(key(source, eventId)).filter(item -> Items.live(item, now)).isPresent();
  }

  @Override
  public void record(String source, String eventId, Instant keepUntil) {
    Map<String, AttributeValue> item = Items.item(PREFIX + source + "#" + eventId, PREFIX + source);
    item.put("source", Items.s(source));
    item.put("eventId", Items.s(eventId));
    Items.putExpiry(item, keepUntil);
    // an event still kept keeps its first record: losing the condition is the expected outcome
    table.putIf(item, Condition.absentOrExpired(table.now()));
  }

  private static Map<String, AttributeValue> key(String source, String eventId) {
    return Items.key(PREFIX + source + "#" + eventId, PREFIX + source);
  }
}
