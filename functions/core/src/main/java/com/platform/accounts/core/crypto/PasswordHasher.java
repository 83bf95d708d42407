package com.platform.accounts.core.crypto;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane): strong enough for passwords
 * and cheap enough for a 1 GB Lambda to answer a login in well under a second.
 */
public final class PasswordHasher {
  private static final Argon2Function ARGON2ID =
      Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID, 19);

  /**
   * Checked when the email is unknown so that both answers take the same time. A fixed hash of a
   * throw-away password with the same parameters: computing one at class load would add an Argon2
   * run (over 100 ms) to every cold start.
   */
  private static final String DECOY_HASH =
      "$argon2id$v=19$m=19456,t=2,p=1"
          + "$4DFoJoGCwSFqPAUJThW3gQ$GfFEVvi7opUw8k8iHSwMTpeFTO4KihXEbiy8JTuIR5M";

  public String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
  }

  public boolean matches(String password, String storedHash) {
    if (storedHash == null) {
      Password.check(password, DECOY_HASH).with(ARGON2ID);
      return false;
    }
    return Password.check(password, storedHash).with(ARGON2ID);
  }
}
