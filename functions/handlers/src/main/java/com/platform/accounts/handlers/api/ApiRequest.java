package com.platform.accounts.handlers.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The parts of an API Gateway proxy event a handler uses, with header names case-insensitive. */
public record ApiRequest(
    String method,
    String resource,
    Map<String, String> pathParameters,
    Map<String, String> queryParameters,
    Map<String, String> headers,
    String body) {

  // Read-only views, not copies: a copy would lose the headers' case-insensitive lookup.
  public ApiRequest {
    pathParameters = Collections.unmodifiableMap(pathParameters);
    queryParameters = Collections.unmodifiableMap(queryParameters);
    headers = Collections.unmodifiableMap(headers);
  }

  /** From the proxy event's JSON, as API Gateway sends it to the function. */
  public static ApiRequest of(JsonNode event) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(strings(event.path("headers")));
    JsonNode rawBody = event.path("body");
    String body = rawBody.isTextual() ? rawBody.asText() : null;
    if (body != null && event.path("isBase64Encoded").asBoolean(false)) {
      body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
    return new ApiRequest(
        event.path("httpMethod").asText("").toUpperCase(Locale.ROOT),
        event.path("resource").asText(""),
        strings(event.path("pathParameters")),
        strings(event.path("queryStringParameters")),
        headers,
        body);
  }

  /** A JSON object's text members; null members and a missing or null object give nothing. */
  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> values = new LinkedHashMap<>();
    object
        .fields()
        .forEachRemaining(
            member -> {
              if (member.getValue().isTextual()) {
                values.put(member.getKey(), member.getValue().asText());
              }
            });
    return values;
  }

  public String header(String name) {
    return headers.get(name);
  }

  public String pathParameter(String name) {
    return pathParameters.get(name);
  }

  /** The bearer token of the Authorization header, or null. */
  public String bearerToken() {
    String value = header("Authorization");
    if (value == null || value.length() < 8 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return value.substring(7).strip();
  }

  @Override
  public String toString() {
    return method + " " + resource;
  }
}
