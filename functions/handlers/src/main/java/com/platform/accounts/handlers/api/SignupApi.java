package com.platform.accounts.handlers.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.idempotency.Idempotency;
import com.platform.accounts.core.session.Authenticator;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.signup.SignupCompleted;
import com.platform.accounts.core.signup.SignupService;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.Priming;
import com.platform.accounts.handlers.wiring.ApiWiring;
import com.platform.accounts.handlers.wiring.SessionWiring;
import com.platform.accounts.handlers.wiring.SignupWiring;

/** Sign-up: start, resend the code, verify the code. */
public final class SignupApi extends ApiHandler {

  private final SignupService signups;

  /** Production: the sign-up wiring, the session check and the idempotency records. */
  public SignupApi() {
    this(SignupWiring.signups(), ApiWiring.authenticator(), ApiWiring.idempotency());
    // the priming also runs one Argon2 check (against the decoy hash), so that the first sign-up
    // after a restore starts with the hashing code loaded and compiled
    Priming.register(
        () -> {
          handle(
              Priming.apiRequest(
                  "POST",
                  "/v1/signups",
                  "{\"country\":\"US\",\"email\":\"priming\",\"termsAccepted\":false}"),
              null);
          SessionWiring.passwords().matches("priming", null);
        });
  }

  public SignupApi(SignupService signups, Authenticator authenticator, Idempotency idempotency) {
    super(authenticator, idempotency);
    this.signups = signups;
    route("POST", "/v1/signups", this::start);
    route("POST", "/v1/signups/{signupId}/code", this::resend);
    route("POST", "/v1/signups/{signupId}/verify", this::verify);
  }

  private ApiResponse start(ApiRequest request) {
    RequestBody body = RequestBody.parse(request.body(), false);
    SignupCommand command =
        new SignupCommand(
            body.requiredString("country"),
            body.requiredString("email"),
            body.string("password"),
            body.string("passwordConfirmation"),
            body.bool("termsAccepted"),
            body.string("verificationChannel"),
            body.string("phone"));
    return ApiResponse.of(
        201,
        Views.codeSent("signupId", signups.start(command, request.sourceIp(), body.validation())));
  }

  private ApiResponse resend(ApiRequest request) {
    RequestBody body = RequestBody.parse(request.body(), true);
    String channel = body.string("channel");
    String phone = body.string("phone");
    return ApiResponse.of(
        202,
        Views.codeSent(
            "signupId",
            signups.resend(
                request.pathParameter("signupId"),
                channel,
                phone,
                request.sourceIp(),
                body.validation())));
  }

  private ApiResponse verify(ApiRequest request) {
    RequestBody body = RequestBody.parse(request.body(), false);
    String code = body.requiredString("code");
    body.validation().throwIfInvalid();
    SignupCompleted completed = signups.verify(request.pathParameter("signupId"), code);
    ObjectNode node = Json.object();
    node.put("accountId", completed.accountId());
    node.set("session", Views.session(completed.session()));
    return ApiResponse.of(201, node);
  }
}
