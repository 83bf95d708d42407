package com.platform.accounts.handlers.api;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.AccountOverview;
import com.platform.accounts.core.port.AccountOverviewStore;
import com.platform.accounts.core.session.Authenticator;
import com.platform.accounts.core.session.SessionClaims;
import com.platform.accounts.handlers.Priming;
import com.platform.accounts.handlers.wiring.ApiWiring;
import com.platform.accounts.handlers.wiring.Infrastructure;
import java.util.Optional;

/**
 * The signed-in account's own view. Read-only and the most frequent call: it checks the session
 * with the public key (no secret read) and reads the account with its payment methods in one Query.
 */
public final class AccountApi extends ApiHandler {
  private final AccountOverviewStore overviews;

  /** Production: the session check and the table, nothing else. */
  public AccountApi() {
    this(ApiWiring.authenticator(), Infrastructure.table().accountOverviews());
    Priming.register(() -> handle(Priming.apiRequest("GET", "/v1/account", null), null));
  }

  public AccountApi(Authenticator authenticator, AccountOverviewStore overviews) {
    super(authenticator);
    this.overviews = overviews;
    route("GET", "/v1/account", this::get);
  }

  private ApiResponse get(ApiRequest request) {
    SessionClaims claims = authenticator().claims(request.bearerToken());
    Optional<AccountOverview> overview = overviews.find(claims.accountId());
    Account account = Authenticator.current(claims, overview.map(AccountOverview::account));
    return ApiResponse.of(200, Views.account(account, overview.get().paymentMethods()));
  }
}
