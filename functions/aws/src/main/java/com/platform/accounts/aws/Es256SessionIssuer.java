package com.platform.accounts.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.port.ServiceKeys;
import com.platform.accounts.core.port.SessionTokenIssuer;
import com.platform.accounts.core.session.SessionToken;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/** Signs session tokens (ES256) with the session key of the service's secret keys. */
public final class Es256SessionIssuer implements SessionTokenIssuer {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private final ServiceKeys keys;
  private final Clock clock;

  /** Made from the signing key on the first token and kept: the key does not change. */
  private final Lazy<ECDSASigner> signer;

  /** The keys are read on the first token, not here: building the issuer reads no secret. */
  public Es256SessionIssuer(ServiceKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
    this.signer =
        new Lazy<>(
            () -> {
              try {
                return new ECDSASigner(keys.sessionSigningKey());
              } catch (JOSEException e) {
                throw new IllegalStateException("the session signing key is not a P-256 key", e);
              }
            });
  }

  @Override
  public SessionToken issue(Account account) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(LIFETIME);
    ObjectNode header =
        Json.MAPPER
            .createObjectNode()
            .put("alg", "ES256")
            .put("kid", keys.sessionKeyId())
            .put("typ", "JWT");
    ObjectNode claims =
        Json.MAPPER
            .createObjectNode()
            .put("iss", SessionJwt.ISSUER)
            .put("sub", account.accountId())
            .put("iat", now.getEpochSecond())
            .put("exp", expiresAt.getEpochSecond())
            .put("jti", Ids.next("ses"))
            .put(SessionJwt.SESSION_VERSION, account.sessionVersion());
    try {
      String signingInput =
          BASE64URL.encodeToString(Json.MAPPER.writeValueAsBytes(header))
              + "."
              + BASE64URL.encodeToString(Json.MAPPER.writeValueAsBytes(claims));
      String signature =
          signer
              .get()
              .sign(SessionJwt.HEADER, signingInput.getBytes(StandardCharsets.US_ASCII))
              .toString();
      return new SessionToken(signingInput + "." + signature, expiresAt);
    } catch (JsonProcessingException | JOSEException e) {
      throw new IllegalStateException("cannot sign a session token", e);
    }
  }
}
