package com.platform.accounts.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.handlers.api.ApiHandler;
import com.platform.accounts.handlers.api.RequestBody;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays API Gateway: matches a request to a template route, turns it into the REST API proxy event
 * the deployed function receives, and writes the function's answer back.
 */
final class LocalHttpRouter implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(LocalHttpRouter.class);

  /** Read one byte past the API's limit, so the handler can tell an oversize body. */
  private static final int BODY_LIMIT = RequestBody.MAX_BYTES + 1;

  /**
   * The most a request may make the runtime read: API Gateway's payload limit (10 MB). A larger
   * body is answered 413 without reading it, as API Gateway answers it.
   */
  static final long MAX_READ = 10L * 1024 * 1024;

  private record CompiledRoute(SamTemplate.ApiRoute route, Pattern pattern, List<String> names) {}

  private final List<CompiledRoute> routes = new ArrayList<>();
  private final LocalFunctions functions;
  private final LocalEndpoints endpoints;
  private final LocalWorkflows workflows;

  LocalHttpRouter(
      SamTemplate template,
      LocalFunctions functions,
      LocalEndpoints endpoints,
      LocalWorkflows workflows) {
    this.functions = functions;
    this.endpoints = endpoints;
    this.workflows = workflows;
    for (SamTemplate.ApiRoute route : template.routes()) {
      List<String> names = new ArrayList<>();
      Matcher m = Pattern.compile("\\{([^}/]+)}").matcher(route.path());
      StringBuilder regex = new StringBuilder();
      int last = 0;
      while (m.find()) {
        regex.append(Pattern.quote(route.path().substring(last, m.start()))).append("([^/]+)");
        names.add(m.group(1));
        last = m.end();
      }
      regex.append(Pattern.quote(route.path().substring(last)));
      routes.add(new CompiledRoute(route, Pattern.compile(regex.toString()), names));
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      // the exchange is closed (and its answer sent) only after the failure was answered
      try {
        answer(exchange);
      } catch (RuntimeException e) {
        LOG.error("local router failure: {}", e.getClass().getName());
        LocalEndpoints.writeProblem(exchange, ErrorCode.INTERNAL_ERROR, "Internal error");
      }
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    byte[] body = readBody(exchange);
    if (body == null) {
      // beyond what API Gateway accepts at all: answered unread, and the connection is closed
      exchange.getResponseHeaders().set("Connection", "close");
      LocalEndpoints.writeProblem(
          exchange,
          ErrorCode.PAYLOAD_TOO_LARGE,
          "Payload too large",
          "The body is larger than API Gateway's 10 MiB; the API takes at most 16 KiB.");
      return;
    }
    String path = rawPathOrNull(exchange);
    if (path == null) {
      writeMalformedTarget(exchange);
      return;
    }
    // RFC 9110: HEAD is answered wherever GET is, with GET's headers and no body
    String requested = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String method = requested.equals("HEAD") ? "GET" : requested;
    if (path.startsWith("/_local/") || LocalEndpoints.PAGE_PATHS.contains(path)) {
      if (body.length > RequestBody.MAX_BYTES) {
        // the API's limit and answer, for the local endpoints too
        LocalEndpoints.writeProblem(
            exchange,
            ErrorCode.MALFORMED_REQUEST,
            "Malformed request",
            "The body is larger than 16 KiB.");
        return;
      }
      endpoints.handle(exchange, path, method);
      return;
    }
    route(exchange, path, method, body);
  }

  private void route(HttpExchange exchange, String path, String method, byte[] body)
      throws IOException {
    // the resource the path names: as in API Gateway, a literal segment wins over a {parameter}
    // (/v1/account/payment-methods/cards is the cards resource, not a payment method "cards")
    String resource = null;
    for (CompiledRoute route : routes) {
      if (route.pattern().matcher(path).matches()
          && (resource == null || route.names().size() < parameterCount(resource))) {
        resource = route.route().path();
      }
    }
    CompiledRoute matched = null;
    Matcher matchedPath = null;
    Set<String> allowed = new TreeSet<>();
    for (CompiledRoute route : routes) {
      if (route.route().path().equals(resource)) {
        allowed.add(route.route().method());
        Matcher m = route.pattern().matcher(path);
        if (route.route().method().equals(method) && m.matches()) {
          matched = route;
          matchedPath = m;
        }
      }
    }
    if (matched == null) {
      // API Gateway's own answers for unknown resources and methods
      if (allowed.isEmpty()) {
        LocalEndpoints.writeProblem(exchange, ErrorCode.NOT_FOUND, "Not found");
      } else {
        LocalEndpoints.writeMethodNotAllowed(exchange, allowed);
      }
      return;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < matched.names().size(); i++) {
      String value = decodeOrNull(matchedPath.group(i + 1));
      if (value == null) {
        writeMalformedTarget(exchange);
        return;
      }
      params.put(matched.names().get(i), value);
    }
    APIGatewayProxyRequestEvent event = toEvent(exchange, matched.route(), path, params, body);
    // through the function's Lambda entry: the event's JSON in, the answer's JSON out
    ApiHandler handler = (ApiHandler) functions.get(matched.route().functionId());
    APIGatewayProxyResponseEvent response = handler.handle(event, null);
    // the executions the request started run now, apart from it (their outcome is visible by the
    // time the answer is, which keeps the local flows deterministic)
    workflows.startPending();
    // names the template function that answered, so tests can tell a routed 404 from a missing
    // route
    exchange.getResponseHeaders().set("X-Local-Function", matched.route().functionId());
    write(exchange, response);
  }

  private static int parameterCount(String resource) {
    return (int) resource.chars().filter(c -> c == '{').count();
  }

  /**
   * The raw path, or null when the request target is not a URI the router can read: a bad
   * percent-escape in the path or the query, which API Gateway refuses as well.
   */
  private static String rawPathOrNull(HttpExchange exchange) {
    try {
      String path = exchange.getRequestURI().getRawPath();
      LocalEndpoints.query(exchange);
      return path;
    } catch (IllegalArgumentException badTarget) {
      return null;
    }
  }

  private static void writeMalformedTarget(HttpExchange exchange) throws IOException {
    LocalEndpoints.writeProblem(
        exchange,
        ErrorCode.MALFORMED_REQUEST,
        "Malformed request",
        "The request target is not a valid URI: check its percent-escapes.");
  }

  /**
   * Reads the request body before anything answers, keeping one byte past the API's limit (so the
   * handler can tell an oversize body) and discarding the rest: a client that sends its whole body
   * before reading the answer then gets the answer instead of a reset. The kept bytes, which become
   * the exchange's request body; null, with nothing read, when the body is declared larger than API
   * Gateway accepts, or with the reading stopped there when it turns out to be.
   */
  private static byte[] readBody(HttpExchange exchange) throws IOException {
    String declared = LocalHttpServer.headers(exchange).get("Content-Length");
    if (declared != null && isLarger(declared, MAX_READ)) {
      return null;
    }
    InputStream in = exchange.getRequestBody();
    byte[] kept = in.readNBytes(BODY_LIMIT);
    long discarded = 0;
    byte[] sink = new byte[8192];
    for (int n = in.read(sink); n >= 0; n = in.read(sink)) {
      discarded += n;
      if (discarded > MAX_READ) {
        return null;
      }
    }
    exchange.setStreams(new ByteArrayInputStream(kept), exchange.getResponseBody());
    return kept;
  }

  private static boolean isLarger(String contentLength, long limit) {
    String digits = contentLength.strip();
    // the server has refused a Content-Length that is not a number before the router runs
    if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
      return false;
    }
    return digits.length() > 18 || Long.parseLong(digits) > limit;
  }

  private static APIGatewayProxyRequestEvent toEvent(
      HttpExchange exchange,
      SamTemplate.ApiRoute route,
      String path,
      Map<String, String> params,
      byte[] bytes) {
    Map<String, String> headers = new HashMap<>(LocalHttpServer.headers(exchange));
    String body = bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
    APIGatewayProxyRequestEvent.ProxyRequestContext context =
        new APIGatewayProxyRequestEvent.ProxyRequestContext()
            .withRequestId(UUID.randomUUID().toString())
            .withStage("local")
            .withResourcePath(route.path())
            .withHttpMethod(route.method())
            .withIdentity(
                new APIGatewayProxyRequestEvent.RequestIdentity()
                    .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress()));
    return new APIGatewayProxyRequestEvent()
        .withResource(route.path())
        .withPath(path)
        .withHttpMethod(route.method())
        .withHeaders(headers)
        .withPathParameters(params.isEmpty() ? null : params)
        .withQueryStringParameters(queryOrNull(exchange))
        .withRequestContext(context)
        .withBody(body)
        .withIsBase64Encoded(false);
  }

  private static void write(HttpExchange exchange, APIGatewayProxyResponseEvent response)
      throws IOException {
    if (response.getHeaders() != null) {
      response.getHeaders().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    }
    byte[] body =
        response.getBody() == null
            ? new byte[0]
            : response.getBody().getBytes(StandardCharsets.UTF_8);
    LocalEndpoints.send(exchange, response.getStatusCode(), body);
  }

  private static Map<String, String> queryOrNull(HttpExchange exchange) {
    Map<String, String> query = LocalEndpoints.query(exchange);
    return query.isEmpty() ? null : query;
  }

  /** A path segment decoded ({@code +} stays a plus in a path), or null for a bad escape. */
  private static String decodeOrNull(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badEscape) {
      return null;
    }
  }
}
