package com.platform.accounts.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringTokenizer;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Intrinsic functions ({@code States.Format(...)} and friends): a parser that compiles the
 * expression once, when the definition is parsed, and the functions themselves.
 *
 * <p>Argument syntax: string literals in single quotes (with {@code \'}, {@code \\}, {@code \{} and
 * {@code \}} escapes), numbers, {@code true}, {@code false}, {@code null}, paths ({@code $...} or
 * {@code $$...}) and nested intrinsic calls.
 */
final class Intrinsics {

  /** AWS allows up to 10 nested intrinsic calls in one field. */
  private static final int MAX_NESTING = 10;

  /** AWS caps the input of the Base64 functions and of States.Hash at 10,000 characters. */
  private static final int MAX_TEXT_INPUT = 10_000;

  /** AWS caps States.ArrayRange at 1,000 elements. */
  private static final int MAX_RANGE = 1_000;

  private static final Set<String> HASH_ALGORITHMS =
      Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  private Intrinsics() {}

  /** A compiled expression: a literal, a path or an intrinsic call. */
  interface Expr {
    JsonNode evaluate(Scope scope);
  }

  /** Whether a {@code .$} value is an intrinsic call rather than a path. */
  static boolean isIntrinsic(String text) {
    return text.startsWith("States.");
  }

  /**
   * Compiles a {@code .$} value: a path or an intrinsic call.
   *
   * @param field the field it belongs to, for error messages
   * @throws IllegalArgumentException if the text is neither a supported path nor a valid call
   */
  static Expr compileValue(String text, String field) {
    if (text.startsWith("$")) {
      return new PathExpr(JsonPath.parse(text), field);
    }
    if (isIntrinsic(text)) {
      Parser parser = new Parser(text, field);
      Expr call = parser.call(1);
      parser.skipSpaces();
      if (!parser.atEnd()) {
        throw parser.error("unexpected text after the closing ')'");
      }
      return call;
    }
    throw new IllegalArgumentException(
        "field '"
            + field
            + "' must hold a JSONPath (starting with $) or an intrinsic function, not '"
            + text
            + "'");
  }

  private record Literal(JsonNode value) implements Expr {
    @Override
    public JsonNode evaluate(Scope scope) {
      return value;
    }
  }

  /**
   * A string literal. States.Format needs the text as written, because there an escaped brace is a
   * literal brace while {@code {}} is a placeholder; everywhere else the escapes are resolved.
   */
  private record StringLiteral(TextNode value, String written) implements Expr {
    @Override
    public JsonNode evaluate(Scope scope) {
      return value;
    }
  }

  private record PathExpr(JsonPath path, String field) implements Expr {
    @Override
    public JsonNode evaluate(Scope scope) {
      return path.readRequired(scope, field);
    }
  }

  private record Call(Intrinsic function, List<Expr> args) implements Expr {
    @Override
    public JsonNode evaluate(Scope scope) {
      if (function == Intrinsic.FORMAT) {
        return format(scope, args);
      }
      List<JsonNode> values = new ArrayList<>(args.size());
      for (Expr arg : args) {
        values.add(arg.evaluate(scope));
      }
      return function.apply(new Args(function.spelling, values));
    }
  }

  /** The intrinsic functions with how many arguments each takes. */
  private enum Intrinsic {
    FORMAT("States.Format", 1, Integer.MAX_VALUE, null),
    STRING_TO_JSON("States.StringToJson", 1, 1, Intrinsics::stringToJson),
    JSON_TO_STRING("States.JsonToString", 1, 1, a -> TextNode.valueOf(Json.write(a.get(0)))),
    ARRAY("States.Array", 0, Integer.MAX_VALUE, Intrinsics::array),
    ARRAY_PARTITION("States.ArrayPartition", 2, 2, Intrinsics::arrayPartition),
    ARRAY_CONTAINS("States.ArrayContains", 2, 2, Intrinsics::arrayContains),
    ARRAY_RANGE("States.ArrayRange", 3, 3, Intrinsics::arrayRange),
    ARRAY_GET_ITEM("States.ArrayGetItem", 2, 2, Intrinsics::arrayGetItem),
    ARRAY_LENGTH("States.ArrayLength", 1, 1, a -> Json.number(a.array(0).size())),
    ARRAY_UNIQUE("States.ArrayUnique", 1, 1, Intrinsics::arrayUnique),
    BASE64_ENCODE("States.Base64Encode", 1, 1, Intrinsics::base64Encode),
    BASE64_DECODE("States.Base64Decode", 1, 1, Intrinsics::base64Decode),
    HASH("States.Hash", 2, 2, Intrinsics::hash),
    JSON_MERGE("States.JsonMerge", 3, 3, Intrinsics::jsonMerge),
    MATH_RANDOM("States.MathRandom", 2, 3, Intrinsics::mathRandom),
    MATH_ADD("States.MathAdd", 2, 2, Intrinsics::mathAdd),
    STRING_SPLIT("States.StringSplit", 2, 2, Intrinsics::stringSplit),
    RANDOM_UUID("States.UUID", 0, 0, a -> TextNode.valueOf(UUID.randomUUID().toString()));

    private static final Map<String, Intrinsic> BY_SPELLING =
        Arrays.stream(values()).collect(Collectors.toMap(f -> f.spelling, f -> f));

    final String spelling;
    final int minArgs;
    final int maxArgs;
    private final Function<Args, JsonNode> body;

    Intrinsic(String spelling, int minArgs, int maxArgs, Function<Args, JsonNode> body) {
      this.spelling = spelling;
      this.minArgs = minArgs;
      this.maxArgs = maxArgs;
      this.body = body;
    }

    JsonNode apply(Args args) {
      return body.apply(args);
    }
  }

  /**
   * Evaluated arguments with typed accessors that fail the way AWS does (States.IntrinsicFailure).
   */
  private record Args(String function, List<JsonNode> values) {
    JsonNode get(int i) {
      return values.get(i);
    }

    int size() {
      return values.size();
    }

    ArrayNode array(int i) {
      JsonNode value = values.get(i);
      if (!value.isArray()) {
        throw wrongType(i, "an array", value);
      }
      return (ArrayNode) value;
    }

    ObjectNode object(int i) {
      JsonNode value = values.get(i);
      if (!value.isObject()) {
        throw wrongType(i, "a JSON object", value);
      }
      return (ObjectNode) value;
    }

    String text(int i) {
      JsonNode value = values.get(i);
      if (!value.isTextual()) {
        throw wrongType(i, "a string", value);
      }
      return value.textValue();
    }

    long whole(int i) {
      Long value = Json.wholeNumber(values.get(i));
      if (value == null) {
        throw wrongType(i, "an integer", values.get(i));
      }
      return value;
    }

    boolean bool(int i) {
      JsonNode value = values.get(i);
      if (!value.isBoolean()) {
        throw wrongType(i, "a boolean", value);
      }
      return value.booleanValue();
    }

    StatesError fail(String reason) {
      return StatesError.intrinsic(function + ": " + reason);
    }

    private StatesError wrongType(int i, String expected, JsonNode actual) {
      return fail("argument " + (i + 1) + " must be " + expected + ", got " + Json.quote(actual));
    }
  }

  private static JsonNode format(Scope scope, List<Expr> args) {
    Args evaluated =
        new Args(
            Intrinsic.FORMAT.spelling,
            args.stream().map(a -> a.evaluate(scope)).collect(Collectors.toList()));
    String template =
        args.get(0) instanceof StringLiteral literal ? literal.written() : evaluated.text(0);
    StringBuilder out = new StringBuilder();
    int next = 1;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '\\' && i + 1 < template.length()) {
        out.append(template.charAt(++i));
      } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
        if (next >= evaluated.size()) {
          throw evaluated.fail("the template has more {} placeholders than arguments");
        }
        JsonNode value = evaluated.get(next++);
        if (value.isContainerNode()) {
          throw evaluated.fail(
              "argument "
                  + next
                  + " must be a string, number, boolean or null, got "
                  + Json.quote(value));
        }
        out.append(value.isTextual() ? value.textValue() : value.toString());
        i++;
      } else {
        out.append(c);
      }
    }
    if (next != evaluated.size()) {
      throw evaluated.fail(
          "the template has "
              + (next - 1)
              + " {} placeholders but "
              + (evaluated.size() - 1)
              + " arguments were given");
    }
    return TextNode.valueOf(out.toString());
  }

  private static JsonNode stringToJson(Args a) {
    try {
      return Json.parse(a.text(0));
    } catch (JsonProcessingException e) {
      throw a.fail("the argument is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static JsonNode array(Args a) {
    ArrayNode out = Json.NODES.arrayNode();
    out.addAll(a.values());
    return out;
  }

  private static JsonNode arrayPartition(Args a) {
    ArrayNode array = a.array(0);
    long size = a.whole(1);
    if (size <= 0) {
      throw a.fail("the chunk size must be a positive integer, got " + size);
    }
    ArrayNode out = Json.NODES.arrayNode();
    ArrayNode chunk = null;
    for (JsonNode element : array) {
      if (chunk == null || chunk.size() == size) {
        chunk = out.addArray();
      }
      chunk.add(element);
    }
    return out;
  }

  private static JsonNode arrayContains(Args a) {
    JsonNode wanted = a.get(1);
    for (JsonNode element : a.array(0)) {
      if (Json.sameValue(element, wanted)) {
        return BooleanNode.TRUE;
      }
    }
    return BooleanNode.FALSE;
  }

  private static JsonNode arrayRange(Args a) {
    long first = a.whole(0);
    long last = a.whole(1);
    long step = a.whole(2);
    if (step == 0) {
      throw a.fail("the step must not be 0");
    }
    ArrayNode out = Json.NODES.arrayNode();
    for (long value = first; step > 0 ? value <= last : value >= last; value += step) {
      if (out.size() == MAX_RANGE) {
        throw a.fail("the range has more than " + MAX_RANGE + " elements");
      }
      out.add(Json.number(value));
    }
    return out;
  }

  private static JsonNode arrayGetItem(Args a) {
    ArrayNode array = a.array(0);
    long index = a.whole(1);
    if (index < 0 || index >= array.size()) {
      throw a.fail("index " + index + " is outside an array of " + array.size() + " elements");
    }
    return array.get((int) index);
  }

  private static JsonNode arrayUnique(Args a) {
    ArrayNode out = Json.NODES.arrayNode();
    for (JsonNode element : a.array(0)) {
      boolean seen = false;
      for (JsonNode kept : out) {
        if (Json.sameValue(kept, element)) {
          seen = true;
          break;
        }
      }
      if (!seen) {
        out.add(element);
      }
    }
    return out;
  }

  private static JsonNode base64Encode(Args a) {
    String text = limited(a, a.text(0));
    return TextNode.valueOf(
        Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static JsonNode base64Decode(Args a) {
    String text = limited(a, a.text(0));
    try {
      return TextNode.valueOf(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw a.fail("the argument is not valid Base64: " + e.getMessage());
    }
  }

  private static JsonNode hash(Args a) {
    String data = limited(a, a.text(0));
    String algorithm = a.text(1);
    if (!HASH_ALGORITHMS.contains(algorithm)) {
      throw a.fail(
          "unsupported algorithm '"
              + algorithm
              + "' (use one of MD5, SHA-1, SHA-256, "
              + "SHA-384, SHA-512)");
    }
    try {
      byte[] digest =
          MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
      return TextNode.valueOf(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      // Every Java runtime must provide these algorithms.
      throw new IllegalStateException("the runtime lacks " + algorithm, e);
    }
  }

  private static JsonNode jsonMerge(Args a) {
    ObjectNode first = a.object(0);
    ObjectNode second = a.object(1);
    if (a.bool(2)) {
      // AWS only implements the shallow merge and rejects true; refusing here keeps parity.
      throw a.fail("deep merge is not supported; the third argument must be false");
    }
    ObjectNode out = Json.NODES.objectNode();
    out.setAll(first);
    out.setAll(second);
    return out;
  }

  private static JsonNode mathRandom(Args a) {
    long start = a.whole(0);
    long end = a.whole(1);
    if (start >= end) {
      throw a.fail("the start (" + start + ") must be less than the end (" + end + ")");
    }
    // As documented by AWS: start inclusive, end exclusive; a seed makes the result repeatable.
    Random random = a.size() == 3 ? new Random(a.whole(2)) : ThreadLocalRandom.current();
    return Json.number(random.nextLong(start, end));
  }

  private static JsonNode mathAdd(Args a) {
    for (int i = 0; i < 2; i++) {
      if (!a.get(i).isNumber()) {
        throw a.fail("argument " + (i + 1) + " must be a number, got " + Json.quote(a.get(i)));
      }
    }
    return Json.number(Json.decimal(a.get(0)).add(Json.decimal(a.get(1))));
  }

  private static JsonNode stringSplit(Args a) {
    // Every character of the second argument is a separator, and empty pieces are dropped, so
    // States.StringSplit('a,,b', ',') is ["a","b"].
    StringTokenizer tokens = new StringTokenizer(a.text(0), a.text(1));
    ArrayNode out = Json.NODES.arrayNode();
    while (tokens.hasMoreTokens()) {
      out.add(tokens.nextToken());
    }
    return out;
  }

  private static String limited(Args a, String text) {
    if (text.length() > MAX_TEXT_INPUT) {
      throw a.fail("the input is longer than " + MAX_TEXT_INPUT + " characters");
    }
    return text;
  }

  /** A recursive-descent parser for one intrinsic call. */
  private static final class Parser {
    private final String text;
    private final String field;
    private int pos;

    Parser(String text, String field) {
      this.text = text;
      this.field = field;
    }

    Expr call(int depth) {
      if (depth > MAX_NESTING) {
        throw error("more than " + MAX_NESTING + " nested intrinsic functions");
      }
      int start = pos;
      while (pos < text.length()
          && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
        pos++;
      }
      String name = text.substring(start, pos);
      Intrinsic function = Intrinsic.BY_SPELLING.get(name);
      if (function == null) {
        throw error("unknown intrinsic function '" + name + "'");
      }
      skipSpaces();
      expect('(');
      List<Expr> args = new ArrayList<>();
      skipSpaces();
      if (peek() != ')') {
        args.add(argument(depth));
        skipSpaces();
        while (peek() == ',') {
          pos++;
          args.add(argument(depth));
          skipSpaces();
        }
      }
      expect(')');
      if (args.size() < function.minArgs || args.size() > function.maxArgs) {
        String expected =
            function.minArgs == function.maxArgs
                ? "" + function.minArgs
                : function.maxArgs == Integer.MAX_VALUE
                    ? "at least " + function.minArgs
                    : function.minArgs + " to " + function.maxArgs;
        throw error(name + " takes " + expected + " arguments, not " + args.size());
      }
      return new Call(function, args);
    }

    private Expr argument(int depth) {
      skipSpaces();
      char c = peek();
      if (c == '\'') {
        return string();
      }
      if (c == '$') {
        return path();
      }
      if (c == '-' || Character.isDigit(c)) {
        return number();
      }
      if (text.startsWith("States.", pos)) {
        return call(depth + 1);
      }
      for (String word : List.of("true", "false", "null")) {
        if (text.startsWith(word, pos)) {
          pos += word.length();
          return new Literal(
              word.equals("null")
                  ? NullNode.getInstance()
                  : BooleanNode.valueOf(word.equals("true")));
        }
      }
      throw error("unexpected " + (atEnd() ? "end" : "'" + c + "'") + " where an argument belongs");
    }

    private Expr string() {
      int start = ++pos;
      StringBuilder value = new StringBuilder();
      while (pos < text.length() && text.charAt(pos) != '\'') {
        if (text.charAt(pos) == '\\' && pos + 1 < text.length()) {
          pos++;
        }
        value.append(text.charAt(pos++));
      }
      if (atEnd()) {
        throw error("unterminated string literal");
      }
      String written = text.substring(start, pos);
      pos++;
      return new StringLiteral(TextNode.valueOf(value.toString()), written);
    }

    /** A path runs to the next ',' or ')' outside brackets and quotes. */
    private Expr path() {
      int start = pos;
      int brackets = 0;
      char quote = 0;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          }
        } else if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '[') {
          brackets++;
        } else if (c == ']') {
          brackets--;
        } else if (brackets == 0 && (c == ',' || c == ')' || Character.isWhitespace(c))) {
          break;
        }
        pos++;
      }
      String written = text.substring(start, pos);
      try {
        return new PathExpr(JsonPath.parse(written), field);
      } catch (IllegalArgumentException e) {
        throw error(e.getMessage());
      }
    }

    private Expr number() {
      int start = pos;
      if (peek() == '-') {
        pos++;
      }
      while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) {
        pos++;
      }
      String written = text.substring(start, pos);
      try {
        return new Literal(Json.number(new BigDecimal(written)));
      } catch (NumberFormatException e) {
        throw error("'" + written + "' is not a number");
      }
    }

    void skipSpaces() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    boolean atEnd() {
      return pos >= text.length();
    }

    private char peek() {
      return atEnd() ? 0 : text.charAt(pos);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "' at position " + pos);
      }
      pos++;
    }

    IllegalArgumentException error(String reason) {
      return new IllegalArgumentException(
          "invalid intrinsic function in field '" + field + "' (" + text + "): " + reason);
    }
  }
}
