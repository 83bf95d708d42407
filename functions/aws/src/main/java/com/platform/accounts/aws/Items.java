package com.platform.accounts.aws;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The hand-written mapping between records and DynamoDB items shared by the stores: no reflection
 * and no table schema to build at start-up.
 *
 * <p>Instants are kept as ISO-8601 strings, which round-trip exactly. An item with a lifetime
 * carries it twice: {@code expiresAt} in whole epoch seconds, rounded up, for DynamoDB's TTL (which
 * wants seconds and must never delete an item early), and {@code expiresAtNanos}, the exact instant
 * in epoch nanoseconds, which the stores compare against in reads and conditions so that an item is
 * live exactly while {@code now < expiresAt}.
 */
final class Items {
  static final String PK = "pk";
  static final String SK = "sk";
  static final String VERSION = "version";
  static final String EXPIRES_AT = "expiresAt";
  static final String EXPIRES_AT_NANOS = "expiresAtNanos";

  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

  private Items() {}

  static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of(PK, s(pk), SK, s(sk));
  }

  /** A new item holding its key. */
  static Map<String, AttributeValue> item(String pk, String sk) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(PK, s(pk));
    item.put(SK, s(sk));
    return item;
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static AttributeValue bool(boolean value) {
    return AttributeValue.fromBool(value);
  }

  static AttributeValue epochNanos(Instant instant) {
    BigInteger nanos =
        BigInteger.valueOf(instant.getEpochSecond())
            .multiply(NANOS_PER_SECOND)
            .add(BigInteger.valueOf(instant.getNano()));
    return AttributeValue.fromN(nanos.toString());
  }

  /** Null values are left out: an absent attribute reads back as null. */
  static void putString(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) {
      item.put(name, s(value));
    }
  }

  static void putInstant(Map<String, AttributeValue> item, String name, Instant value) {
    if (value != null) {
      item.put(name, s(value.toString()));
    }
  }

  static void putEnum(Map<String, AttributeValue> item, String name, Enum<?> value) {
    if (value != null) {
      item.put(name, s(value.name()));
    }
  }

  static void putExpiry(Map<String, AttributeValue> item, Instant expiresAt) {
    long ttlSeconds = expiresAt.getEpochSecond() + (expiresAt.getNano() > 0 ? 1 : 0);
    item.put(EXPIRES_AT, n(ttlSeconds));
    item.put(EXPIRES_AT_NANOS, epochNanos(expiresAt));
  }

  static String string(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  static String requiredString(Map<String, AttributeValue> item, String name) {
    String value = string(item, name);
    if (value == null) {
      throw new IllegalStateException("stored item lacks attribute " + name);
    }
    return value;
  }

  static Instant instant(Map<String, AttributeValue> item, String name) {
    String value = string(item, name);
    return value == null ? null : Instant.parse(value);
  }

  static <E extends Enum<E>> E enumValue(
      Map<String, AttributeValue> item, String name, Class<E> type) {
    String value = string(item, name);
    return value == null ? null : Enum.valueOf(type, value);
  }

  static long number(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    if (value == null || value.n() == null) {
      throw new IllegalStateException("stored item lacks attribute " + name);
    }
    return Long.parseLong(value.n());
  }

  static int integer(Map<String, AttributeValue> item, String name) {
    return Math.toIntExact(number(item, name));
  }

  static boolean bool(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value != null && Boolean.TRUE.equals(value.bool());
  }

  static Instant expiry(Map<String, AttributeValue> item) {
    AttributeValue value = item.get(EXPIRES_AT_NANOS);
    if (value == null || value.n() == null) {
      throw new IllegalStateException("stored item lacks attribute " + EXPIRES_AT_NANOS);
    }
    BigInteger[] secondsAndNanos = new BigInteger(value.n()).divideAndRemainder(NANOS_PER_SECOND);
    return Instant.ofEpochSecond(
        secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
  }

  /** True while {@code now} is before the item's exact expiry. */
  static boolean live(Map<String, AttributeValue> item, Instant now) {
    return now.isBefore(expiry(item));
  }

  static List<AttributeValue> instants(List<Instant> values) {
    return values.stream().map(i -> s(i.toString())).toList();
  }

  static List<Instant> instantList(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    if (value == null || !value.hasL()) {
      return List.of();
    }
    return value.l().stream().map(v -> Instant.parse(v.s())).toList();
  }
}
