package com.platform.accounts.handlers.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.SecondVerificationService;
import com.platform.accounts.core.idempotency.Idempotency;
import com.platform.accounts.core.session.Authenticator;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.Priming;
import com.platform.accounts.handlers.wiring.ApiWiring;
import com.platform.accounts.handlers.wiring.ContactVerificationWiring;

/** The second contact verification of the signed-in account: request a code, prove it. */
public final class AccountVerificationsApi extends ApiHandler {
  private final SecondVerificationService verifications;

  /** Production: the contact-verification wiring, the session check, idempotency records. */
  public AccountVerificationsApi() {
    this(
        ContactVerificationWiring.secondVerification(),
        ApiWiring.authenticator(),
        ApiWiring.idempotency());
    Priming.register(
        () -> handle(Priming.apiRequest("POST", "/v1/account/verifications", "{}"), null));
  }

  public AccountVerificationsApi(
      SecondVerificationService verifications,
      Authenticator authenticator,
      Idempotency idempotency) {
    super(authenticator, idempotency);
    this.verifications = verifications;
    sessionRoute("POST", "/v1/account/verifications", this::startVerification);
    sessionRoute("POST", "/v1/account/verifications/{verificationId}/verify", this::verify);
  }

  private ApiResponse startVerification(ApiRequest request, Account account) {
    RequestBody body = RequestBody.parse(request.body(), false);
    String channel = body.string("channel");
    String phone = body.string("phone");
    return ApiResponse.of(
        201,
        Views.codeSent(
            "verificationId",
            verifications.start(account, channel, phone, request.sourceIp(), body.validation())));
  }

  private ApiResponse verify(ApiRequest request, Account account) {
    RequestBody body = RequestBody.parse(request.body(), false);
    String code = body.requiredString("code");
    body.validation().throwIfInvalid();
    ObjectNode node = Json.object();
    node.set(
        "verifiedContacts",
        Views.verifiedContacts(
            verifications.verify(account, request.pathParameter("verificationId"), code)));
    return ApiResponse.of(200, node);
  }
}
