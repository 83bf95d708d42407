package com.platform.accounts.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Choice rule: a comparison of the value at {@code Variable} against a literal or against another
 * path, a type test, or And/Or/Not of nested rules.
 *
 * <p>Semantics follow AWS: a comparison whose operand has the wrong type is simply false (so {@code
 * StringEquals} on a number does not match), a {@code Variable} that does not exist is a
 * States.Runtime error for every operator except {@code IsPresent}, and so is a {@code ...Path}
 * operand that does not exist.
 */
sealed interface ChoiceRule {

  boolean matches(Scope scope);

  /** Fields a rule may carry besides its operator. */
  Set<String> RULE_FIELDS = Set.of("Variable", "Next", "Comment");

  record And(List<ChoiceRule> rules) implements ChoiceRule {
    public And {
      rules = List.copyOf(rules);
    }

    @Override
    public boolean matches(Scope scope) {
      for (ChoiceRule rule : rules) {
        if (!rule.matches(scope)) {
          return false;
        }
      }
      return true;
    }
  }

  record Or(List<ChoiceRule> rules) implements ChoiceRule {
    public Or {
      rules = List.copyOf(rules);
    }

    @Override
    public boolean matches(Scope scope) {
      for (ChoiceRule rule : rules) {
        if (rule.matches(scope)) {
          return true;
        }
      }
      return false;
    }
  }

  record Not(ChoiceRule rule) implements ChoiceRule {
    @Override
    public boolean matches(Scope scope) {
      return !rule.matches(scope);
    }
  }

  /**
   * One comparison. Exactly one of {@code value} and {@code valuePath} is set, except for the type
   * tests, where {@code value} is the expected boolean.
   */
  record Comparison(
      JsonPath variable, Operator operator, JsonNode value, JsonPath valuePath, Pattern pattern)
      implements ChoiceRule {

    @Override
    public boolean matches(Scope scope) {
      JsonNode actual = variable.read(scope);
      if (operator == Operator.IS_PRESENT) {
        return (actual != null) == value.booleanValue();
      }
      if (actual == null) {
        throw StatesError.runtime(
            "Invalid path '"
                + variable.text()
                + "': The choice state's condition path references an invalid value.");
      }
      if (operator.kind == Kind.TYPE_TEST) {
        return typeTest(actual) == value.booleanValue();
      }
      if (operator == Operator.STRING_MATCHES) {
        return actual.isTextual() && pattern.matcher(actual.textValue()).matches();
      }
      JsonNode expected =
          valuePath == null ? value : valuePath.readRequired(scope, operator.spelling + "Path");
      Integer order = compare(actual, expected);
      return order != null && operator.accepts.test(order);
    }

    private boolean typeTest(JsonNode actual) {
      return switch (operator) {
        case IS_NULL -> actual.isNull();
        case IS_NUMERIC -> actual.isNumber();
        case IS_STRING -> actual.isTextual();
        case IS_BOOLEAN -> actual.isBoolean();
        case IS_TIMESTAMP -> actual.isTextual() && Timestamps.parse(actual.textValue()).isPresent();
        default -> throw new IllegalStateException("not a type test: " + operator);
      };
    }

    /** The order of two operands, or null when their types do not fit the operator. */
    private Integer compare(JsonNode actual, JsonNode expected) {
      switch (operator.kind) {
        case STRING:
          return actual.isTextual() && expected.isTextual()
              ? Integer.signum(actual.textValue().compareTo(expected.textValue()))
              : null;
        case NUMERIC:
          return actual.isNumber() && expected.isNumber()
              ? Json.decimal(actual).compareTo(Json.decimal(expected))
              : null;
        case BOOLEAN:
          return actual.isBoolean() && expected.isBoolean()
              ? Boolean.compare(actual.booleanValue(), expected.booleanValue())
              : null;
        case TIMESTAMP:
          Optional<Instant> left =
              actual.isTextual() ? Timestamps.parse(actual.textValue()) : Optional.empty();
          Optional<Instant> right =
              expected.isTextual() ? Timestamps.parse(expected.textValue()) : Optional.empty();
          return left.isPresent() && right.isPresent() ? left.get().compareTo(right.get()) : null;
        default:
          throw new IllegalStateException("not a comparison: " + operator);
      }
    }
  }

  /** What an operator compares. */
  enum Kind {
    STRING,
    NUMERIC,
    BOOLEAN,
    TIMESTAMP,
    MATCHES,
    TYPE_TEST
  }

  /** The comparison operators; each non-test operator except StringMatches has a ...Path twin. */
  enum Operator {
    STRING_EQUALS("StringEquals", Kind.STRING, c -> c == 0),
    STRING_LESS_THAN("StringLessThan", Kind.STRING, c -> c < 0),
    STRING_GREATER_THAN("StringGreaterThan", Kind.STRING, c -> c > 0),
    STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING, c -> c <= 0),
    STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING, c -> c >= 0),
    STRING_MATCHES("StringMatches", Kind.MATCHES, null),
    NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, c -> c == 0),
    NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, c -> c < 0),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, c -> c > 0),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, c -> c <= 0),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC, c -> c >= 0),
    BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN, c -> c == 0),
    TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP, c -> c == 0),
    TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP, c -> c < 0),
    TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP, c -> c > 0),
    TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP, c -> c <= 0),
    TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP, c -> c >= 0),
    IS_NULL("IsNull", Kind.TYPE_TEST, null),
    IS_PRESENT("IsPresent", Kind.TYPE_TEST, null),
    IS_NUMERIC("IsNumeric", Kind.TYPE_TEST, null),
    IS_STRING("IsString", Kind.TYPE_TEST, null),
    IS_BOOLEAN("IsBoolean", Kind.TYPE_TEST, null),
    IS_TIMESTAMP("IsTimestamp", Kind.TYPE_TEST, null);

    private static final Map<String, Operator> BY_SPELLING =
        Arrays.stream(values()).collect(Collectors.toMap(o -> o.spelling, o -> o));

    final String spelling;
    final Kind kind;
    final IntPredicate accepts;

    Operator(String spelling, Kind kind, IntPredicate accepts) {
      this.spelling = spelling;
      this.kind = kind;
      this.accepts = accepts;
    }

    boolean hasPathVariant() {
      return kind != Kind.TYPE_TEST && kind != Kind.MATCHES;
    }
  }

  /**
   * Parses a rule.
   *
   * @param node the rule object
   * @param topLevel whether it is a direct element of Choices (only those carry Next)
   * @throws IllegalArgumentException if the rule is malformed
   */
  static ChoiceRule parse(JsonNode node, boolean topLevel) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("a choice rule must be an object");
    }
    if (topLevel && !node.path("Next").isTextual()) {
      throw new IllegalArgumentException("a choice rule needs a Next state");
    }
    if (!topLevel && node.has("Next")) {
      throw new IllegalArgumentException("a rule nested in And, Or or Not must not have Next");
    }
    if (node.has("Condition")) {
      throw new IllegalArgumentException("'Condition' is JSONata, which is not supported");
    }
    if (node.has("And")) {
      return new And(nested(node, "And"));
    }
    if (node.has("Or")) {
      return new Or(nested(node, "Or"));
    }
    if (node.has("Not")) {
      onlyFields(node, "Not");
      return new Not(parse(node.get("Not"), false));
    }
    return comparison(node);
  }

  private static List<ChoiceRule> nested(JsonNode node, String operator) {
    onlyFields(node, operator);
    JsonNode rules = node.get(operator);
    if (!rules.isArray() || rules.isEmpty()) {
      throw new IllegalArgumentException("'" + operator + "' must be a non-empty array of rules");
    }
    List<ChoiceRule> parsed = new ArrayList<>();
    rules.forEach(rule -> parsed.add(parse(rule, false)));
    return List.copyOf(parsed);
  }

  private static void onlyFields(JsonNode node, String operator) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!field.equals(operator) && !field.equals("Next") && !field.equals("Comment")) {
        throw new IllegalArgumentException(
            "a rule with '" + operator + "' cannot also have '" + field + "'");
      }
    }
  }

  private static ChoiceRule comparison(JsonNode node) {
    if (!node.path("Variable").isTextual()) {
      throw new IllegalArgumentException("a comparison needs a Variable path");
    }
    JsonPath variable = JsonPath.parse(node.get("Variable").textValue());
    String found = null;
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (RULE_FIELDS.contains(field)) {
        continue;
      }
      if (found != null) {
        throw new IllegalArgumentException(
            "a rule has two operators, '" + found + "' and '" + field + "'");
      }
      found = field;
    }
    if (found == null) {
      throw new IllegalArgumentException("the rule on " + variable + " has no comparison operator");
    }
    JsonNode operand = node.get(found);
    Operator operator = Operator.BY_SPELLING.get(found);
    if (operator == null && found.endsWith("Path")) {
      Operator base = Operator.BY_SPELLING.get(found.substring(0, found.length() - 4));
      if (base != null && base.hasPathVariant()) {
        if (!operand.isTextual()) {
          throw new IllegalArgumentException("'" + found + "' must be a path string");
        }
        return new Comparison(variable, base, null, JsonPath.parse(operand.textValue()), null);
      }
    }
    if (operator == null) {
      throw new IllegalArgumentException("unknown comparison operator '" + found + "'");
    }
    checkOperand(operator, operand);
    Pattern pattern = operator == Operator.STRING_MATCHES ? glob(operand.textValue()) : null;
    return new Comparison(variable, operator, operand.deepCopy(), null, pattern);
  }

  private static void checkOperand(Operator operator, JsonNode operand) {
    boolean ok =
        switch (operator.kind) {
          case STRING, MATCHES -> operand.isTextual();
          case NUMERIC -> operand.isNumber();
          case BOOLEAN, TYPE_TEST -> operand.isBoolean();
          case TIMESTAMP ->
              operand.isTextual() && Timestamps.parse(operand.textValue()).isPresent();
        };
    if (!ok) {
      String expected =
          switch (operator.kind) {
            case STRING, MATCHES -> "a string";
            case NUMERIC -> "a number";
            case BOOLEAN, TYPE_TEST -> "a boolean";
            case TIMESTAMP -> "an RFC 3339 timestamp string";
          };
      throw new IllegalArgumentException(
          "'" + operator.spelling + "' must be " + expected + ", not " + Json.quote(operand));
    }
  }

  /**
   * StringMatches patterns: {@code *} matches any run of characters; {@code \*} and {@code \\}
   * escape.
   */
  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        literal.append(pattern.charAt(++i));
      } else if (c == '*') {
        regex.append(Pattern.quote(literal.toString())).append(".*");
        literal.setLength(0);
      } else {
        literal.append(c);
      }
    }
    regex.append(Pattern.quote(literal.toString()));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
