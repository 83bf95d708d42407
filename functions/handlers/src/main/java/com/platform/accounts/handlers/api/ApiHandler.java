package com.platform.accounts.handlers.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.crypto.Sha256;
import com.platform.accounts.core.idempotency.Idempotency;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldError;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.session.Authenticator;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.wiring.ApiWiring;
import com.platform.accounts.handlers.wiring.Settings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The shared frame of every API function: routing by the API Gateway resource, body limits,
 * Idempotency-Key handling, authentication, and problem+json for every failure. Subclasses only
 * declare their routes.
 */
public abstract class ApiHandler implements RequestStreamHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
  private final Settings.Api settings;
  private final Authenticator authenticator;

  /** Null for a function without POST routes, which has no Idempotency-Key to honour. */
  private final Idempotency idempotency;

  private final Map<String, Endpoint> routes = new LinkedHashMap<>();

  /** A declared route, and whether the frame authenticates its caller first. */
  private record Endpoint(boolean needsSession, SessionRoute route) {}

  /** The frame of a function that serves POST routes, which honour Idempotency-Key. */
  protected ApiHandler(Authenticator authenticator, Idempotency idempotency) {
    this(authenticator, Objects.requireNonNull(idempotency, "idempotency"), ApiWiring.settings());
  }

  /** The frame of a function that serves no POST route: it never reads idempotency records. */
  protected ApiHandler(Authenticator authenticator) {
    this(authenticator, null, ApiWiring.settings());
  }

  /** With explicit settings (CORS origin, metrics namespace) instead of the environment's. */
  ApiHandler(Authenticator authenticator, Idempotency idempotency, Settings.Api settings) {
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.idempotency = idempotency;
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Declares a route that needs no session (or checks one its own way); {@code resource} is the API
   * Gateway resource path as in template.yaml.
   */
  protected final void route(String method, String resource, Route route) {
    declare(method, resource, new Endpoint(false, (request, account) -> route.handle(request)));
  }

  /**
   * Declares a route of the signed-in account: a request without a valid session is answered 401
   * before anything else, whatever its Idempotency-Key.
   */
  protected final void sessionRoute(String method, String resource, SessionRoute route) {
    declare(method, resource, new Endpoint(true, route));
  }

  private void declare(String method, String resource, Endpoint endpoint) {
    if ("POST".equals(method) && idempotency == null) {
      throw new IllegalStateException("a POST route needs the frame with idempotency: " + resource);
    }
    routes.put(method + " " + resource, endpoint);
  }

  /** Checks a session token: the frame's own, for the routes that read the account themselves. */
  protected final Authenticator authenticator() {
    return authenticator;
  }

  /**
   * Lambda's entry: the proxy event's JSON in, the proxy answer's JSON out. Both are read and
   * written as trees: the runtime's reflective mapping of the event classes would cost every cold
   * start a few hundred classes and milliseconds for the same few fields.
   */
  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    ApiRequest request = ApiRequest.of(Json.MAPPER.readTree(input));
    StoredResponse response;
    if (context == null) {
      response = answer(request);
    } else {
      response =
          PowertoolsLogging.withLogging(
              context,
              () -> {
                StoredResponse answered = answer(request);
                recordMetrics(context, request, answered.status());
                return answered;
              });
    }
    ObjectNode proxy = Json.object();
    proxy.put("statusCode", response.status());
    ObjectNode headers = proxy.putObject("headers");
    answerHeaders(response).forEach(headers::put);
    proxy.put("body", response.body());
    proxy.put("isBase64Encoded", false);
    Json.MAPPER.writeValue(output, proxy);
  }

  /**
   * The same frame for a caller holding the event as an object (the local runtime, tests): the
   * event goes through the JSON entry that Lambda calls.
   */
  public final APIGatewayProxyResponseEvent handle(
      APIGatewayProxyRequestEvent event, Context context) {
    try {
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      handleRequest(
          new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(event)), output, context);
      JsonNode proxy = Json.MAPPER.readTree(output.toByteArray());
      Map<String, String> headers = new LinkedHashMap<>();
      proxy
          .path("headers")
          .fields()
          .forEachRemaining(header -> headers.put(header.getKey(), header.getValue().asText()));
      return new APIGatewayProxyResponseEvent()
          .withStatusCode(proxy.path("statusCode").asInt())
          .withHeaders(headers)
          .withBody(proxy.path("body").isNull() ? null : proxy.path("body").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One EMF record per request (Lambda only): requests, client and server errors by route, and the
   * cold start. CloudWatch extracts the metrics from the log line, no API call is made.
   */
  private void recordMetrics(Context context, ApiRequest request, int status) {
    try {
      Metrics metrics = MetricsFactory.getMetricsInstance();
      metrics.setNamespace(settings.metricsNamespace());
      metrics.captureColdStartMetric(context);
      // dimension values may not hold spaces
      metrics.addDimension("Route", request.method() + ":" + request.resource());
      metrics.addMetric("Requests", 1, MetricUnit.COUNT);
      metrics.addMetric("ClientErrors", status >= 400 && status < 500 ? 1 : 0, MetricUnit.COUNT);
      metrics.addMetric("ServerErrors", status >= 500 ? 1 : 0, MetricUnit.COUNT);
      metrics.flush();
    } catch (RuntimeException e) {
      // metrics are for operators: a failure to record them must never change the answer
      LOG.warn("metrics not recorded: {}", e.getClass().getName());
    }
  }

  private StoredResponse answer(ApiRequest request) {
    long started = System.nanoTime();
    StoredResponse response = respond(request);
    LOG.info(
        "{} {} -> {} in {} ms",
        request.method(),
        request.resource(),
        response.status(),
        (System.nanoTime() - started) / 1_000_000);
    return response;
  }

  private StoredResponse respond(ApiRequest request) {
    try {
      Endpoint endpoint = routes.get(request.method() + " " + request.resource());
      if (endpoint == null) {
        throw routes.keySet().stream().anyMatch(k -> k.endsWith(" " + request.resource()))
            ? Problem.of(
                ErrorCode.METHOD_NOT_ALLOWED,
                "Method not allowed",
                "This resource does not support " + request.method() + ".")
            : Problem.notFound("The resource");
      }
      if (request.body() != null
          && request.body().getBytes(StandardCharsets.UTF_8).length > RequestBody.MAX_BYTES) {
        throw Problem.malformed("The body is larger than 16 KiB.");
      }
      // authentication comes before the Idempotency-Key: a missing, expired or revoked session is
      // a 401 whatever the key, and a kept answer is only ever replayed to its own account
      Account account = endpoint.needsSession() ? authenticate(request) : null;
      String key = request.header("Idempotency-Key");
      if (key != null && "POST".equals(request.method())) {
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
          throw Problem.validation(
              List.of(
                  new FieldError(
                      "Idempotency-Key",
                      FieldErrorCode.INVALID_VALUE,
                      "Use 1 to 255 visible ASCII characters.")));
        }
        return idempotency.execute(
            scopedKey(request, account, key),
            fingerprint(request),
            () -> run(endpoint, request, account),
            StoredResponse.ANSWERS);
      }
      return run(endpoint, request, account);
    } catch (Problem problem) {
      return store(ProblemResponses.render(problem));
    } catch (RuntimeException e) {
      // the idempotency records live in the table too: its failures are answered like any other
      return store(ProblemResponses.render(unexpected(e)));
    }
  }

  private StoredResponse run(Endpoint endpoint, ApiRequest request, Account account) {
    try {
      return store(endpoint.route().handle(request, account));
    } catch (Problem problem) {
      return store(ProblemResponses.render(problem));
    } catch (RuntimeException e) {
      return store(ProblemResponses.render(unexpected(e)));
    }
  }

  /**
   * A dependency that failed (an AWS service, the network) is a 503 the client may retry; anything
   * else is our bug, logged by class only: messages of unknown exceptions may quote secrets.
   */
  private static Problem unexpected(RuntimeException e) {
    if (isDependencyFailure(e)) {
      LOG.warn("dependency failed: {}", e.getClass().getName());
      return Problem.of(
          ErrorCode.SERVICE_UNAVAILABLE,
          "Service unavailable",
          "A dependency is unavailable; try again shortly. This answer is not kept under an"
              + " Idempotency-Key, so a retry with the same key runs the request again.");
    }
    LOG.error(
        "unexpected failure: {} at {}",
        e.getClass().getName(),
        e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
    return Problem.of(
        ErrorCode.INTERNAL_ERROR,
        "Internal error",
        "Something went wrong on our side; nothing was changed that a retry cannot finish.");
  }

  private static boolean isDependencyFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getClass().getName().startsWith("software.amazon.awssdk.")
          || t instanceof UncheckedIOException) {
        return true;
      }
    }
    return false;
  }

  /** The authenticated account of the request, or 401 UNAUTHENTICATED. */
  private Account authenticate(ApiRequest request) {
    String token = request.bearerToken();
    if (token == null) {
      throw Problem.unauthenticated();
    }
    return authenticator.authenticate(token);
  }

  /**
   * Keys are per caller: the authenticated account of a session route (so a retry after signing in
   * again is still the same request, and no other account ever gets its answer), else anonymous.
   */
  private static String scopedKey(ApiRequest request, Account account, String key) {
    String caller = account == null ? "anonymous" : account.accountId();
    return Sha256.hex(
        caller
            + "\n"
            + request.method()
            + "\n"
            + request.resource()
            + "\n"
            + request.pathParameters()
            + "\n"
            + key);
  }

  private static String fingerprint(ApiRequest request) {
    return Sha256.hex(
        request.method()
            + "\n"
            + request.resource()
            + "\n"
            + request.pathParameters()
            + "\n"
            + (request.body() == null ? "" : request.body()));
  }

  private static StoredResponse store(ApiResponse response) {
    Map<String, String> headers = new LinkedHashMap<>(response.headers());
    if (response.body() != null) {
      headers.putIfAbsent("Content-Type", "application/json");
    }
    return new StoredResponse(
        response.status(), headers, response.body() == null ? null : Json.write(response.body()));
  }

  /**
   * The stored answer's headers and those of every answer: no caching, no sniffing, the one CORS
   * origin.
   */
  private Map<String, String> answerHeaders(StoredResponse response) {
    Map<String, String> headers = new LinkedHashMap<>(response.headers());
    headers.put("Cache-Control", "no-store");
    // a browser takes a JSON answer as JSON, never sniffs it into HTML or script
    headers.put("X-Content-Type-Options", "nosniff");
    if (settings.frontendOrigin() != null) {
      headers.put("Access-Control-Allow-Origin", settings.frontendOrigin());
      headers.put("Vary", "Origin");
    }
    return headers;
  }
}
