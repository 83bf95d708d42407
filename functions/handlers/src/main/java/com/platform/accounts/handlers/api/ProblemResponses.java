package com.platform.accounts.handlers.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldError;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.handlers.Json;
import java.util.Locale;
import java.util.Map;

/**
 * The one problem+json mapper (RFC 9457), and the one table of the HTTP status of each error code
 * (API.md).
 */
public final class ProblemResponses {
  public static final String CONTENT_TYPE = "application/problem+json";
  private static final String TYPE_PREFIX = "urn:problem-type:account-lifecycle:";

  private ProblemResponses() {}

  /** The HTTP status that answers a code; a code without one does not compile. */
  public static int status(ErrorCode code) {
    return switch (code) {
      case MALFORMED_REQUEST,
          VALIDATION_FAILED,
          INVALID_CODE,
          VERIFICATION_FAILED,
          INVALID_STATE,
          INVALID_SIGNATURE ->
          400;
      case UNAUTHENTICATED, INVALID_CREDENTIALS -> 401;
      case CONTACT_VERIFICATION_REQUIRED, REAUTHENTICATION_FAILED, REQUEST_BLOCKED -> 403;
      case NOT_FOUND -> 404;
      case METHOD_NOT_ALLOWED -> 405;
      case CONFLICT,
          IDEMPOTENCY_KEY_IN_USE,
          CHANNEL_ALREADY_VERIFIED,
          ACCOUNT_ALREADY_EXISTS,
          ALREADY_VERIFIED,
          PAYPAL_ALREADY_LINKED,
          DELETION_BLOCKED ->
          409;
      case CODE_EXPIRED, VERIFICATION_LOCKED, VERIFICATION_EXPIRED -> 410;
      case PAYLOAD_TOO_LARGE -> 413;
      case URI_TOO_LONG -> 414;
      case HEADERS_TOO_LARGE -> 431;
      case IDEMPOTENCY_KEY_REUSED,
          CARD_ISSUED_IN_MAINLAND_CHINA,
          CARD_FUNDING_NOT_ACCEPTED,
          CARD_ALREADY_REGISTERED,
          ACCOUNT_ALREADY_HAS_CARD,
          CARD_COUNTRY_MISMATCH,
          CARD_EXPIRED,
          CARD_DECLINED,
          UNKNOWN_ACCOUNT ->
          422;
      case RATE_LIMITED -> 429;
      case INTERNAL_ERROR -> 500;
      case PROCESSOR_UNAVAILABLE, SERVICE_UNAVAILABLE -> 503;
    };
  }

  public static ApiResponse render(Problem problem) {
    int status = status(problem.code());
    ObjectNode body = Json.object();
    body.put("type", TYPE_PREFIX + problem.code().name().toLowerCase(Locale.ROOT));
    body.put("title", problem.title());
    body.put("status", status);
    body.put("detail", problem.detail());
    body.put("code", problem.code().name());
    if (!problem.errors().isEmpty()) {
      ArrayNode errors = body.putArray("errors");
      for (FieldError e : problem.errors()) {
        errors
            .addObject()
            .put("field", e.field())
            .put("code", e.code().name())
            .put("message", e.message());
      }
    }
    for (Map.Entry<String, Object> ext : problem.extensions().entrySet()) {
      body.set(ext.getKey(), Json.MAPPER.valueToTree(ext.getValue()));
    }
    ApiResponse response = new ApiResponse(status, Map.of("Content-Type", CONTENT_TYPE), body);
    if (problem.retryAfterSeconds() > 0) {
      response = response.withHeader("Retry-After", Long.toString(problem.retryAfterSeconds()));
    }
    return response;
  }
}
