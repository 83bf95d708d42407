package com.platform.accounts.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The walk-through page at {@code /}: a person can try every flow against the local API. */
final class LocalPage {
  /** The page's script: a file of its own, since the policy below runs no inline script. */
  static final String SCRIPT_PATH = "/page.js";

  /**
   * Scripts only from this origin and no inline script, so that text the API echoes can never run
   * as code; no framing (clickjacking); calls only to this origin. Styles stay inline: they cannot
   * run code.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; "
          + "img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  /** The PayPal stand-in's approval page's script. */
  static final String CHECKOUT_SCRIPT_PATH = "/_local/paypal/checkout.js";

  private static final String HTML = load("/local-page/index.html");
  private static final String SCRIPT = load("/local-page/page.js");
  private static final String CHECKOUT_HTML = load("/local-page/paypal-checkout.html");
  private static final String CHECKOUT_SCRIPT = load("/local-page/paypal-checkout.js");

  private LocalPage() {}

  static void serve(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    // for browsers that predate frame-ancestors
    exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
    // the page's URL never leaves with a request to another origin
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    LocalEndpoints.write(exchange, 200, "text/html; charset=utf-8", HTML);
  }

  static void serveScript(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    LocalEndpoints.write(exchange, 200, "text/javascript; charset=utf-8", SCRIPT);
  }

  /** The PayPal stand-in's approval page: Agree (verified or not) or Cancel, as at PayPal. */
  static void serveCheckout(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    LocalEndpoints.write(exchange, 200, "text/html; charset=utf-8", CHECKOUT_HTML);
  }

  static void serveCheckoutScript(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    LocalEndpoints.write(exchange, 200, "text/javascript; charset=utf-8", CHECKOUT_SCRIPT);
  }

  private static String load(String resource) {
    try (InputStream in = LocalPage.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
