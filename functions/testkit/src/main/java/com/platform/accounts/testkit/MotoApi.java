package com.platform.accounts.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Client of moto's own control API ({@code /moto-api/...}) on one endpoint. */
final class MotoApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  // moto's server (werkzeug) speaks HTTP/1.1 only; pinning it saves the h2c upgrade attempt.
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  // data.json serialises every model moto holds, which takes a while after a large test.
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final URI endpoint;

  MotoApi(URI endpoint) {
    this.endpoint = endpoint;
  }

  static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not serialisable as JSON: " + value, e);
    }
  }

  /**
   * Whether moto answers its dashboard page; any failure, including a refused connection, is "no".
   */
  boolean answers(Duration timeout) {
    HttpRequest request =
        HttpRequest.newBuilder(resolve("/moto-api/")).timeout(timeout).GET().build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  JsonNode get(String path) {
    String body = send(HttpRequest.newBuilder(resolve(path)).GET());
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "moto answered GET " + path + " with something that is not JSON", e);
    }
  }

  String post(String path, String jsonBody) {
    return send(
        HttpRequest.newBuilder(resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
  }

  private URI resolve(String path) {
    // An absolute path replaces whatever path the configured endpoint has: moto-api lives at the
    // root.
    return endpoint.resolve(path);
  }

  private String send(HttpRequest.Builder builder) {
    HttpRequest request = builder.timeout(REQUEST_TIMEOUT).build();
    HttpResponse<String> response;
    try {
      response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(
          request.method() + " " + request.uri() + " failed; is the emulator still running?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "interrupted during " + request.method() + " " + request.uri(), e);
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      throw new IllegalStateException(
          request.method()
              + " "
              + request.uri()
              + " answered HTTP "
              + status
              + hint(request.uri().getPath(), status)
              + ": "
              + abbreviate(response.body()));
    }
    return response.body();
  }

  private static String hint(String path, int status) {
    if (status == 404 && path.startsWith("/moto-api/")) {
      return " (is the endpoint a moto server? AWS_ENDPOINT_URL may point at another emulator)";
    }
    if (status == 500 && path.endsWith("/data.json")) {
      // moto serialises every attribute of every model, and a Lambda function's Docker client
      // attribute connects to Docker when read; without an engine the whole request fails.
      return " (moto fails data.json once a Lambda function exists and no Docker API answers it;"
          + " this harness and moto.sh give their moto a stand-in, a server started otherwise may lack it)";
    }
    return "";
  }

  private static String abbreviate(String body) {
    return body.length() <= 500 ? body : body.substring(0, 500) + "...";
  }
}
