package com.platform.accounts.handlers.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.idempotency.Idempotency;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.handlers.Json;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP answer as it is sent and as an Idempotency-Key keeps it: status, headers in their order,
 * and the body's text exactly as first written (null for none).
 */
record StoredResponse(int status, Map<String, String> headers, String body) {

  /**
   * How idempotency keeps answers: a passing answer (a 429, any 5xx, a problem whose code {@link
   * ErrorCode#isPassing() passes}) is not final, so a retry with the same key runs again; every
   * other answer, errors included, is kept as a JSON document and replayed.
   */
  static final Idempotency.Answers<StoredResponse> ANSWERS =
      new Idempotency.Answers<>() {
        @Override
        public boolean isFinal(StoredResponse answer) {
          if (answer.status() == 429 || answer.status() >= 500) {
            return false;
          }
          return problemCode(answer).map(code -> !code.isPassing()).orElse(true);
        }

        @Override
        public String serialize(StoredResponse answer) {
          ObjectNode node = Json.object();
          node.put("status", answer.status());
          ObjectNode headers = node.putObject("headers");
          answer.headers().forEach(headers::put);
          node.put("body", answer.body());
          return Json.write(node);
        }

        @Override
        public StoredResponse deserialize(String serialized) {
          JsonNode node;
          try {
            node = Json.MAPPER.readTree(serialized);
          } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer unreadable", e);
          }
          Map<String, String> headers = new LinkedHashMap<>();
          for (Iterator<Map.Entry<String, JsonNode>> it = node.path("headers").fields();
              it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            headers.put(header.getKey(), header.getValue().asText());
          }
          JsonNode body = node.path("body");
          return new StoredResponse(
              node.path("status").asInt(), headers, body.isTextual() ? body.textValue() : null);
        }
      };

  /** The {@code code} of a problem+json answer, if it is one of ours. */
  private static Optional<ErrorCode> problemCode(StoredResponse answer) {
    if (answer.body() == null
        || !ProblemResponses.CONTENT_TYPE.equals(answer.headers().get("Content-Type"))) {
      return Optional.empty();
    }
    try {
      String code = Json.MAPPER.readTree(answer.body()).path("code").asText("");
      return Arrays.stream(ErrorCode.values()).filter(c -> c.name().equals(code)).findFirst();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("problem answer unreadable", e);
    }
  }
}
