package com.platform.accounts.handlers.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.deletion.AccountDeletion;
import com.platform.accounts.core.deletion.Deletion;
import com.platform.accounts.core.deletion.DeletionCheck;
import com.platform.accounts.core.idempotency.Idempotency;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.session.Authenticator;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.Priming;
import com.platform.accounts.handlers.wiring.ApiWiring;
import com.platform.accounts.handlers.wiring.DeletionWiring;
import java.time.Instant;

/**
 * Deleting the signed-in account (API.md, Deletion): what keeps it from being deleted, the request
 * (the disclaimer and the password), and where a deletion stands.
 */
public final class DeletionApi extends ApiHandler {
  private final AccountDeletion deletion;

  /** Production: the deletion wiring (ledger, table, password check, workflow), session check. */
  public DeletionApi() {
    this(DeletionWiring.deletion(), ApiWiring.authenticator(), ApiWiring.idempotency());
    Priming.register(
        () -> handle(Priming.apiRequest("GET", "/v1/account/deletion-check", null), null));
  }

  public DeletionApi(
      AccountDeletion deletion, Authenticator authenticator, Idempotency idempotency) {
    super(authenticator, idempotency);
    this.deletion = deletion;
    sessionRoute("GET", "/v1/account/deletion-check", this::check);
    sessionRoute("POST", "/v1/account/deletion", this::request);
    sessionRoute("GET", "/v1/account/deletion", this::get);
  }

  private ApiResponse check(ApiRequest request, Account account) {
    DeletionCheck check = deletion.check(account.accountId());
    ObjectNode node = Json.object();
    node.put("deletable", check.deletable());
    node.set("blockers", Json.MAPPER.valueToTree(check.view()));
    return ApiResponse.of(200, node);
  }

  private ApiResponse request(ApiRequest request, Account account) {
    RequestBody body = RequestBody.parse(request.body(), false);
    Boolean disclaimer = body.bool("disclaimerAccepted");
    String password = body.string("password");
    body.validation().throwIfInvalid();
    return ApiResponse.of(202, view(deletion.request(account, disclaimer, password)));
  }

  private ApiResponse get(ApiRequest request, Account account) {
    return ApiResponse.of(
        200,
        view(
            deletion
                .find(account.accountId())
                .orElseThrow(() -> Problem.notFound("A deletion of this account"))));
  }

  static ObjectNode view(Deletion d) {
    ObjectNode node = Json.object();
    node.put("deletionId", d.deletionId());
    node.put("status", d.status().name());
    putInstant(node, "finalChargesBy", d.finalChargesBy());
    putInstant(node, "deletedAt", d.deletedAt());
    return node;
  }

  private static void putInstant(ObjectNode node, String field, Instant value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value.toString());
    }
  }
}
