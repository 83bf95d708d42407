package com.platform.accounts.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.asl.AslEngine;
import com.platform.accounts.core.memory.InMemoryOutbox;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code /_local} endpoints of API.md: the outbox and the clock. Never deployed. */
final class LocalEndpoints {
  private static final long MAX_ADVANCE_HOURS = 24L * 366;
  private final LocalClock clock;
  private final InMemoryOutbox outbox;
  private final AslEngine engine;

  LocalEndpoints(LocalClock clock, InMemoryOutbox outbox, LocalWorkflows workflows) {
    this.clock = clock;
    this.outbox = outbox;
    this.engine = workflows.engine();
  }

  void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String method = exchange.getRequestMethod();
    if (path.equals("/_local/outbox") && method.equals("GET")) {
      outbox(exchange);
    } else if (path.equals("/_local/clock/advance") && method.equals("POST")) {
      advance(exchange);
    } else if (path.equals("/") && method.equals("GET")) {
      LocalPage.serve(exchange);
    } else {
      writeProblem(exchange, 404, "NOT_FOUND", "Not found");
    }
  }

  /** Fires every wait and timeout due at the clock's current time. */
  synchronized void fireDue() {
    try {
      engine.runDue();
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(LocalEndpoints.class)
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
      writeProblem(exchange, 400, "MALFORMED_REQUEST", "The body is not valid JSON.");
      return;
    }
    Optional<Duration> by = duration(request);
    if (by.isEmpty()) {
      writeProblem(exchange, 400, "VALIDATION_FAILED",
          "Give whole, non-negative \"days\", \"hours\", \"minutes\" or \"seconds\".");
      return;
    }
    Instant now = advanceBy(by.get());
    writeJson(exchange, 200, Json.object().put("now", now.toString()));
  }

  /** Moves the clock, firing what falls due in time order, each at its own due time. */
  synchronized Instant advanceBy(Duration by) {
    Instant target = clock.instant().plus(by);
    for (Optional<Instant> due = engine.nextDueAt(); due.isPresent()
        && !due.get().isAfter(target); due = engine.nextDueAt()) {
      clock.advanceTo(due.get());
      engine.runDue();
    }
    clock.advanceTo(target);
    engine.runDue();
    return clock.instant();
  }

  private static Optional<Duration> duration(JsonNode request) {
    if (request == null || !request.isObject() || request.isEmpty()) {
      return Optional.empty();
    }
    Duration total = Duration.ZERO;
    Map<String, Duration> units = Map.of("days", Duration.ofDays(1), "hours", Duration.ofHours(1),
        "minutes", Duration.ofMinutes(1), "seconds", Duration.ofSeconds(1));
    for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>)
        request::fields) {
      Duration unit = units.get(field.getKey());
      JsonNode value = field.getValue();
      if (unit == null || !value.canConvertToLong() || !value.isIntegralNumber()
          || value.asLong() < 0) {
        return Optional.empty();
      }
      total = total.plus(unit.multipliedBy(value.asLong()));
    }
    return total.toHours() > MAX_ADVANCE_HOURS ? Optional.empty() : Optional.of(total);
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
      params.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  static void writeJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
    write(exchange, status, "application/json", Json.write(body));
  }

  /** Problems of the local endpoints, through the API's one problem+json mapper. */
  static void writeProblem(HttpExchange exchange, int status, String code, String title)
      throws IOException {
    ApiResponse response = ProblemResponses.render(Problem.of(status, code, title, title + "."));
    write(exchange, status, ProblemResponses.CONTENT_TYPE, Json.write(response.body()));
  }

  static void write(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
