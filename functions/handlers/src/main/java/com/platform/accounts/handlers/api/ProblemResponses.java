package com.platform.accounts.handlers.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.problem.FieldError;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.handlers.Json;
import java.util.Locale;
import java.util.Map;

/** The one problem+json mapper (RFC 9457). */
public final class ProblemResponses {
  public static final String CONTENT_TYPE = "application/problem+json";
  private static final String TYPE_PREFIX = "urn:problem-type:account-lifecycle:";

  private ProblemResponses() {}

  public static ApiResponse render(Problem problem) {
    ObjectNode body = Json.object();
    body.put("type", TYPE_PREFIX + problem.code().toLowerCase(Locale.ROOT));
    body.put("title", problem.title());
    body.put("status", problem.status());
    body.put("detail", problem.detail());
    body.put("code", problem.code());
    if (!problem.errors().isEmpty()) {
      ArrayNode errors = body.putArray("errors");
      for (FieldError e : problem.errors()) {
        errors.addObject().put("field", e.field()).put("code", e.code())
            .put("message", e.message());
      }
    }
    for (Map.Entry<String, Object> ext : problem.extensions().entrySet()) {
      body.set(ext.getKey(), Json.MAPPER.valueToTree(ext.getValue()));
    }
    ApiResponse response = new ApiResponse(problem.status(),
        Map.of("Content-Type", CONTENT_TYPE), body);
    if (problem.retryAfterSeconds() > 0) {
      response = response.withHeader("Retry-After", Long.toString(problem.retryAfterSeconds()));
    }
    return response;
  }
}
