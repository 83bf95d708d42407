package com.platform.accounts.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.handlers.api.ApiHandler;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
  private static final int BODY_LIMIT = 16 * 1024 + 1;

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
      String path = exchange.getRequestURI().getRawPath();
      if (path.startsWith("/_local/") || path.equals("/")) {
        endpoints.handle(exchange);
        return;
      }
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      CompiledRoute matched = null;
      Map<String, String> params = new HashMap<>();
      boolean pathKnown = false;
      for (CompiledRoute route : routes) {
        Matcher m = route.pattern().matcher(path);
        if (m.matches()) {
          pathKnown = true;
          if (route.route().method().equals(method)) {
            matched = route;
            for (int i = 0; i < route.names().size(); i++) {
              params.put(route.names().get(i), decode(m.group(i + 1)));
            }
            break;
          }
        }
      }
      if (matched == null) {
        // API Gateway's own answers for unknown resources and methods
        LocalEndpoints.writeProblem(
            exchange,
            pathKnown ? ErrorCode.METHOD_NOT_ALLOWED : ErrorCode.NOT_FOUND,
            pathKnown ? "Method not allowed" : "Not found");
        return;
      }
      APIGatewayProxyRequestEvent event = toEvent(exchange, matched.route(), path, params);
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
    } catch (RuntimeException e) {
      LOG.error("local router failure: {}", e.getClass().getName());
      LocalEndpoints.writeProblem(exchange, ErrorCode.INTERNAL_ERROR, "Internal error");
    }
  }

  private static APIGatewayProxyRequestEvent toEvent(
      HttpExchange exchange, SamTemplate.ApiRoute route, String path, Map<String, String> params)
      throws IOException {
    Map<String, String> headers = new HashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(BODY_LIMIT);
      body = bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
    }
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
    exchange.sendResponseHeaders(response.getStatusCode(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static Map<String, String> queryOrNull(HttpExchange exchange) {
    Map<String, String> query = LocalEndpoints.query(exchange);
    return query.isEmpty() ? null : query;
  }

  private static String decode(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
