package com.platform.accounts.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.platform.accounts.core.port.SessionTokenVerifier;
import com.platform.accounts.core.session.SessionClaims;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks session tokens with the public half of the session key. Strict by design: exactly three
 * base64url parts, a header that says ES256 and nothing critical, a valid signature over the first
 * two parts as sent, this service as issuer, an account, an integral session version and an expiry
 * still ahead. Anything else is simply not a session.
 */
public final class Es256SessionVerifier implements SessionTokenVerifier {
  private static final Pattern COMPACT_JWS =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
  private final JWSVerifier verifier;
  private final Clock clock;

  public Es256SessionVerifier(ECPublicKey verificationKey, Clock clock) {
    this.clock = clock;
    try {
      this.verifier = new ECDSAVerifier(verificationKey);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the session key is not a P-256 key");
    }
  }

  @Override
  public Optional<SessionClaims> verify(String token) {
    if (token == null
        || token.length() > SessionJwt.MAX_LENGTH
        || !COMPACT_JWS.matcher(token).matches()) {
      return Optional.empty();
    }
    int firstDot = token.indexOf('.');
    int secondDot = token.indexOf('.', firstDot + 1);
    try {
      JsonNode header = SessionJwt.READER.readTree(BASE64URL.decode(token.substring(0, firstDot)));
      if (!header.isObject()
          || !"ES256".equals(header.path("alg").textValue())
          || header.has("crit")) {
        return Optional.empty();
      }
      byte[] signingInput = token.substring(0, secondDot).getBytes(StandardCharsets.US_ASCII);
      if (!verifier.verify(
          SessionJwt.HEADER, signingInput, new Base64URL(token.substring(secondDot + 1)))) {
        return Optional.empty();
      }
      return claims(
          SessionJwt.READER.readTree(BASE64URL.decode(token.substring(firstDot + 1, secondDot))));
    } catch (IOException | IllegalArgumentException | JOSEException e) {
      // not base64url, not JSON, a signature of the wrong size: not a session, never a 500
      return Optional.empty();
    }
  }

  private Optional<SessionClaims> claims(JsonNode claims) {
    JsonNode subject = claims.path("sub");
    JsonNode expiry = claims.path("exp");
    JsonNode version = claims.path(SessionJwt.SESSION_VERSION);
    if (!claims.isObject()
        || !SessionJwt.ISSUER.equals(claims.path("iss").textValue())
        || !subject.isTextual()
        || subject.asText().isEmpty()
        || !expiry.canConvertToLong()
        || !expiry.isIntegralNumber()
        || !version.isIntegralNumber()
        || !version.canConvertToLong()
        || clock.instant().getEpochSecond() >= expiry.asLong()) {
      return Optional.empty();
    }
    return Optional.of(new SessionClaims(subject.asText(), version.asLong()));
  }
}
