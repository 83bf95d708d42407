package com.platform.accounts.handlers.api;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.idempotency.Idempotency;
import com.platform.accounts.core.session.Authenticator;
import com.platform.accounts.core.session.SessionService;
import com.platform.accounts.handlers.Priming;
import com.platform.accounts.handlers.wiring.ApiWiring;
import com.platform.accounts.handlers.wiring.SessionWiring;

/** Login and logout. */
public final class SessionApi extends ApiHandler {

  private final SessionService sessions;

  /** Production: the session wiring (keys from SSM), the session check, idempotency records. */
  public SessionApi() {
    this(SessionWiring.sessions(), ApiWiring.authenticator(), ApiWiring.idempotency());
    // the priming also runs one Argon2 check (against the decoy hash), so that the first sign-in
    // after a restore starts with the hashing code loaded and compiled
    Priming.register(
        () -> {
          handle(Priming.apiRequest("POST", "/v1/sessions", "{}"), null);
          SessionWiring.passwords().matches("priming", null);
        });
  }

  public SessionApi(SessionService sessions, Authenticator authenticator, Idempotency idempotency) {
    super(authenticator, idempotency);
    this.sessions = sessions;
    route("POST", "/v1/sessions", this::login);
    sessionRoute("DELETE", "/v1/sessions/current", this::logout);
  }

  private ApiResponse login(ApiRequest request) {
    RequestBody body = RequestBody.parse(request.body(), false);
    String email = body.requiredString("email");
    String password = body.requiredString("password");
    body.validation().throwIfInvalid();
    return ApiResponse.of(201, Views.session(sessions.login(email, password)));
  }

  private ApiResponse logout(ApiRequest request, Account account) {
    sessions.logout(account);
    return ApiResponse.noContent();
  }
}
