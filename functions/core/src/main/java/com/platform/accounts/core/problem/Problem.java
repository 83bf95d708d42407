package com.platform.accounts.core.problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A failure the caller can act on: what went wrong ({@link ErrorCode}), a title and a detail for
 * people, the bad fields and any further members of the answer. The API layer renders it (RFC 9457
 * problem+json) and chooses the HTTP status from the code.
 */
public final class Problem extends RuntimeException {
  private final ErrorCode code;
  private final String title;
  private final transient List<FieldError> errors;
  private final transient Map<String, Object> extensions;
  private final long retryAfterSeconds;

  private Problem(
      ErrorCode code,
      String title,
      String detail,
      List<FieldError> errors,
      Map<String, Object> extensions,
      long retryAfterSeconds) {
    super(detail, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.title = title;
    this.errors = List.copyOf(errors);
    this.extensions = Map.copyOf(extensions);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static Problem of(ErrorCode code, String title, String detail) {
    return new Problem(code, title, detail, List.of(), Map.of(), 0);
  }

  public static Problem validation(List<FieldError> errors) {
    return new Problem(
        ErrorCode.VALIDATION_FAILED,
        "Validation failed",
        "One or more fields are invalid.",
        errors,
        Map.of(),
        0);
  }

  public static Problem malformed(String detail) {
    return of(ErrorCode.MALFORMED_REQUEST, "Malformed request", detail);
  }

  public static Problem rateLimited(long retryAfterSeconds) {
    return new Problem(
        ErrorCode.RATE_LIMITED,
        "Too many requests",
        "Try again in " + retryAfterSeconds + " seconds.",
        List.of(),
        Map.of(),
        Math.max(1, retryAfterSeconds));
  }

  /** A rate limit with the wait rounded up to whole seconds, as Retry-After needs. */
  public static Problem rateLimited(Duration wait) {
    long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    return rateLimited(Math.max(1, seconds));
  }

  /**
   * A dependency refused or did not answer (throttling, an outage) before anything was done: 503
   * with a Retry-After, so that a client retries the same request, which then does it once.
   */
  public static Problem unavailable(String detail, long retryAfterSeconds) {
    return new Problem(
        ErrorCode.SERVICE_UNAVAILABLE,
        "Service unavailable",
        detail,
        List.of(),
        Map.of(),
        Math.max(1, retryAfterSeconds));
  }

  /** A rate limit with its own explanation, the wait rounded up to whole seconds. */
  public static Problem rateLimited(Duration wait, String detail) {
    long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    return new Problem(
        ErrorCode.RATE_LIMITED,
        "Too many requests",
        detail,
        List.of(),
        Map.of(),
        Math.max(1, seconds));
  }

  public static Problem unauthenticated() {
    return of(ErrorCode.UNAUTHENTICATED, "Unauthenticated", "A valid session is required.");
  }

  public static Problem notFound(String what) {
    return of(ErrorCode.NOT_FOUND, "Not found", what + " was not found.");
  }

  /** The same problem with one more member in the body, e.g. {@code attemptsRemaining}. */
  public Problem with(String name, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(extensions);
    more.put(name, value);
    return new Problem(code, title, getMessage(), errors, more, retryAfterSeconds);
  }

  public ErrorCode code() {
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

  /** Seconds the caller must wait before trying again; 0 when the problem is not a rate limit. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
