package com.platform.accounts.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.handlers.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Drives the local runtime over HTTP as the frontend would, and has the class's {@link
 * LogSecretScan} watch for every code, password, card number and token that goes over the wire.
 */
final class LocalClient {
  /** Request fields that carry a secret (or, for the name on a card, personal data), and what. */
  private static final Map<String, String> SECRET_FIELDS =
      Map.of(
          "password",
          "password",
          "passwordConfirmation",
          "password",
          "code",
          "code",
          "token",
          "card token",
          "number",
          "card number",
          "holderName",
          "name on the card");

  record Answer(int status, Map<String, String> headers, JsonNode body) {
    String code() {
      return body.path("code").asText();
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;
  private final LogSecretScan secrets;

  LocalClient(URI base, LogSecretScan secrets) {
    this.base = base;
    this.secrets = secrets;
  }

  Answer post(String path, String token, String json) {
    return send("POST", path, token, json, Map.of());
  }

  Answer post(String path, String token, ObjectNode json) {
    return post(path, token, Json.write(json));
  }

  Answer get(String path, String token) {
    return send("GET", path, token, null, Map.of());
  }

  Answer delete(String path, String token) {
    return send("DELETE", path, token, null, Map.of());
  }

  Answer send(String method, String path, String token, String json, Map<String, String> extra) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/json");
    if (token != null) {
      watch("session token", token);
      request.header("Authorization", "Bearer " + token);
    }
    watchSecretsIn(json);
    extra.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Map<String, String> headers = new HashMap<>();
      response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
      JsonNode body =
          response.body().isEmpty() || !headers.getOrDefault("content-type", "").contains("json")
              ? Json.object()
              : Json.MAPPER.readTree(response.body());
      watch("session token", body.path("session").path("token").asText(""));
      // POST /v1/sessions answers a session token, POST /_local/card-tokens a card token
      watch("token", body.path("token").asText(""));
      return new Answer(response.statusCode(), headers, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Watches the secret fields of a JSON object body; a body that is not one carries none. */
  private void watchSecretsIn(String json) {
    JsonNode body;
    try {
      body = json == null ? null : Json.MAPPER.readTree(json);
    } catch (JsonProcessingException notJson) {
      return;
    }
    if (body == null || !body.isObject()) {
      return;
    }
    SECRET_FIELDS.forEach((field, what) -> watch(what, body.path(field).asText("")));
  }

  /** A value too short (a malformed code a test sends on purpose) is no secret of the service. */
  private void watch(String what, String value) {
    if (value.length() >= LogSecretScan.SHORTEST_SECRET) {
      secrets.watch(what, value);
    }
  }

  /** The code of the newest message to a destination, read from the outbox. */
  String lastCode(String destination) {
    JsonNode messages =
        get("/_local/outbox?to=" + URLEncoder.encode(destination, StandardCharsets.UTF_8), null)
            .body()
            .path("messages");
    if (messages.isEmpty()) {
      throw new AssertionError("no message to " + destination);
    }
    String code = messages.get(messages.size() - 1).path("code").asText();
    watch("code", code);
    return code;
  }

  void advance(String unit, long amount) {
    Answer answer = post("/_local/clock/advance", null, Json.object().put(unit, amount));
    if (answer.status() != 200) {
      throw new AssertionError("clock advance failed: " + answer);
    }
  }
}
