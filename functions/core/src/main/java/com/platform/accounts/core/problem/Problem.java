package com.platform.accounts.core.problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on, rendered as RFC 9457 problem+json by the API layer. It carries the
 * HTTP status because that status is part of the public contract of each error code.
 */
public class Problem extends RuntimeException {
  private final int status;
  private final String code;
  private final String title;
  private final transient List<FieldError> errors;
  private final transient Map<String, Object> extensions;
  private final long retryAfterSeconds;

  private Problem(int status, String code, String title, String detail, List<FieldError> errors,
      Map<String, Object> extensions, long retryAfterSeconds) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.extensions = Map.copyOf(extensions);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static Problem of(int status, String code, String title, String detail) {
    return new Problem(status, code, title, detail, List.of(), Map.of(), 0);
  }

  public static Problem validation(List<FieldError> errors) {
    return new Problem(400, ErrorCode.VALIDATION_FAILED, "Validation failed",
        "One or more fields are invalid.", errors, Map.of(), 0);
  }

  public static Problem malformed(String detail) {
    return of(400, ErrorCode.MALFORMED_REQUEST, "Malformed request", detail);
  }

  public static Problem rateLimited(long retryAfterSeconds) {
    return new Problem(429, ErrorCode.RATE_LIMITED, "Too many requests",
        "Try again in " + retryAfterSeconds + " seconds.", List.of(), Map.of(),
        Math.max(1, retryAfterSeconds));
  }

  /** 429 with the wait rounded up to whole seconds, as Retry-After needs. */
  public static Problem rateLimited(Duration wait) {
    long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    return rateLimited(Math.max(1, seconds));
  }

  public static Problem unauthenticated() {
    return of(401, ErrorCode.UNAUTHENTICATED, "Unauthenticated",
        "A valid session is required.");
  }

  public static Problem notFound(String what) {
    return of(404, ErrorCode.NOT_FOUND, "Not found", what + " was not found.");
  }

  /** The same problem with one more member in the body, e.g. {@code attemptsRemaining}. */
  public Problem with(String name, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(extensions);
    more.put(name, value);
    return new Problem(status, code, title, getMessage(), errors, more, retryAfterSeconds);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  public List<FieldError> errors() {
    return errors;
  }

  public Map<String, Object> extensions() {
    return extensions;
  }

  /** Seconds for the Retry-After header; 0 when the problem is not a rate limit. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
