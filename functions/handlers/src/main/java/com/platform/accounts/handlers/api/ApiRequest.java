package com.platform.accounts.handlers.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The parts of an API Gateway proxy event a handler uses, with header names case-insensitive. */
public record ApiRequest(String method, String resource, Map<String, String> pathParameters,
    Map<String, String> queryParameters, Map<String, String> headers, String body) {

  // Read-only views, not copies: a copy would lose the headers' case-insensitive lookup.
  public ApiRequest {
    pathParameters = Collections.unmodifiableMap(pathParameters);
    queryParameters = Collections.unmodifiableMap(queryParameters);
    headers = Collections.unmodifiableMap(headers);
  }

  public static ApiRequest of(APIGatewayProxyRequestEvent event) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (event.getHeaders() != null) {
      event.getHeaders().forEach((k, v) -> {
        if (k != null && v != null) {
          headers.put(k, v);
        }
      });
    }
    String body = event.getBody();
    if (body != null && Boolean.TRUE.equals(event.getIsBase64Encoded())) {
      body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
    return new ApiRequest(
        event.getHttpMethod() == null ? "" : event.getHttpMethod().toUpperCase(Locale.ROOT),
        event.getResource() == null ? "" : event.getResource(),
        event.getPathParameters() == null ? Map.of() : event.getPathParameters(),
        event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters(),
        headers, body);
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
