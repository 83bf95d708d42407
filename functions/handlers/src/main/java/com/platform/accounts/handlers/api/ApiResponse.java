package com.platform.accounts.handlers.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a route answers: status, extra headers and a JSON body (null for none). */
public record ApiResponse(int status, Map<String, String> headers, Object body) {

  public ApiResponse {
    headers = Collections.unmodifiableMap(headers);
  }

  public static ApiResponse of(int status, Object body) {
    return new ApiResponse(status, Map.of(), body);
  }

  public static ApiResponse noContent() {
    return new ApiResponse(204, Map.of(), null);
  }

  public ApiResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiResponse(status, more, body);
  }
}
