package com.platform.accounts.core.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.port.ServiceKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Issues ES256-signed session tokens (checked by {@link SessionVerifier}). A token names the account
 * and the account's session version at issue time; the check compares that with the stored account,
 * so logout and deletion end sessions.
 */
public final class SessionTokens {
  public static final Duration LIFETIME = Duration.ofHours(12);

  private final ServiceKeys keys;
  private final Clock clock;
  private final ECDSASigner signer;

  public SessionTokens(ServiceKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
    try {
      this.signer = new ECDSASigner(keys.sessionSigningKey());
    } catch (JOSEException e) {
      throw new IllegalStateException("session key is not a P-256 key", e);
    }
  }

  public SessionToken issue(Account account) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(LIFETIME);
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(SessionVerifier.ISSUER)
        .subject(account.accountId())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(expiresAt))
        .jwtID(Ids.next("ses"))
        .claim(SessionVerifier.SESSION_VERSION, account.sessionVersion())
        .build();
    SignedJWT jwt = new SignedJWT(
        new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keys.sessionKeyId()).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign session token", e);
    }
    return new SessionToken(jwt.serialize(), expiresAt);
  }
}
