package com.platform.accounts.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;

/** Shared JSON plumbing. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Error messages quote data; long payloads are cut so a message stays readable. */
  private static final int QUOTE_LIMIT = 300;

  private Json() {}

  static JsonNode parse(String text) throws JsonProcessingException {
    return MAPPER.readTree(text);
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      // A tree built from JSON always serialises; failing here would be a Jackson defect.
      throw new IllegalStateException("cannot serialise JSON", e);
    }
  }

  /** A private copy of a caller's value, so later changes on either side do not leak across. */
  static JsonNode copy(JsonNode node) {
    return node == null ? NullNode.getInstance() : node.deepCopy();
  }

  static String quote(JsonNode node) {
    String text = write(node);
    return text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT) + "...";
  }

  /** The exact decimal value of a number node, so 1, 1.0 and 1.00 compare as equal. */
  static BigDecimal decimal(JsonNode number) {
    if (number.isIntegralNumber()) {
      return new BigDecimal(number.bigIntegerValue());
    }
    if (number.isBigDecimal()) {
      return number.decimalValue();
    }
    return BigDecimal.valueOf(number.doubleValue());
  }

  /** JSON equality where numbers compare by value rather than by node type. */
  static boolean sameValue(JsonNode a, JsonNode b) {
    return a.equals(
        (x, y) -> {
          if (x.isNumber() && y.isNumber()) {
            return decimal(x).compareTo(decimal(y));
          }
          return x.equals(y) ? 0 : 1;
        },
        b);
  }

  /**
   * A number node of the type Jackson itself would parse the value into (int, long or double), so
   * values the engine computes compare equal to the same values read from JSON text.
   */
  static JsonNode number(BigDecimal value) {
    try {
      long whole = value.longValueExact();
      return whole == (int) whole ? NODES.numberNode((int) whole) : NODES.numberNode(whole);
    } catch (ArithmeticException notWhole) {
      return NODES.numberNode(value.doubleValue());
    }
  }

  static JsonNode number(long value) {
    return number(BigDecimal.valueOf(value));
  }

  /** The integer value of a node if it is a whole number that fits in a long, otherwise null. */
  static Long wholeNumber(JsonNode node) {
    if (node == null || !node.isNumber()) {
      return null;
    }
    try {
      return decimal(node).longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
