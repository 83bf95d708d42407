package com.platform.accounts.payments;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.platform.accounts.core.paypal.PayPalRefusedException;
import com.platform.accounts.core.paypal.PayPalUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * PayPal's REST API as the PayPal adapters use it: one {@link HttpClient}, and one OAuth 2.0 access
 * token (client credentials) shared by every call of every adapter built on the same instance, so
 * the vault gateway and the webhook verifier of a function fetch one token between them.
 *
 * <p>The token is kept until {@value #RENEW_BEFORE_SECONDS} seconds before PayPal's {@code
 * expires_in}; one thread at a time fetches a new one while the others wait for it. An API call
 * answered 401 (PayPal revoked the token early, or a clock drifted) drops that token, fetches a new
 * one and is sent once more, with the same {@code PayPal-Request-Id}; a second 401 is {@link
 * PayPalUnavailableException}.
 *
 * <p>A call whose connection failed (refused, reset, or a kept-alive connection PayPal had closed
 * meanwhile, as after an idle spell or a SnapStart restore) is sent once more at once. That is safe
 * for every call made here: a POST that creates something carries its {@code PayPal-Request-Id}, so
 * PayPal answers a second one with what the first created; a DELETE of a token already gone answers
 * 404, which the gateway takes as done; a new access token or a signature check has no effect. A
 * timeout, a 5xx or a 429 is {@link PayPalUnavailableException} without a retry here: the caller
 * retries later with the same request id. Redirects are never followed.
 *
 * <p>Nothing this class throws names the client id or secret, an access token, a request id or any
 * of PayPal's token ids: messages carry the operation, the HTTP status, PayPal's error name or
 * issue (only when it is a plain upper-case code) and its {@code debug_id}.
 */
public final class PayPalApi {

  /** How long before PayPal's expiry a token is renewed. */
  static final long RENEW_BEFORE_SECONDS = 60;

  /** PayPal keeps a {@code PayPal-Request-Id} of at most 108 characters. */
  private static final int MAX_REQUEST_ID = 108;

  private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,100}");
  private static final Pattern DEBUG_ID = Pattern.compile("[A-Za-z0-9]{1,64}");

  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final String basicAuthorization;
  private final URI baseUrl;
  private final Duration timeout;
  private final HttpClient http;
  private final Clock clock;

  private final ReentrantLock renewal = new ReentrantLock();
  private volatile AccessToken token;

  private record AccessToken(String value, Instant renewAt) {
    @Override
    public String toString() {
      return "AccessToken[***]";
    }
  }

  /** An answer of PayPal: its status and its body (a missing node when it had none). */
  record Answer(int status, JsonNode body) {}

  /**
   * @param clientId the REST app's client id
   * @param clientSecret the REST app's secret
   * @param baseUrl {@code https://api-m.sandbox.paypal.com}, {@code https://api-m.paypal.com}, or a
   *     test double
   * @param timeout connect timeout and answer timeout of each request
   */
  public PayPalApi(String clientId, String clientSecret, URI baseUrl, Duration timeout) {
    this(clientId, clientSecret, baseUrl, timeout, Clock.systemUTC());
  }

  PayPalApi(String clientId, String clientSecret, URI baseUrl, Duration timeout, Clock clock) {
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("the PayPal client id is missing");
    }
    if (clientSecret == null || clientSecret.isBlank()) {
      throw new IllegalArgumentException("the PayPal client secret is missing");
    }
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    String base = baseUrl.toString();
    this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    this.basicAuthorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    this.timeout = timeout;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * POSTs a JSON body with the bearer token.
   *
   * @param requestId the {@code PayPal-Request-Id}, or null for a call that creates nothing
   */
  Answer post(String operation, String path, String jsonBody, String requestId) {
    if (requestId != null) {
      requireRequestId(requestId);
    }
    return authorized(
        operation,
        bearer -> {
          HttpRequest.Builder request =
              request(path, bearer)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
          if (requestId != null) {
            request.header("PayPal-Request-Id", requestId);
          }
          return request.build();
        });
  }

  /** DELETEs a resource with the bearer token. */
  Answer delete(String operation, String path) {
    return authorized(operation, bearer -> request(path, bearer).DELETE().build());
  }

  private HttpRequest.Builder request(String path, String bearer) {
    return HttpRequest.newBuilder(baseUrl.resolve(path))
        .timeout(timeout)
        .header("Authorization", "Bearer " + bearer)
        .header("Accept", "application/json");
  }

  private interface RequestFor {
    HttpRequest build(String bearer);
  }

  private Answer authorized(String operation, RequestFor request) {
    AccessToken current = token(operation);
    Answer answer = send(operation, request.build(current.value()));
    if (answer.status() == 401) {
      // PayPal no longer takes this token before its announced expiry: one new token, one retry
      forget(current);
      answer = send(operation, request.build(token(operation).value()));
      if (answer.status() == 401) {
        throw new PayPalUnavailableException(
            "PayPal refused a freshly issued access token on "
                + operation
                + ": 401"
                + describe(answer)
                + "; the client credentials may lack the vault scope");
      }
    }
    if (answer.status() >= 500 || answer.status() == 429 || answer.status() == 408) {
      throw new PayPalUnavailableException(
          "PayPal could not answer " + operation + ": " + answer.status() + describe(answer));
    }
    return answer;
  }

  /** A 4xx answer as the port's refusal, with PayPal's issue when it names one. */
  static PayPalRefusedException refused(Answer answer) {
    return new PayPalRefusedException(answer.status(), issue(answer.body()));
  }

  /**
   * PayPal's machine-readable reason: {@code details[0].issue}, else the error's {@code name}, else
   * (the OAuth endpoint's form) {@code error} upper-cased; only when it is a plain code, so that
   * nothing PayPal echoes from the request reaches a message.
   */
  static String issue(JsonNode body) {
    String issue = body.path("details").path(0).path("issue").asText(null);
    if (issue == null) {
      issue = body.path("name").asText(null);
    }
    if (issue == null && body.hasNonNull("error")) {
      issue = body.path("error").asText("").toUpperCase(Locale.ROOT);
    }
    return issue != null && CODE.matcher(issue).matches() ? issue : null;
  }

  private static String describe(Answer answer) {
    StringBuilder text = new StringBuilder();
    String issue = issue(answer.body());
    if (issue != null) {
      text.append(' ').append(issue);
    }
    String debugId = answer.body().path("debug_id").asText(null);
    if (debugId != null && DEBUG_ID.matcher(debugId).matches()) {
      text.append(" (debug_id ").append(debugId).append(')');
    }
    return text.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // the access token

  private AccessToken token(String operation) {
    AccessToken current = token;
    if (fresh(current)) {
      return current;
    }
    renewal.lock();
    try {
      current = token;
      if (fresh(current)) {
        // another thread renewed it while this one waited
        return current;
      }
      AccessToken renewed = fetchToken(operation);
      token = renewed;
      return renewed;
    } finally {
      renewal.unlock();
    }
  }

  private boolean fresh(AccessToken candidate) {
    return candidate != null && clock.instant().isBefore(candidate.renewAt());
  }

  /** Drops a refused token, unless another thread has replaced it already. */
  private void forget(AccessToken refused) {
    renewal.lock();
    try {
      if (token == refused) {
        token = null;
      }
    } finally {
      renewal.unlock();
    }
  }

  private AccessToken fetchToken(String operation) {
    HttpRequest request =
        HttpRequest.newBuilder(baseUrl.resolve("/v1/oauth2/token"))
            .timeout(timeout)
            .header("Authorization", basicAuthorization)
            .header("Accept", "application/json")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    String what = "the access token for " + operation;
    Answer answer = send(what, request);
    if (answer.status() != 200) {
      // a refused client id or secret is a configuration fault: the call can succeed once the
      // service's keys are right, so it is not the payer's refusal
      throw new PayPalUnavailableException(
          "PayPal did not issue " + what + ": " + answer.status() + describe(answer));
    }
    String value = answer.body().path("access_token").asText("");
    long expiresIn = answer.body().path("expires_in").asLong(0);
    if (value.isBlank() || expiresIn <= 0) {
      throw new PayPalUnavailableException("PayPal answered " + what + " without a usable token");
    }
    long keepFor = Math.max(0, expiresIn - RENEW_BEFORE_SECONDS);
    return new AccessToken(value, clock.instant().plusSeconds(keepFor));
  }

  // ---------------------------------------------------------------------------------------------
  // the wire

  private Answer send(String operation, HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = exchange(request);
    } catch (HttpTimeoutException timedOut) {
      // the time is spent: the caller's retry comes later, within its own deadline
      throw unavailable(operation, timedOut);
    } catch (IOException broken) {
      // refused, reset, or a kept-alive connection PayPal had closed meanwhile (after an idle
      // spell or a snapshot restore): every call here may be sent twice, see the class comment
      try {
        response = exchange(request);
      } catch (IOException again) {
        throw unavailable(operation, again);
      }
    }
    return new Answer(response.statusCode(), body(response.body()));
  }

  private HttpResponse<String> exchange(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new PayPalUnavailableException("interrupted while waiting for PayPal", interrupted);
    }
  }

  private PayPalUnavailableException unavailable(String operation, IOException failure) {
    // the exception's own message may quote the URL; its class says what happened
    String what =
        failure instanceof HttpTimeoutException
            ? "did not answer within " + timeout
            : "could not be reached (" + failure.getClass().getSimpleName() + ")";
    return new PayPalUnavailableException("PayPal " + what + " on " + operation);
  }

  private static JsonNode body(String text) {
    if (text == null || text.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(text);
    } catch (IOException notJson) {
      // a proxy's HTML error page: the status says enough
      return MissingNode.getInstance();
    }
  }

  static void requireRequestId(String requestId) {
    if (requestId == null
        || requestId.isBlank()
        || requestId.length() > MAX_REQUEST_ID
        || !requestId.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
      throw new IllegalArgumentException(
          "a PayPal-Request-Id is 1 to " + MAX_REQUEST_ID + " visible ASCII characters");
    }
  }
}
