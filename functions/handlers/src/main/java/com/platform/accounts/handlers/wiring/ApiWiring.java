package com.platform.accounts.handlers.wiring;

import com.platform.accounts.aws.Es256SessionVerifier;
import com.platform.accounts.core.idempotency.Idempotency;
import com.platform.accounts.core.session.Authenticator;

/**
 * What the frame of every API function uses: the session check (the public key from the environment
 * and one account read, no secret) and the Idempotency-Key records.
 */
public final class ApiWiring {
  private ApiWiring() {}

  public static Authenticator authenticator() {
    return AuthenticatorHolder.AUTHENTICATOR;
  }

  public static Idempotency idempotency() {
    return IdempotencyHolder.IDEMPOTENCY;
  }

  public static Settings.Api settings() {
    return Settings.fromEnvironment().api();
  }

  private static final class AuthenticatorHolder {
    static final Authenticator AUTHENTICATOR =
        new Authenticator(
            new Es256SessionVerifier(
                Infrastructure.settings().sessions().verificationKey(), Infrastructure.clock()),
            Infrastructure.table().accounts());
  }

  private static final class IdempotencyHolder {
    static final Idempotency IDEMPOTENCY =
        new Idempotency(Infrastructure.table().idempotency(), Infrastructure.clock());
  }
}
