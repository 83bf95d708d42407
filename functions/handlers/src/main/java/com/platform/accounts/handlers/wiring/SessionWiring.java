package com.platform.accounts.handlers.wiring;

import com.platform.accounts.aws.Es256SessionIssuer;
import com.platform.accounts.core.crypto.PasswordHasher;
import com.platform.accounts.core.port.SessionTokenIssuer;
import com.platform.accounts.core.ratelimit.RateLimiter;
import com.platform.accounts.core.session.SessionService;

/** Signing in and out, and the session tokens that sign-in and sign-up issue. */
public final class SessionWiring {
  private SessionWiring() {}

  public static SessionTokenIssuer tokens() {
    return TokensHolder.TOKENS;
  }

  public static PasswordHasher passwords() {
    return PasswordsHolder.PASSWORDS;
  }

  public static SessionService sessions() {
    return SessionsHolder.SESSIONS;
  }

  private static final class TokensHolder {
    static final SessionTokenIssuer TOKENS =
        new Es256SessionIssuer(SecretsWiring.keys(), Infrastructure.clock());
  }

  private static final class PasswordsHolder {
    static final PasswordHasher PASSWORDS = new PasswordHasher();
  }

  private static final class SessionsHolder {
    static final SessionService SESSIONS =
        new SessionService(
            Infrastructure.table().accounts(),
            passwords(),
            tokens(),
            new RateLimiter(Infrastructure.table().rateLimits(), Infrastructure.clock()),
            SecretsWiring.hmac());
  }
}
