package com.platform.accounts.handlers.wiring;

import com.platform.accounts.core.signup.SignupService;

/** Sign-up: the account's details, its first code, and the account made when the code is proven. */
public final class SignupWiring {
  private SignupWiring() {}

  public static SignupService signups() {
    return Holder.SIGNUPS;
  }

  private static final class Holder {
    static final SignupService SIGNUPS =
        new SignupService(
            Infrastructure.table().accounts(),
            Infrastructure.table().challenges(),
            ContactVerificationWiring.codes(),
            SessionWiring.passwords(),
            SessionWiring.tokens(),
            ContactVerificationWiring.process(),
            Infrastructure.clock(),
            Infrastructure.settings().contactVerification().termsVersion());
  }
}
