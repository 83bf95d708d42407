package com.platform.accounts.handlers.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.AccountLifecycle;
import com.platform.accounts.core.account.Account;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.Production;

/** The signed-in account: its view and the verification of its second contact. */
public final class AccountApi extends ApiHandler {

  public AccountApi() {
    this(Production.lifecycle());
  }

  public AccountApi(AccountLifecycle lifecycle) {
    super(lifecycle);
    route("GET", "/v1/account", this::get);
    route("POST", "/v1/account/verifications", this::startVerification);
    route("POST", "/v1/account/verifications/{verificationId}/verify", this::verify);
  }

  private ApiResponse get(ApiRequest request) {
    Account account = authenticate(request);
    return ApiResponse.of(200, Views.account(account,
        lifecycle.cards().list(account.accountId())));
  }

  private ApiResponse startVerification(ApiRequest request) {
    Account account = authenticate(request);
    RequestBody body = RequestBody.parse(request.body(), false);
    String channel = body.string("channel");
    String phone = body.string("phone");
    return ApiResponse.of(201, Views.codeSent("verificationId",
        lifecycle.verifications().start(account, channel, phone, body.validation())));
  }

  private ApiResponse verify(ApiRequest request) {
    Account account = authenticate(request);
    RequestBody body = RequestBody.parse(request.body(), false);
    String code = body.requiredString("code");
    body.validation().throwIfInvalid();
    ObjectNode node = Json.object();
    node.set("verifiedContacts", Views.verifiedContacts(lifecycle.verifications()
        .verify(account, request.pathParameter("verificationId"), code)));
    return ApiResponse.of(200, node);
  }
}
