package com.platform.accounts.handlers.api;

/** One operation of the API: reads the request, calls one core service, maps the result. */
@FunctionalInterface
public interface Route {
  ApiResponse handle(ApiRequest request);
}
