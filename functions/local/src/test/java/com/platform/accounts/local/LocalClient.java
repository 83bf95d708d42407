package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Drives the local runtime over HTTP as the frontend would, and remembers every secret it saw. */
final class LocalClient {
  /** Codes, passwords and tokens that went over the wire: none may ever appear in a log line. */
  static final Set<String> SECRETS_SEEN = ConcurrentHashMap.newKeySet();

  record Answer(int status, Map<String, String> headers, JsonNode body) {
    String code() {
      return body.path("code").asText();
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;

  LocalClient(URI base) {
    this.base = base;
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
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json");
    if (token != null) {
      SECRETS_SEEN.add(token);
      request.header("Authorization", "Bearer " + token);
    }
    extra.forEach(request::header);
    try {
      HttpResponse<String> response = http.send(request.build(),
          HttpResponse.BodyHandlers.ofString());
      Map<String, String> headers = new HashMap<>();
      response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
      JsonNode body = response.body().isEmpty() || !headers.getOrDefault("content-type", "")
          .contains("json") ? Json.object() : Json.MAPPER.readTree(response.body());
      JsonNode tokenNode = body.path("session").path("token");
      if (tokenNode.isTextual()) {
        SECRETS_SEEN.add(tokenNode.asText());
      }
      if (body.path("token").isTextual()) {
        SECRETS_SEEN.add(body.path("token").asText());
      }
      return new Answer(response.statusCode(), headers, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Scans everything the local runtime logged in this test JVM for every code, password, card
   * number and token that went over the wire.
   */
  static void assertLogsHoldNoSecrets() throws IOException {
    String logs = Files.readString(Path.of("target/test-logs/local.log"));
    assertThat(logs).contains("-> 20");
    for (String secret : SECRETS_SEEN) {
      assertThat(logs).doesNotContain(secret);
    }
  }

  /** The code of the newest message to a destination, read from the outbox. */
  String lastCode(String destination) {
    JsonNode messages = get("/_local/outbox?to=" + URLEncoder.encode(destination,
        StandardCharsets.UTF_8), null).body().path("messages");
    if (messages.isEmpty()) {
      throw new AssertionError("no message to " + destination);
    }
    String code = messages.get(messages.size() - 1).path("code").asText();
    SECRETS_SEEN.add(code);
    return code;
  }

  void advance(String unit, long amount) {
    Answer answer = post("/_local/clock/advance", null, Json.object().put(unit, amount));
    if (answer.status() != 200) {
      throw new AssertionError("clock advance failed: " + answer);
    }
  }
}
