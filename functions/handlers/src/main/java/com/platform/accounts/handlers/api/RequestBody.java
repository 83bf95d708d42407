package com.platform.accounts.handlers.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.handlers.Json;
import java.nio.charset.StandardCharsets;

/**
 * A JSON request body read field by field. A field of the wrong type is recorded in the validation
 * (and read as null) so that the core can still report every other bad field in the same answer.
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
    return new RequestBody((ObjectNode) parsed);
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
