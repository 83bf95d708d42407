package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP edge of the local runtime, over plain sockets: what it answers to requests a client
 * library would not send, that every answer arrives whole as problem+json, HEAD and 405, and the
 * headers that keep a browser safe.
 */
class LocalHttpEdgeTest {
  private static final String PROBLEM_JSON = "application/problem+json";

  @RegisterExtension static final LogSecretScan LOGS = new LogSecretScan();

  private static LocalRuntime runtime;

  @BeforeAll
  static void start() {
    runtime = TestRuntimes.start();
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  private static RawHttp connect() throws Exception {
    return new RawHttp(runtime.baseUri());
  }

  private static void assertProblem(RawHttp.Answer answer, int status, String code) {
    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).isEqualTo(PROBLEM_JSON);
    assertThat(answer.json().path("status").asInt()).isEqualTo(status);
    assertThat(answer.json().path("code").asText()).isEqualTo(code);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "POST /v1/signups/%zz/verify",
        "GET /v1/account?x=%zz",
        "GET /v1/account/payment-methods?%",
        "GET /_local/outbox?to=%e",
        "GET /_local/statements?last4=%4"
      })
  void aBadPercentEscapeInThePathOrQueryIsAProblemJson400(String requestLine) throws Exception {
    try (RawHttp http = connect()) {
      RawHttp.Answer answer =
          http.exchange(requestLine + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0");

      assertProblem(answer, 400, "MALFORMED_REQUEST");
      assertThat(answer.text()).doesNotContain("URISyntaxException", "<");
    }
  }

  @Test
  void aMegabyteRequestLineIsAWholeProblemJson414() throws Exception {
    try (RawHttp http = connect()) {
      RawHttp.Answer answer =
          http.refused("GET /v1/account?q=" + "a".repeat(1024 * 1024) + " HTTP/1.1\r\nHost: x");

      assertProblem(answer, 414, "URI_TOO_LONG");
    }
  }

  @Test
  void headersOverTheLimitAreAWholeProblemJson431() throws Exception {
    try (RawHttp http = connect()) {
      RawHttp.Answer answer =
          http.refused("GET /v1/account HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(64 * 1024));

      assertProblem(answer, 431, "HEADERS_TOO_LARGE");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1/signups", "/_local/card-tokens", "/_local/clock/advance"})
  void aFiveMegabyteBodyIsReadAndAnsweredWholeAndTheConnectionStaysUsable(String path)
      throws Exception {
    byte[] body = new byte[5 * 1024 * 1024];
    Arrays.fill(body, (byte) 'x');
    try (RawHttp http = connect()) {
      RawHttp.Answer answer =
          http.exchange(
              "POST "
                  + path
                  + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.length,
              body);

      assertProblem(answer, 400, "MALFORMED_REQUEST");
      assertThat(answer.json().path("detail").asText())
          .isEqualTo("The body is larger than 16 KiB.");
      RawHttp.Answer next = http.exchange("GET /_local/outbox HTTP/1.1\r\nHost: x");
      assertThat(next.status()).isEqualTo(200);
    }
  }

  @Test
  void aBodyDeclaredLargerThanApiGatewayTakesIsAnswered413WithoutWaitingForIt() throws Exception {
    try (RawHttp http = connect()) {
      // nothing of the 64 MiB is sent: the answer must not wait for it
      RawHttp.Answer answer =
          http.exchange(
              "POST /v1/signups HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  + "Content-Length: "
                  + 64 * 1024 * 1024);

      assertProblem(answer, 413, "PAYLOAD_TOO_LARGE");
      assertThat(answer.header("Connection")).isEqualTo("close");
    }
  }

  @ParameterizedTest
  @CsvSource({
    "/v1/account, 401, " + PROBLEM_JSON,
    "/v1/account/payment-methods, 401, " + PROBLEM_JSON,
    "/, 200, text/html; charset=utf-8",
    "/page.js, 200, text/javascript; charset=utf-8",
    "/_local/outbox, 200, application/json",
    "/_local/statements?last4=4242, 200, application/json"
  })
  void headIsAnsweredWhereverGetIsWithGetsHeadersAndNoBody(
      String path, int status, String contentType) throws Exception {
    try (RawHttp http = connect()) {
      RawHttp.Answer get = http.exchange("GET " + path + " HTTP/1.1\r\nHost: x");
      RawHttp.Answer head = http.exchange("HEAD " + path + " HTTP/1.1\r\nHost: x");

      assertThat(head.status()).isEqualTo(get.status()).isEqualTo(status);
      assertThat(head.header("Content-Type")).isEqualTo(contentType);
      assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(get.body().length));
      assertThat(head.body()).isEmpty();
      // no body followed the HEAD's headers: the next answer starts right after them
      assertThat(http.exchange("GET /_local/outbox HTTP/1.1\r\nHost: x").status()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "PUT, /v1/account, 'GET, HEAD'",
    "PATCH, /v1/signups, POST",
    "GET, /v1/signups/sgn_1/verify, POST",
    "POST, /v1/account/payment-methods/pm_1, DELETE",
    "DELETE, /v1/account/payment-methods/cards, POST",
    "OPTIONS, /v1/account/payment-methods/cards, POST",
    "DELETE, /v1/sessions, POST",
    "OPTIONS, /v1/account/payment-methods, 'GET, HEAD'",
    "DELETE, /_local/outbox, 'GET, HEAD'",
    "GET, /_local/clock/advance, POST",
    "PUT, /_local/card-tokens, POST",
    "POST, /, 'GET, HEAD'",
    "POST, /page.js, 'GET, HEAD'"
  })
  void anUndeclaredMethodIs405WithTheResourcesMethodsInAllow(
      String method, String path, String allow) throws Exception {
    try (RawHttp http = connect()) {
      RawHttp.Answer answer =
          http.exchange(method + " " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0");

      assertProblem(answer, 405, "METHOD_NOT_ALLOWED");
      assertThat(answer.header("Allow")).isEqualTo(allow);
    }
  }

  @Test
  void aHeaderValueWithAnUnbalancedQuoteReachesTheFunction() throws Exception {
    try (RawHttp http = connect()) {
      RawHttp.Answer answer = http.exchange("GET /v1/account HTTP/1.1\r\nHost: x\r\nX-Note: a\"b");

      assertProblem(answer, 401, "UNAUTHENTICATED");
    }
  }

  @Test
  void aHeaderValueReachesTheFunctionWholeCommasIncluded() throws Exception {
    String login =
        "{\"email\":\"nobody@example.com\",\"password\":\"correct horse battery staple\"}";
    String other =
        "{\"email\":\"nobody@example.com\",\"password\":\"another horse battery staple\"}";
    try (RawHttp http = connect()) {
      String post =
          "POST /v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              + "Idempotency-Key: ";

      RawHttp.Answer first =
          http.exchange(post + "key,1\r\nContent-Length: " + login.length(), login.getBytes());
      RawHttp.Answer second =
          http.exchange(post + "key,2\r\nContent-Length: " + other.length(), other.getBytes());

      // two keys, two requests: neither is taken for a reuse of the key "key"
      assertProblem(first, 401, "INVALID_CREDENTIALS");
      assertProblem(second, 401, "INVALID_CREDENTIALS");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1/nothing", "/_local/nothing", "/index.html"})
  void anUnknownPathIsAProblemJson404(String path) throws Exception {
    try (RawHttp http = connect()) {
      assertProblem(http.exchange("GET " + path + " HTTP/1.1\r\nHost: x"), 404, "NOT_FOUND");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET /v1/account",
        "POST /v1/signups",
        "GET /v1/nothing",
        "GET /_local/outbox",
        "PUT /_local/outbox",
        "GET /",
        "GET /page.js",
        "GET /v1/account?x=%zz"
      })
  void everyAnswerTellsBrowsersNotToSniffItsType(String request) throws Exception {
    try (RawHttp http = connect()) {
      RawHttp.Answer answer =
          http.exchange(request + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2", "{}".getBytes());

      assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
  }

  @Test
  void thePageRunsOnlyItsOwnScriptAndCannotBeFramed() throws Exception {
    try (RawHttp http = connect()) {
      RawHttp.Answer page = http.exchange("GET / HTTP/1.1\r\nHost: x");

      String policy = page.header("Content-Security-Policy");
      assertThat(directive(policy, "script-src")).isEqualTo("'self'");
      assertThat(directive(policy, "default-src")).isEqualTo("'none'");
      assertThat(directive(policy, "frame-ancestors")).isEqualTo("'none'");
      assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
      String html = page.text();
      // every script is a file of this origin, and no element carries an inline handler
      assertThat(html).contains("<script src=\"/page.js\"></script>").doesNotContain("<script>");
      assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find())
          .isFalse();
      RawHttp.Answer script = http.exchange("GET /page.js HTTP/1.1\r\nHost: x");
      assertThat(script.status()).isEqualTo(200);
      assertThat(new String(script.body(), StandardCharsets.UTF_8))
          .contains("document.getElementById('signup')");
    }
  }

  private static String directive(String policy, String name) {
    Matcher m = Pattern.compile("(?:^|;)\\s*" + name + "\\s+([^;]*)").matcher(policy);
    return m.find() ? m.group(1).strip() : null;
  }
}
