package com.platform.accounts.core.session;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.port.AccountStore;
import com.platform.accounts.core.port.SessionTokenVerifier;
import com.platform.accounts.core.problem.Problem;
import java.util.Optional;

/**
 * The check of every signed-in request: a token this service signed, not expired, naming an active
 * account whose session version it still carries (sign-out and deletion raise the version).
 */
public final class Authenticator {
  private final SessionTokenVerifier verifier;
  private final AccountStore accounts;

  public Authenticator(SessionTokenVerifier verifier, AccountStore accounts) {
    this.verifier = verifier;
    this.accounts = accounts;
  }

  /** The active account a bearer token belongs to (one read), or 401. */
  public Account authenticate(String bearerToken) {
    SessionClaims claims = claims(bearerToken);
    return current(claims, accounts.find(claims.accountId()));
  }

  /** The claims of a valid token, without reading the account; 401 for anything else. */
  public SessionClaims claims(String bearerToken) {
    return verifier.verify(bearerToken).orElseThrow(Problem::unauthenticated);
  }

  /**
   * The account read for a token's claims if the session still holds, or 401: for a route that
   * reads the account together with more of its data in one round trip.
   */
  public static Account current(SessionClaims claims, Optional<Account> account) {
    if (account.isEmpty()
        || !account.get().isActive()
        || account.get().sessionVersion() != claims.sessionVersion()) {
      throw Problem.unauthenticated();
    }
    return account.get();
  }
}
