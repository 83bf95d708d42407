package com.platform.accounts.handlers.api;

import com.platform.accounts.core.AccountLifecycle;
import com.platform.accounts.handlers.Production;

/** Login and logout. */
public final class SessionApi extends ApiHandler {

  public SessionApi() {
    this(Production.lifecycle());
  }

  public SessionApi(AccountLifecycle lifecycle) {
    super(lifecycle);
    route("POST", "/v1/sessions", this::login);
    route("DELETE", "/v1/sessions/current", this::logout);
  }

  private ApiResponse login(ApiRequest request) {
    RequestBody body = RequestBody.parse(request.body(), false);
    String email = body.requiredString("email");
    String password = body.requiredString("password");
    body.validation().throwIfInvalid();
    return ApiResponse.of(201, Views.session(lifecycle.sessions().login(email, password)));
  }

  private ApiResponse logout(ApiRequest request) {
    lifecycle.sessions().logout(authenticate(request));
    return ApiResponse.noContent();
  }
}
