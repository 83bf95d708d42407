package com.platform.accounts.handlers.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.idempotency.Idempotency;
import com.platform.accounts.handlers.Json;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP answer as it is sent and as an Idempotency-Key keeps it: status, headers in their order,
 * and the body's text exactly as first written (null for none).
 */
record StoredResponse(int status, Map<String, String> headers, String body) {

  /**
   * How idempotency keeps answers: a server failure (5xx) is not final, so a retry with the same
   * key runs again; every other answer, errors included, is kept as a JSON document and replayed.
   */
  static final Idempotency.Answers<StoredResponse> ANSWERS =
      new Idempotency.Answers<>() {
        @Override
        public boolean isFinal(StoredResponse answer) {
          return answer.status() < 500;
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
}
