package com.platform.accounts.handlers.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.AccountLifecycle;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.signup.SignupCompleted;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.Production;

/** Sign-up: start, resend the code, verify the code. */
public final class SignupApi extends ApiHandler {

  public SignupApi() {
    this(Production.lifecycle());
  }

  public SignupApi(AccountLifecycle lifecycle) {
    super(lifecycle);
    route("POST", "/v1/signups", this::start);
    route("POST", "/v1/signups/{signupId}/code", this::resend);
    route("POST", "/v1/signups/{signupId}/verify", this::verify);
  }

  private ApiResponse start(ApiRequest request) {
    RequestBody body = RequestBody.parse(request.body(), false);
    SignupCommand command = new SignupCommand(body.requiredString("country"),
        body.requiredString("email"), body.string("password"),
        body.string("passwordConfirmation"), body.bool("termsAccepted"),
        body.string("verificationChannel"), body.string("phone"));
    return ApiResponse.of(201, Views.codeSent("signupId",
        lifecycle.signups().start(command, body.validation())));
  }

  private ApiResponse resend(ApiRequest request) {
    RequestBody body = RequestBody.parse(request.body(), true);
    String channel = body.string("channel");
    String phone = body.string("phone");
    return ApiResponse.of(202, Views.codeSent("signupId", lifecycle.signups()
        .resend(request.pathParameter("signupId"), channel, phone, body.validation())));
  }

  private ApiResponse verify(ApiRequest request) {
    RequestBody body = RequestBody.parse(request.body(), false);
    String code = body.requiredString("code");
    body.validation().throwIfInvalid();
    SignupCompleted completed = lifecycle.signups().verify(request.pathParameter("signupId"), code);
    ObjectNode node = Json.object();
    node.put("accountId", completed.accountId());
    node.set("session", Views.session(completed.session()));
    return ApiResponse.of(201, node);
  }
}
