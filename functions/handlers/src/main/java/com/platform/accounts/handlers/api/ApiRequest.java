package com.platform.accounts.handlers.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of an API Gateway proxy event a handler uses, with header names case-insensitive;
 * {@code sourceIp} is the caller's address as API Gateway saw it (the request context's {@code
 * identity.sourceIp}, not a header the caller could write), null when absent; {@code domainName}
 * and {@code stage} are the request context's: the host the browser reached and the API's stage.
 */
public record ApiRequest(
    String method,
    String resource,
    Map<String, String> pathParameters,
    Map<String, String> queryParameters,
    Map<String, String> headers,
    String body,
    String sourceIp,
    String domainName,
    String stage) {

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
      body = utf8(Base64.getDecoder().decode(body));
    }
    return new ApiRequest(
        event.path("httpMethod").asText("").toUpperCase(Locale.ROOT),
        event.path("resource").asText(""),
        strings(event.path("pathParameters")),
        strings(event.path("queryStringParameters")),
        headers,
        body,
        event.path("requestContext").path("identity").path("sourceIp").textValue(),
        event.path("requestContext").path("domainName").textValue(),
        event.path("requestContext").path("stage").textValue());
  }

  /**
   * The text of a body's bytes. A byte that is not part of valid UTF-8 becomes an unpaired
   * surrogate (U+DC80 to U+DCFF) rather than U+FFFD: the body's text check then refuses it, where a
   * replacement would read two different bodies (two passwords) as the same text.
   */
  static String utf8(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    // UTF-8 never has more characters than bytes, so the decoder never runs out of room
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    while (result.isError()) {
      for (int i = 0; i < result.length(); i++) {
        out.put((char) (0xDC00 | (in.get() & 0xFF)));
      }
      result = decoder.decode(in, out, true);
    }
    decoder.flush(out);
    return out.flip().toString();
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

  public String queryParameter(String name) {
    return queryParameters.get(name);
  }

  /**
   * The URL of a path of this API as the browser reached it: on API Gateway's own domain the stage
   * comes first; on a custom domain it does not (a base-path mapping needs its URL configured).
   * Null when the request context names no domain.
   */
  public String publicUrl(String path) {
    if (domainName == null || domainName.isEmpty()) {
      return null;
    }
    boolean ownDomain = domainName.contains(".execute-api.");
    return "https://"
        + domainName
        + (ownDomain && stage != null && !stage.isEmpty() ? "/" + stage : "")
        + path;
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
