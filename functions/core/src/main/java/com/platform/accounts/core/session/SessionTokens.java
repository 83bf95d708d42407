package com.platform.accounts.core.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.port.ServiceKeys;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * ES256-signed session tokens. A token names the account and the account's session version at
 * issue time; the caller compares that with the stored account, so logout and deletion end sessions.
 */
public final class SessionTokens {
  public static final Duration LIFETIME = Duration.ofHours(12);
  private static final String ISSUER = "account-lifecycle";
  private static final String SESSION_VERSION = "sv";
  private static final int MAX_TOKEN_LENGTH = 4096;

  private final ServiceKeys keys;
  private final Clock clock;
  private final ECDSASigner signer;
  private final JWSVerifier verifier;

  /** The claims a valid token carries. */
  public record Claims(String accountId, long sessionVersion) {}

  public SessionTokens(ServiceKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
    try {
      this.signer = new ECDSASigner(keys.sessionSigningKey());
      this.verifier = new ECDSAVerifier(keys.sessionVerificationKey());
    } catch (JOSEException e) {
      throw new IllegalStateException("session key is not a P-256 key", e);
    }
  }

  public SessionToken issue(Account account) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(LIFETIME);
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject(account.accountId())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(expiresAt))
        .jwtID(Ids.next("ses"))
        .claim(SESSION_VERSION, account.sessionVersion())
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
      return Optional.empty();
    }
  }
}
