package com.platform.accounts.local;

import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.api.ApiResponse;
import com.platform.accounts.handlers.api.ProblemResponses;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http.spi.JettyHttpServer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The local runtime's HTTP server: Jetty, serving the router through the JDK's {@code HttpServer}
 * API. The JDK's own server answers a request target it cannot parse with an HTML page before any
 * handler runs, and resets the connection on a request line of a megabyte; Jetty bounds the request
 * head and lets every answer it gives itself be problem+json, like the API's.
 */
final class LocalHttpServer {
  /** API Gateway's ceiling on the request line and headers together (REST APIs: 10240 bytes). */
  static final int REQUEST_HEAD_LIMIT = 10 * 1024;

  private final Server server;
  private final ServerConnector connector;

  private LocalHttpServer(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /** Serves {@code handler} on 127.0.0.1:{@code port} (0 picks a free port). */
  static LocalHttpServer start(int port, HttpHandler handler) throws IOException {
    QueuedThreadPool threads = new QueuedThreadPool(32, 4);
    threads.setName("local-http");
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(REQUEST_HEAD_LIMIT);
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    // the router sees the raw target and answers what it cannot route itself (API Gateway does the
    // same): an encoded slash in an id is a 404 of that id, not a refusal of the whole request
    http.setUriCompliance(UriCompliance.UNSAFE);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new RawHeaders(new ContextHandlerCollection()));
    server.setErrorHandler(LocalHttpServer::problem);
    new JettyHttpServer(server, true).createContext("/", handler);
    LocalHttpServer started = new LocalHttpServer(server, connector);
    try {
      server.start();
    } catch (Exception e) {
      // threads already started (the pool's) must not keep the JVM alive
      started.stop();
      throw e instanceof IOException io ? io : new IOException("cannot serve on port " + port, e);
    }
    return started;
  }

  /**
   * The request's headers as sent, each name with its first value, names in any case. The JDK API's
   * {@code getRequestHeaders()} cannot stand in: Jetty's bridge splits each value at its commas (an
   * Idempotency-Key {@code a,b} would read as {@code a}) and fails on a value with an unbalanced
   * quote.
   */
  static Map<String, String> headers(HttpExchange exchange) {
    @SuppressWarnings("unchecked")
    Map<String, String> headers = (Map<String, String>) exchange.getAttribute(RawHeaders.NAME);
    return headers;
  }

  /** Keeps each request's raw header fields as a request attribute, for {@link #headers}. */
  private static final class RawHeaders extends Handler.Wrapper {
    static final String NAME = RawHeaders.class.getName();

    RawHeaders(Handler handler) {
      super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (HttpField field : request.getHeaders()) {
        headers.putIfAbsent(field.getName(), field.getValue());
      }
      request.setAttribute(NAME, Collections.unmodifiableMap(headers));
      return super.handle(request, response, callback);
    }
  }

  int port() {
    return connector.getLocalPort();
  }

  void stop() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the local HTTP server did not stop", e);
    }
  }

  /**
   * Jetty's own answers — a request it refuses before the router runs (a request line or headers
   * over the limit, a target or framing it cannot parse) — as problem+json, never an HTML page.
   */
  private static boolean problem(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    if (request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof HttpException failure) {
      status = failure.getCode();
    }
    ApiResponse answer = ProblemResponses.render(problemFor(status));
    byte[] body = Json.write(answer.body()).getBytes(StandardCharsets.UTF_8);
    response.setStatus(answer.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemResponses.CONTENT_TYPE);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(LocalEndpoints.NOSNIFF, "nosniff");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  private static Problem problemFor(int status) {
    return switch (status) {
      case 413 ->
          Problem.of(
              ErrorCode.PAYLOAD_TOO_LARGE, "Payload too large", "The body is larger than 16 KiB.");
      case 414 ->
          Problem.of(
              ErrorCode.URI_TOO_LONG,
              "URI too long",
              "The request line is longer than " + REQUEST_HEAD_LIMIT + " bytes.");
      case 431 ->
          Problem.of(
              ErrorCode.HEADERS_TOO_LARGE,
              "Request headers too large",
              "The request line and headers are longer than " + REQUEST_HEAD_LIMIT + " bytes.");
      case 404 -> Problem.notFound("The resource");
      default ->
          status >= 500 && status != 501 && status != 505
              ? Problem.of(ErrorCode.INTERNAL_ERROR, "Internal error", "Something went wrong.")
              : Problem.malformed(
                  "The request line or headers are not valid HTTP/1.1"
                      + " (a bad percent-escape in the request target, say).");
    };
  }
}
