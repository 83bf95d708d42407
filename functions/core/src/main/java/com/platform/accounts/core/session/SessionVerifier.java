package com.platform.accounts.core.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;

/**
 * Checks session tokens with the public half of the signing key only. A function that serves
 * signed-in requests but never signs in anyone needs no secret for this, so it reads no secret store
 * at start.
 */
public final class SessionVerifier {
  static final String ISSUER = "account-lifecycle";
  static final String SESSION_VERSION = "sv";
  private static final int MAX_TOKEN_LENGTH = 4096;

  private final JWSVerifier verifier;
  private final Clock clock;

  /** The claims a valid token carries. */
  public record Claims(String accountId, long sessionVersion) {}

  public SessionVerifier(ECPublicKey verificationKey, Clock clock) {
    this.clock = clock;
    try {
      this.verifier = new ECDSAVerifier(verificationKey);
    } catch (JOSEException e) {
      throw new IllegalStateException("session key is not a P-256 key", e);
    }
  }

  /** The claims of a token this service signed and that has not expired; empty for anything else. */
  public Optional<Claims> verify(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date expiry = claims.getExpirationTime();
      Object version = claims.getClaim(SESSION_VERSION);
      if (expiry == null || !clock.instant().isBefore(expiry.toInstant())
          || !ISSUER.equals(claims.getIssuer()) || claims.getSubject() == null
          || !(version instanceof Number)) {
        return Optional.empty();
      }
      return Optional.of(new Claims(claims.getSubject(), ((Number) version).longValue()));
    } catch (ParseException | JOSEException | RuntimeException e) {
      // a token that does not parse or verify is simply not a session: 401, never a 500
      return Optional.empty();
    }
  }
}
