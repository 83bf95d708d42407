package com.platform.accounts.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The subset of JSONPath the States Language uses: {@code $} (the data) or {@code $$} (the context
 * object), followed by {@code .name}, {@code ['name']}, {@code [index]} (negative counts from the
 * end), {@code [*]} and {@code .*}. A path with a wildcard yields an array of every match.
 *
 * <p>Filters, slices, unions and deep scans ({@code ..}) are not supported and are rejected when
 * the definition is parsed, so an unsupported path never silently selects the wrong data.
 */
final class JsonPath {

  static final JsonPath ROOT = parse("$");

  private sealed interface Segment permits Field, Index, Wildcard {}

  private record Field(String name) implements Segment {}

  private record Index(int index) implements Segment {}

  private enum Wildcard implements Segment {
    ANY
  }

  private final String text;
  private final boolean contextPath;
  private final List<Segment> segments;
  private final boolean definite;

  private JsonPath(String text, boolean contextPath, List<Segment> segments) {
    this.text = text;
    this.contextPath = contextPath;
    this.segments = List.copyOf(segments);
    this.definite = segments.stream().noneMatch(s -> s instanceof Wildcard);
  }

  /**
   * Parses a path.
   *
   * @throws IllegalArgumentException if the text is not a path this engine supports
   */
  static JsonPath parse(String text) {
    if (text == null || !text.startsWith("$")) {
      throw new IllegalArgumentException("'" + text + "' is not a JSONPath (it must start with $)");
    }
    boolean context = text.startsWith("$$");
    List<Segment> segments = new ArrayList<>();
    int i = context ? 2 : 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        i++;
        if (i >= text.length()) {
          throw invalid(text, "it ends with '.'");
        }
        if (text.charAt(i) == '.') {
          throw invalid(text, "deep scan '..' is not supported");
        }
        if (text.charAt(i) == '*') {
          segments.add(Wildcard.ANY);
          i++;
          continue;
        }
        int start = i;
        while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
          i++;
        }
        segments.add(new Field(text.substring(start, i)));
      } else if (c == '[') {
        i = parseBracket(text, i + 1, segments);
      } else {
        throw invalid(text, "unexpected '" + c + "' at position " + i);
      }
    }
    return new JsonPath(text, context, segments);
  }

  /** Parses what follows a '[' and returns the position after the closing ']'. */
  private static int parseBracket(String text, int start, List<Segment> segments) {
    if (start >= text.length()) {
      throw invalid(text, "unclosed '['");
    }
    char first = text.charAt(start);
    if (first == '\'' || first == '"') {
      StringBuilder name = new StringBuilder();
      int i = start + 1;
      while (i < text.length() && text.charAt(i) != first) {
        if (text.charAt(i) == '\\' && i + 1 < text.length()) {
          i++;
        }
        name.append(text.charAt(i));
        i++;
      }
      if (i + 1 >= text.length() || text.charAt(i + 1) != ']') {
        throw invalid(text, "unclosed quoted name");
      }
      segments.add(new Field(name.toString()));
      return i + 2;
    }
    int close = text.indexOf(']', start);
    if (close < 0) {
      throw invalid(text, "unclosed '['");
    }
    String inside = text.substring(start, close).trim();
    if (inside.equals("*")) {
      segments.add(Wildcard.ANY);
    } else {
      try {
        segments.add(new Index(Integer.parseInt(inside)));
      } catch (NumberFormatException e) {
        throw invalid(text, "'[" + inside + "]' is not supported (use [n], [*] or ['name'])");
      }
    }
    return close + 1;
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException("invalid JSONPath '" + text + "': " + reason);
  }

  String text() {
    return text;
  }

  boolean isContextPath() {
    return contextPath;
  }

  /** Whether the path names at most one value (no wildcard), as ResultPath requires. */
  boolean isDefinite() {
    return definite;
  }

  /**
   * Reads the value the path selects, or {@code null} if it selects nothing. A path with a wildcard
   * always yields an array (empty if nothing matched).
   */
  JsonNode read(Scope scope) {
    JsonNode root = contextPath ? scope.context() : scope.input();
    if (definite) {
      JsonNode current = root;
      for (Segment segment : segments) {
        current = child(current, segment);
        if (current == null) {
          return null;
        }
      }
      return current;
    }
    List<JsonNode> current = List.of(root);
    for (Segment segment : segments) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        if (segment instanceof Wildcard) {
          node.elements().forEachRemaining(next::add);
        } else {
          JsonNode child = child(node, segment);
          if (child != null) {
            next.add(child);
          }
        }
      }
      current = next;
    }
    ArrayNode matches = Json.NODES.arrayNode();
    matches.addAll(current);
    return matches;
  }

  /** Like {@link #read}, but a missing value is a States.Runtime error naming the field. */
  JsonNode readRequired(Scope scope, String field) {
    JsonNode value = read(scope);
    if (value == null) {
      JsonNode searched = contextPath ? scope.context() : scope.input();
      throw StatesError.runtime(
          "The JSONPath '"
              + text
              + "' specified for the field '"
              + field
              + "' could not be found in the "
              + (contextPath ? "context object " : "input ")
              + Json.quote(searched));
    }
    return value;
  }

  private static JsonNode child(JsonNode node, Segment segment) {
    if (segment instanceof Field field) {
      return node.isObject() ? node.get(field.name()) : null;
    }
    if (segment instanceof Index index && node.isArray()) {
      int position = index.index() < 0 ? node.size() + index.index() : index.index();
      return position >= 0 && position < node.size() ? node.get(position) : null;
    }
    return null;
  }

  /**
   * Returns a copy of {@code root} with {@code value} placed where this path points, creating
   * missing objects on the way, as ResultPath does. Only the nodes along the path are copied; the
   * rest is shared, which is safe because the engine never modifies a node once built.
   *
   * @throws StatesError States.ResultPathMatchFailure if the path runs through something that is
   *     not an object (or an array, for an index)
   */
  JsonNode write(JsonNode root, JsonNode value) {
    if (segments.isEmpty()) {
      return value;
    }
    return writeAt(root, 0, value);
  }

  private JsonNode writeAt(JsonNode node, int depth, JsonNode value) {
    Segment segment = segments.get(depth);
    boolean last = depth == segments.size() - 1;
    if (segment instanceof Field field) {
      if (node != null && !node.isObject()) {
        throw cannotWrite(node);
      }
      ObjectNode copy = Json.NODES.objectNode();
      if (node != null) {
        copy.setAll((ObjectNode) node);
      }
      JsonNode existing = node == null ? null : node.get(field.name());
      if (existing != null && existing.isNull()) {
        existing = null;
      }
      copy.set(field.name(), last ? value : writeAt(existing, depth + 1, value));
      return copy;
    }
    Index index = (Index) segment;
    if (node == null || !node.isArray()) {
      throw cannotWrite(node);
    }
    int position = index.index() < 0 ? node.size() + index.index() : index.index();
    if (position < 0 || position >= node.size()) {
      throw cannotWrite(node);
    }
    ArrayNode copy = Json.NODES.arrayNode();
    copy.addAll((ArrayNode) node);
    copy.set(position, last ? value : writeAt(node.get(position), depth + 1, value));
    return copy;
  }

  private StatesError cannotWrite(JsonNode at) {
    return new StatesError(
        StatesErrors.RESULT_PATH_MATCH_FAILURE,
        "Unable to apply ResultPath '"
            + text
            + "': it runs through "
            + (at == null ? "a missing value" : Json.quote(at)));
  }

  @Override
  public String toString() {
    return text;
  }
}
