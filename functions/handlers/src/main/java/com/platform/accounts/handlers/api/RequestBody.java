package com.platform.accounts.handlers.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.problem.FieldError;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.UnicodeText;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.handlers.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON request body read field by field. A field of the wrong type is recorded in the validation
 * (and read as null) so that the core can still report every other bad field in the same answer.
 * Text that is not valid Unicode is refused as the body is parsed (API.md).
 */
public final class RequestBody {
  public static final int MAX_BYTES = 16 * 1024;
  private final ObjectNode node;
  private final Validation validation = new Validation();

  private RequestBody(ObjectNode node) {
    this.node = node;
  }

  /** Parses the body; a missing body reads as {@code {}} when {@code optional}. */
  public static RequestBody parse(String body, boolean optional) {
    if (body == null || body.isBlank()) {
      if (optional) {
        return new RequestBody(Json.object());
      }
      throw Problem.malformed("A JSON object body is required.");
    }
    if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw Problem.malformed("The body is larger than 16 KiB.");
    }
    JsonNode parsed;
    try {
      parsed = Json.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      // the parser's message may quote the body, which may hold a password: never echo it
      throw Problem.malformed("The body is not valid JSON.");
    }
    if (parsed == null || !parsed.isObject()) {
      throw Problem.malformed("The body must be a JSON object.");
    }
    List<FieldError> invalidText = new ArrayList<>();
    checkText(parsed, "", invalidText);
    if (!invalidText.isEmpty()) {
      throw Problem.validation(invalidText);
    }
    return new RequestBody((ObjectNode) parsed);
  }

  /**
   * Refuses text that is not valid Unicode anywhere in the body, nested members included, before
   * any route reads a field: no service ever stores, compares or hashes such text. Fields are named
   * by their path ({@code localAmounts.currency}, {@code items[0]}); a member name cannot be named
   * back, so such a body is malformed.
   */
  private static void checkText(JsonNode node, String path, List<FieldError> invalid) {
    if (node.isTextual()) {
      if (!UnicodeText.isValid(node.textValue())) {
        invalid.add(
            new FieldError(
                path,
                FieldErrorCode.INVALID_VALUE,
                "Must be valid Unicode text (no unpaired surrogate, no NUL character)."));
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        if (!UnicodeText.isValid(member.getKey())) {
          throw Problem.malformed("A member name of the body is not valid Unicode text.");
        }
        String name = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
        checkText(member.getValue(), name, invalid);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        checkText(node.get(i), path + "[" + i + "]", invalid);
      }
    }
  }

  /** The whole object, for bodies with nested members that a route reads itself. */
  public ObjectNode node() {
    return node;
  }

  public Validation validation() {
    return validation;
  }

  /** A string field; null when absent or JSON null; a non-string is recorded as a type error. */
  public String string(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      validation.reject(field, FieldErrorCode.INVALID_TYPE, "Must be a string.");
      return null;
    }
    return value.textValue();
  }

  /** A string field that must be present. */
  public String requiredString(String field) {
    String value = string(field);
    if (value == null && !validation.hasError(field)) {
      validation.reject(field, FieldErrorCode.REQUIRED, "Required.");
    }
    return value;
  }

  /** A boolean field; null when absent; anything but true/false is a type error. */
  public Boolean bool(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      validation.reject(field, FieldErrorCode.INVALID_TYPE, "Must be true or false.");
      return null;
    }
    return value.booleanValue();
  }
}
