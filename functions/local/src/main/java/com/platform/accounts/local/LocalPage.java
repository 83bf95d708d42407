package com.platform.accounts.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The walk-through page at {@code /}: a person can try every flow against the local API. */
final class LocalPage {
  private static final String HTML = load();

  private LocalPage() {}

  static void serve(HttpExchange exchange) throws IOException {
    exchange
        .getResponseHeaders()
        .set(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'");
    LocalEndpoints.write(exchange, 200, "text/html; charset=utf-8", HTML);
  }

  private static String load() {
    try (InputStream in = LocalPage.class.getResourceAsStream("/local-page/index.html")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
