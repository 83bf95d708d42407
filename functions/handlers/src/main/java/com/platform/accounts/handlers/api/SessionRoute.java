package com.platform.accounts.handlers.api;

import com.platform.accounts.core.account.Account;

/**
 * An operation of the signed-in account. The frame checks the session before anything else (the
 * Idempotency-Key lookup included) and hands the route the account the session belongs to.
 */
@FunctionalInterface
public interface SessionRoute {
  ApiResponse handle(ApiRequest request, Account account);
}
