package com.platform.accounts.handlers.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.crypto.Sha256;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldError;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.idempotency.Idempotency;
import com.platform.accounts.core.session.Authenticator;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.wiring.ApiWiring;
import com.platform.accounts.handlers.wiring.Settings;
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
public abstract class ApiHandler
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
  private final Settings.Api settings;
  private final Authenticator authenticator;
  /** Null for a function without POST routes, which has no Idempotency-Key to honour. */
  private final Idempotency idempotency;
  private final Map<String, Route> routes = new LinkedHashMap<>();

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

  /** Declares a route; {@code resource} is the API Gateway resource path as in template.yaml. */
  protected final void route(String method, String resource, Route route) {
    if ("POST".equals(method) && idempotency == null) {
      throw new IllegalStateException("a POST route needs the frame with idempotency: " + resource);
    }
    routes.put(method + " " + resource, route);
  }

  /** Checks a session token: the frame's own, for the routes that read the account themselves. */
  protected final Authenticator authenticator() {
    return authenticator;
  }

  @Override
  public final APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event,
      Context context) {
    if (context == null) {
      return handle(event);
    }
    return PowertoolsLogging.withLogging(context, () -> {
      APIGatewayProxyResponseEvent response = handle(event);
      recordMetrics(context, event, response.getStatusCode());
      return response;
    });
  }

  /**
   * One EMF record per request (Lambda only): requests, client and server errors by route, and the
   * cold start. CloudWatch extracts the metrics from the log line, no API call is made.
   */
  private void recordMetrics(Context context, APIGatewayProxyRequestEvent event, int status) {
    try {
      Metrics metrics = MetricsFactory.getMetricsInstance();
      metrics.setNamespace(settings.metricsNamespace());
      metrics.captureColdStartMetric(context);
      // dimension values may not hold spaces
      metrics.addDimension("Route", event.getHttpMethod() + ":" + event.getResource());
      metrics.addMetric("Requests", 1, MetricUnit.COUNT);
      metrics.addMetric("ClientErrors", status >= 400 && status < 500 ? 1 : 0, MetricUnit.COUNT);
      metrics.addMetric("ServerErrors", status >= 500 ? 1 : 0, MetricUnit.COUNT);
      metrics.flush();
    } catch (RuntimeException e) {
      // metrics are for operators: a failure to record them must never change the answer
      LOG.warn("metrics not recorded: {}", e.getClass().getName());
    }
  }

  private APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
    long started = System.nanoTime();
    ApiRequest request = ApiRequest.of(event);
    StoredResponse response = respond(request);
    LOG.info("{} {} -> {} in {} ms", request.method(), request.resource(), response.status(),
        (System.nanoTime() - started) / 1_000_000);
    return toEvent(response);
  }

  private StoredResponse respond(ApiRequest request) {
    try {
      Route route = routes.get(request.method() + " " + request.resource());
      if (route == null) {
        throw routes.keySet().stream().anyMatch(k -> k.endsWith(" " + request.resource()))
            ? Problem.of(ErrorCode.METHOD_NOT_ALLOWED, "Method not allowed",
                "This resource does not support " + request.method() + ".")
            : Problem.notFound("The resource");
      }
      if (request.body() != null
          && request.body().getBytes(StandardCharsets.UTF_8).length > RequestBody.MAX_BYTES) {
        throw Problem.malformed("The body is larger than 16 KiB.");
      }
      String key = request.header("Idempotency-Key");
      if (key != null && "POST".equals(request.method())) {
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
          throw Problem.validation(List.of(new FieldError("Idempotency-Key",
              FieldErrorCode.INVALID_VALUE, "Use 1 to 255 visible ASCII characters.")));
        }
        return idempotency.execute(scopedKey(request, key), fingerprint(request),
            () -> run(route, request), StoredResponse.ANSWERS);
      }
      return run(route, request);
    } catch (Problem problem) {
      return store(ProblemResponses.render(problem));
    } catch (RuntimeException e) {
      // the idempotency records live in the table too: its failures are answered like any other
      return store(ProblemResponses.render(unexpected(e)));
    }
  }

  private StoredResponse run(Route route, ApiRequest request) {
    try {
      return store(route.handle(request));
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
      return Problem.of(ErrorCode.SERVICE_UNAVAILABLE, "Service unavailable",
          "A dependency is unavailable; retry with the same Idempotency-Key.");
    }
    LOG.error("unexpected failure: {} at {}", e.getClass().getName(),
        e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
    return Problem.of(ErrorCode.INTERNAL_ERROR, "Internal error",
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
  protected final Account authenticate(ApiRequest request) {
    String token = request.bearerToken();
    if (token == null) {
      throw Problem.unauthenticated();
    }
    return authenticator.authenticate(token);
  }

  /**
   * Keys are per caller: the account of a valid session (so a retry after signing in again is still
   * the same request), else anonymous.
   */
  private String scopedKey(ApiRequest request, String key) {
    String token = request.bearerToken();
    String caller = token == null ? "anonymous"
        : authenticator.accountIdOf(token).orElse("anonymous");
    return Sha256.hex(caller + "\n" + request.method() + "\n" + request.resource() + "\n"
        + request.pathParameters() + "\n" + key);
  }

  private static String fingerprint(ApiRequest request) {
    return Sha256.hex(request.method() + "\n" + request.resource() + "\n" + request.pathParameters()
        + "\n" + (request.body() == null ? "" : request.body()));
  }

  private static StoredResponse store(ApiResponse response) {
    Map<String, String> headers = new LinkedHashMap<>(response.headers());
    if (response.body() != null) {
      headers.putIfAbsent("Content-Type", "application/json");
    }
    return new StoredResponse(response.status(), headers,
        response.body() == null ? null : Json.write(response.body()));
  }

  private APIGatewayProxyResponseEvent toEvent(StoredResponse response) {
    Map<String, String> headers = new LinkedHashMap<>(response.headers());
    headers.put("Cache-Control", "no-store");
    if (settings.frontendOrigin() != null) {
      headers.put("Access-Control-Allow-Origin", settings.frontendOrigin());
      headers.put("Vary", "Origin");
    }
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(response.status())
        .withHeaders(headers)
        .withBody(response.body());
  }
}
