package com.platform.accounts.local;

import com.platform.accounts.core.problem.ErrorCode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * The server's handler before the router exists: the runtime listens first, so that what it builds
 * can know its port (the frontend origin of PayPal returns), and answers 503 until it is ready.
 */
final class DeferredHandler implements HttpHandler {
  private volatile HttpHandler target;

  void route(HttpHandler handler) {
    this.target = handler;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    HttpHandler ready = target;
    if (ready != null) {
      ready.handle(exchange);
      return;
    }
    try (exchange) {
      exchange.getResponseHeaders().set("Retry-After", "1");
      LocalEndpoints.writeProblem(
          exchange, ErrorCode.SERVICE_UNAVAILABLE, "Starting", "The runtime is starting.");
    }
  }
}
