package com.platform.accounts.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.asl.AslEngine;
import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.core.memory.InMemoryOutbox;
import com.platform.accounts.core.memory.SandboxCardProcessor;
import com.platform.accounts.core.memory.SandboxPayPal;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldError;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.api.ApiResponse;
import com.platform.accounts.handlers.api.ProblemResponses;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.LoggerFactory;

/**
 * The {@code /_local} endpoints of API.md: the outbox, the clock, the sandbox processor's card
 * tokens and statements. Never deployed.
 */
final class LocalEndpoints {
  /** Tells browsers to take every answer as the type it declares (no MIME sniffing). */
  static final String NOSNIFF = "X-Content-Type-Options";

  private static final Duration MAX_ADVANCE = Duration.ofDays(366);

  /** The paths of the walk-through page and its script (the rest of this class is /_local). */
  static final Set<String> PAGE_PATHS = Set.of("/", LocalPage.SCRIPT_PATH);

  /** The PayPal stand-in's approval page: where a local {@code approvalUrl} leads. */
  static final String PAYPAL_CHECKOUT = "/_local/paypal/checkout";

  static final String PAYPAL_APPROVE = "/_local/paypal/approve";

  /** The method each path answers (HEAD too where it is GET), for the Allow of a 405. */
  private static final Map<String, String> METHODS =
      Map.ofEntries(
          Map.entry(PAYPAL_CHECKOUT, "GET"),
          Map.entry(PAYPAL_APPROVE, "POST"),
          Map.entry(LocalPage.CHECKOUT_SCRIPT_PATH, "GET"),
          Map.entry("/_local/outbox", "GET"),
          Map.entry("/_local/clock/advance", "POST"),
          Map.entry("/_local/card-tokens", "POST"),
          Map.entry("/_local/statements", "GET"),
          Map.entry("/", "GET"),
          Map.entry(LocalPage.SCRIPT_PATH, "GET"));

  private final ManualClock clock;
  private final InMemoryOutbox outbox;
  private final AslEngine engine;
  private final SandboxCardProcessor cards;
  private final SandboxPayPal paypal;
  private final LocalSchedules schedules;

  LocalEndpoints(
      ManualClock clock,
      InMemoryOutbox outbox,
      LocalWorkflows workflows,
      SandboxCardProcessor cards,
      SandboxPayPal paypal,
      LocalSchedules schedules) {
    this.clock = clock;
    this.outbox = outbox;
    this.engine = workflows.engine();
    this.cards = cards;
    this.paypal = paypal;
    this.schedules = schedules;
  }

  /** Answers {@code method} (GET for a HEAD) on {@code path}. */
  void handle(HttpExchange exchange, String path, String method) throws IOException {
    if (path.equals("/_local/outbox") && method.equals("GET")) {
      outbox(exchange);
    } else if (path.equals("/_local/clock/advance") && method.equals("POST")) {
      advance(exchange);
    } else if (path.equals("/_local/card-tokens") && method.equals("POST")) {
      cardToken(exchange);
    } else if (path.equals("/_local/statements") && method.equals("GET")) {
      statement(exchange);
    } else if (path.equals("/") && method.equals("GET")) {
      LocalPage.serve(exchange);
    } else if (path.equals(LocalPage.SCRIPT_PATH) && method.equals("GET")) {
      LocalPage.serveScript(exchange);
    } else if (path.equals(PAYPAL_APPROVE) && method.equals("POST")) {
      approvePayPal(exchange);
    } else if (path.equals(PAYPAL_CHECKOUT) && method.equals("GET")) {
      LocalPage.serveCheckout(exchange);
    } else if (path.equals(LocalPage.CHECKOUT_SCRIPT_PATH) && method.equals("GET")) {
      LocalPage.serveCheckoutScript(exchange);
    } else if (METHODS.containsKey(path)) {
      writeMethodNotAllowed(exchange, Set.of(METHODS.get(path)));
    } else {
      writeProblem(exchange, ErrorCode.NOT_FOUND, "Not found");
    }
  }

  /** The ticker's step under {@code make run}: real time passed, and the clock follows. */
  synchronized void passRealTime(Duration elapsed) {
    try {
      advanceBy(elapsed);
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(LocalEndpoints.class)
          .error("local workflow tick failed: {}", e.getClass().getName());
    }
  }

  private void outbox(HttpExchange exchange) throws IOException {
    String to = query(exchange).get("to");
    ObjectNode body = Json.object();
    ArrayNode messages = body.putArray("messages");
    for (InMemoryOutbox.Sent sent : to == null ? outbox.all() : outbox.to(to)) {
      ObjectNode m = messages.addObject();
      m.put("channel", sent.message().channel().name());
      m.put("to", sent.message().to());
      m.put("subject", sent.message().subject());
      m.put("body", sent.message().body());
      m.put("code", sent.message().code());
      m.put("sentAt", sent.sentAt().toString());
    }
    writeJson(exchange, 200, body);
  }

  private void advance(HttpExchange exchange) throws IOException {
    JsonNode request;
    try (InputStream in = exchange.getRequestBody()) {
      request = Json.MAPPER.readTree(in.readNBytes(4096));
    } catch (IOException e) {
      writeProblem(exchange, ErrorCode.MALFORMED_REQUEST, "The body is not valid JSON.");
      return;
    }
    Optional<Duration> by = duration(request);
    if (by.isEmpty()) {
      writeProblem(
          exchange,
          ErrorCode.VALIDATION_FAILED,
          "Give whole, non-negative \"days\", \"hours\", \"minutes\" or \"seconds\".");
      return;
    }
    Instant now = advanceBy(by.get());
    writeJson(exchange, 200, Json.object().put("now", now.toString()));
  }

  /** Moves the clock, firing what falls due in time order, each at its own due time. */
  synchronized Instant advanceBy(Duration by) {
    Instant target = clock.instant().plus(by);
    for (Optional<Instant> due = nextDueAt();
        due.isPresent() && !due.get().isAfter(target);
        due = nextDueAt()) {
      // something that fell due at the current instant, queued by a request meanwhile, runs now
      if (due.get().isAfter(clock.instant())) {
        clock.advanceTo(due.get());
      }
      engine.runDue();
      schedules.runDue(clock.instant());
    }
    clock.advanceTo(target);
    engine.runDue();
    schedules.runDue(clock.instant());
    return clock.instant();
  }

  private Optional<Instant> nextDueAt() {
    Optional<Instant> workflow = engine.nextDueAt();
    Optional<Instant> schedule = schedules.nextDueAt();
    if (workflow.isEmpty()) {
      return schedule;
    }
    return schedule.isPresent() && schedule.get().isBefore(workflow.get()) ? schedule : workflow;
  }

  /** Stands in for the processor's browser library: a card number in, a token out. */
  private void cardToken(HttpExchange exchange) throws IOException {
    JsonNode request;
    try (InputStream in = exchange.getRequestBody()) {
      request = Json.MAPPER.readTree(in.readNBytes(4096));
    } catch (IOException e) {
      writeProblem(exchange, ErrorCode.MALFORMED_REQUEST, "The body is not valid JSON.");
      return;
    }
    if (request == null || !request.isObject()) {
      writeProblem(exchange, ErrorCode.MALFORMED_REQUEST, "The body must be a JSON object.");
      return;
    }
    JsonNode holderName = request.get("holderName");
    try {
      String token =
          cards.tokenize(
              request.path("number").asText(null),
              request.path("expMonth").asInt(-1),
              request.path("expYear").asInt(-1),
              request.path("cvc").asText(null),
              holderName != null && holderName.isTextual() ? holderName.textValue() : null);
      writeJson(exchange, 201, Json.object().put("token", token));
    } catch (IllegalArgumentException bad) {
      String field = bad.getMessage();
      FieldErrorCode code =
          switch (field) {
            case "number" -> FieldErrorCode.INVALID_CARD_NUMBER;
            case "holderName" ->
                holderName == null || holderName.isNull()
                    ? FieldErrorCode.REQUIRED
                    : FieldErrorCode.INVALID_VALUE;
            default -> FieldErrorCode.INVALID_VALUE;
          };
      String message =
          "holderName".equals(field)
              ? "The name on the card, as printed on it (1 to "
                  + SandboxCardProcessor.MAX_HOLDER_NAME
                  + " characters)."
              : "The card " + field + " is not valid.";
      ApiResponse response =
          ProblemResponses.render(
              Problem.validation(List.of(new FieldError(field, code, message))));
      write(
          exchange, response.status(), ProblemResponses.CONTENT_TYPE, Json.write(response.body()));
    }
  }

  /**
   * Stands in for the payer at PayPal's approval page: {@code {"token", "payerVerified": true}}
   * approves (as a verified payer or not), {@code "approved": false} cancels; answers where PayPal
   * sends the browser next.
   */
  private void approvePayPal(HttpExchange exchange) throws IOException {
    JsonNode request;
    try (InputStream in = exchange.getRequestBody()) {
      request = Json.MAPPER.readTree(in.readNBytes(4096));
    } catch (IOException e) {
      writeProblem(exchange, ErrorCode.MALFORMED_REQUEST, "The body is not valid JSON.");
      return;
    }
    if (request == null || !request.isObject()) {
      writeProblem(exchange, ErrorCode.MALFORMED_REQUEST, "The body must be a JSON object.");
      return;
    }
    JsonNode token = request.get("token");
    JsonNode approved = request.get("approved");
    JsonNode verified = request.get("payerVerified");
    JsonNode email = request.get("payerEmail");
    List<FieldError> errors = new ArrayList<>();
    if (token == null || !token.isTextual()) {
      errors.add(
          new FieldError(
              "token",
              token == null ? FieldErrorCode.REQUIRED : FieldErrorCode.INVALID_TYPE,
              "The token of the approvalUrl."));
    }
    for (Map.Entry<String, JsonNode> flag :
        Map.of("approved", approvedOr(approved), "payerVerified", approvedOr(verified))
            .entrySet()) {
      if (!flag.getValue().isBoolean()) {
        errors.add(
            new FieldError(flag.getKey(), FieldErrorCode.INVALID_TYPE, "Must be true or false."));
      }
    }
    if (email != null && !email.isNull() && !email.isTextual()) {
      errors.add(new FieldError("payerEmail", FieldErrorCode.INVALID_TYPE, "Must be a string."));
    }
    if (!errors.isEmpty()) {
      ApiResponse response = ProblemResponses.render(Problem.validation(errors));
      write(
          exchange, response.status(), ProblemResponses.CONTENT_TYPE, Json.write(response.body()));
      return;
    }
    Optional<String> redirect =
        paypal.approve(
            token.textValue(),
            approvedOr(approved).booleanValue(),
            approvedOr(verified).booleanValue(),
            email == null || email.isNull() ? "payer@paypal.example" : email.textValue());
    if (redirect.isEmpty()) {
      writeProblem(exchange, ErrorCode.NOT_FOUND, "Not found", "PayPal knows no such token.");
      return;
    }
    writeJson(exchange, 200, Json.object().put("redirectUrl", redirect.get()));
  }

  /** An optional flag: absent or null reads as true. */
  private static JsonNode approvedOr(JsonNode flag) {
    return flag == null || flag.isNull() ? BooleanNode.TRUE : flag;
  }

  private void statement(HttpExchange exchange) throws IOException {
    String last4 = query(exchange).get("last4");
    if (last4 == null || !last4.matches("[0-9]{4}")) {
      writeProblem(exchange, ErrorCode.VALIDATION_FAILED, "Give last4, the card's last 4 digits.");
      return;
    }
    ObjectNode body = Json.object();
    ArrayNode transactions = body.putArray("transactions");
    for (SandboxCardProcessor.Transaction t : cards.statement(last4)) {
      ObjectNode line = transactions.addObject();
      line.put("description", t.description());
      line.putObject("amount")
          .put("amount", t.amount().plain())
          .put("currency", t.amount().currency().getCurrencyCode());
      line.put("status", t.status());
      line.put("at", t.at().toString());
    }
    writeJson(exchange, 200, body);
  }

  private static Optional<Duration> duration(JsonNode request) {
    if (request == null || !request.isObject() || request.isEmpty()) {
      return Optional.empty();
    }
    Duration total = Duration.ZERO;
    Map<String, Duration> units =
        Map.of(
            "days",
            Duration.ofDays(1),
            "hours",
            Duration.ofHours(1),
            "minutes",
            Duration.ofMinutes(1),
            "seconds",
            Duration.ofSeconds(1));
    for (Map.Entry<String, JsonNode> field :
        (Iterable<Map.Entry<String, JsonNode>>) request::fields) {
      Duration unit = units.get(field.getKey());
      JsonNode value = field.getValue();
      // each value is checked against the limit first, so that no product can overflow
      if (unit == null
          || !value.canConvertToLong()
          || !value.isIntegralNumber()
          || value.asLong() < 0
          || value.asLong() > MAX_ADVANCE.dividedBy(unit)) {
        return Optional.empty();
      }
      total = total.plus(unit.multipliedBy(value.asLong()));
    }
    return total.compareTo(MAX_ADVANCE) > 0 ? Optional.empty() : Optional.of(total);
  }

  static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> params = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  static void writeJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
    write(exchange, status, "application/json", Json.write(body));
  }

  /** Problems of the local endpoints, through the API's one problem+json mapper. */
  static void writeProblem(HttpExchange exchange, ErrorCode code, String title) throws IOException {
    writeProblem(exchange, code, title, title.endsWith(".") ? title : title + ".");
  }

  static void writeProblem(HttpExchange exchange, ErrorCode code, String title, String detail)
      throws IOException {
    ApiResponse response = ProblemResponses.render(Problem.of(code, title, detail));
    write(exchange, response.status(), ProblemResponses.CONTENT_TYPE, Json.write(response.body()));
  }

  /** 405 with the methods the resource has in {@code Allow} (RFC 9110), HEAD wherever GET is. */
  static void writeMethodNotAllowed(HttpExchange exchange, Set<String> methods) throws IOException {
    Set<String> allowed = new TreeSet<>(methods);
    if (allowed.contains("GET")) {
      allowed.add("HEAD");
    }
    exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
    writeProblem(
        exchange,
        ErrorCode.METHOD_NOT_ALLOWED,
        "Method not allowed",
        "This resource answers " + String.join(", ", allowed) + ".");
  }

  static void write(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set(NOSNIFF, "nosniff");
    send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends the status, the headers set so far and the body; a HEAD gets the headers only. */
  static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
    if (head && body.length > 0) {
      // the length GET would send (RFC 9110 9.3.2), with no body after it
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
    }
    exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
