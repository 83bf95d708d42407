package com.platform.accounts.core.port;

import com.platform.accounts.core.session.SessionClaims;
import java.util.Optional;

/**
 * Checks a session token with the public half of the signing key only: a function that serves
 * signed-in requests but never signs anyone in reads no secret for this.
 */
public interface SessionTokenVerifier {

  /**
   * The claims of a token this service issued and that has not expired; empty for anything else
   * (malformed, tampered, signed by another key, expired), never an exception.
   */
  Optional<SessionClaims> verify(String token);
}
