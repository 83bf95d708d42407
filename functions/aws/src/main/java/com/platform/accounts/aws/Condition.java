package com.platform.accounts.aws;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The condition of a write, with exactly the names and values its expression uses (DynamoDB refuses
 * unused ones). Attribute names go through placeholders so none can clash with a reserved word.
 */
record Condition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {

  /** No item under the key. */
  static Condition absent() {
    return new Condition("attribute_not_exists(#pk)", Map.of("#pk", Items.PK), Map.of());
  }

  /**
   * No item under the key, or one past its lifetime: TTL deletes lag by hours or days, and such an
   * item is as good as gone.
   */
  static Condition absentOrExpired(Instant now) {
    return new Condition(
        "attribute_not_exists(#pk) OR #expiry <= :now",
        Map.of("#pk", Items.PK, "#expiry", Items.EXPIRES_AT_NANOS),
        Map.of(":now", Items.epochNanos(now)));
  }

  /** The stored item is still the one read: its version did not move (a missing item fails). */
  static Condition versionIs(long expected) {
    return new Condition(
        "#version = :expected",
        Map.of("#version", Items.VERSION),
        Map.of(":expected", Items.n(expected)));
  }

  /** As {@link #versionIs}, and the item has not expired meanwhile. */
  static Condition liveVersionIs(long expected, Instant now) {
    return new Condition(
        "#version = :expected AND #expiry > :now",
        Map.of("#version", Items.VERSION, "#expiry", Items.EXPIRES_AT_NANOS),
        Map.of(":expected", Items.n(expected), ":now", Items.epochNanos(now)));
  }

  PutItemRequest.Builder applyTo(PutItemRequest.Builder put) {
    put.conditionExpression(expression).expressionAttributeNames(names);
    // an empty value map is refused, not ignored
    return values.isEmpty() ? put : put.expressionAttributeValues(values);
  }

  Put.Builder applyTo(Put.Builder put) {
    put.conditionExpression(expression).expressionAttributeNames(names);
    return values.isEmpty() ? put : put.expressionAttributeValues(values);
  }
}
