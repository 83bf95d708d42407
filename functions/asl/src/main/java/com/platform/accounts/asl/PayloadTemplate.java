package com.platform.accounts.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A compiled payload template: Parameters, ResultSelector or ItemSelector. A key ending in {@code
 * .$} takes its value from a path or an intrinsic function (the key is written without the suffix);
 * other values are copied as they are. Objects and arrays nest to any depth.
 */
final class PayloadTemplate {

  private sealed interface Part permits Constant, Dynamic, ObjectPart, ArrayPart {
    JsonNode evaluate(Scope scope);
  }

  private record Constant(JsonNode value) implements Part {
    @Override
    public JsonNode evaluate(Scope scope) {
      return value;
    }
  }

  private record Dynamic(Intrinsics.Expr expr) implements Part {
    @Override
    public JsonNode evaluate(Scope scope) {
      return expr.evaluate(scope);
    }
  }

  private record ObjectPart(List<Map.Entry<String, Part>> fields) implements Part {
    @Override
    public JsonNode evaluate(Scope scope) {
      ObjectNode out = Json.NODES.objectNode();
      for (Map.Entry<String, Part> field : fields) {
        out.set(field.getKey(), field.getValue().evaluate(scope));
      }
      return out;
    }
  }

  private record ArrayPart(List<Part> elements) implements Part {
    @Override
    public JsonNode evaluate(Scope scope) {
      ArrayNode out = Json.NODES.arrayNode();
      for (Part element : elements) {
        out.add(element.evaluate(scope));
      }
      return out;
    }
  }

  private final Part root;

  private PayloadTemplate(Part root) {
    this.root = root;
  }

  /**
   * Compiles a template.
   *
   * @throws IllegalArgumentException for a {@code .$} key whose value is not a string holding a
   *     path or an intrinsic function
   */
  static PayloadTemplate compile(JsonNode template) {
    return new PayloadTemplate(part(template));
  }

  private static Part part(JsonNode node) {
    if (node.isObject()) {
      List<Map.Entry<String, Part>> fields = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String key = field.getKey();
        if (key.endsWith(".$")) {
          if (!field.getValue().isTextual()) {
            throw new IllegalArgumentException(
                "the value of '"
                    + key
                    + "' must be a string holding a JSONPath or an intrinsic function");
          }
          Intrinsics.Expr expr = Intrinsics.compileValue(field.getValue().textValue(), key);
          fields.add(Map.entry(key.substring(0, key.length() - 2), new Dynamic(expr)));
        } else {
          fields.add(Map.entry(key, part(field.getValue())));
        }
      }
      return new ObjectPart(List.copyOf(fields));
    }
    if (node.isArray()) {
      List<Part> elements = new ArrayList<>();
      node.elements().forEachRemaining(element -> elements.add(part(element)));
      return new ArrayPart(List.copyOf(elements));
    }
    return new Constant(node.deepCopy());
  }

  JsonNode evaluate(Scope scope) {
    return root.evaluate(scope);
  }
}
