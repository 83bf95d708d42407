package com.platform.accounts.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.platform.accounts.core.crypto.Sha256;
import com.platform.accounts.core.port.SessionTokenVerifier;
import com.platform.accounts.core.session.SessionClaims;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks session tokens with the public half of the session key. Strict by design: exactly three
 * base64url parts, a header that says ES256 and nothing critical, a valid signature over the first
 * two parts as sent, this service as issuer, an account, an integral session version and an expiry
 * still ahead. Anything else is simply not a session.
 *
 * <p>A token whose signature checked out is remembered (by its SHA-256, never as it is) until it
 * expires: the signature check is most of the cost of a signed-in request on a warm function, and a
 * warm function sees the same token again and again. What may change while a token is remembered
 * (sign-out, deletion) is not in the token; the caller still checks it against the account.
 */
public final class Es256SessionVerifier implements SessionTokenVerifier {
  private static final Pattern COMPACT_JWS =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
  private static final int REMEMBERED_TOKENS = 1024;
  private final JWSVerifier verifier;
  private final Clock clock;
  private final Map<String, Verified> remembered = new LinkedHashMap<>(64, 0.75f, true);

  public Es256SessionVerifier(ECPublicKey verificationKey, Clock clock) {
    this(p256(verificationKey), clock);
  }

  Es256SessionVerifier(JWSVerifier verifier, Clock clock) {
    this.verifier = verifier;
    this.clock = clock;
  }

  private static JWSVerifier p256(ECPublicKey verificationKey) {
    try {
      return new ECDSAVerifier(verificationKey);
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
    String digest = Sha256.hex(token);
    Verified known = recall(digest);
    if (known != null) {
      return Optional.of(known.claims());
    }
    Optional<Verified> verified = check(token);
    verified.ifPresent(v -> remember(digest, v));
    return verified.map(Verified::claims);
  }

  /** A remembered token that is still valid; an expired one is forgotten (and then refused). */
  private synchronized Verified recall(String digest) {
    Verified known = remembered.get(digest);
    if (known == null || known.stillValidAt(clock.instant().getEpochSecond())) {
      return known;
    }
    remembered.remove(digest);
    return null;
  }

  private synchronized void remember(String digest, Verified verified) {
    remembered.put(digest, verified);
    if (remembered.size() > REMEMBERED_TOKENS) {
      remembered.remove(remembered.keySet().iterator().next());
    }
  }

  private Optional<Verified> check(String token) {
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

  private Optional<Verified> claims(JsonNode claims) {
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
    return Optional.of(
        new Verified(new SessionClaims(subject.asText(), version.asLong()), expiry.asLong()));
  }

  /** The claims of a token whose signature checked out, and the second it stops being valid. */
  private record Verified(SessionClaims claims, long expiresAtEpochSecond) {
    boolean stillValidAt(long epochSecond) {
      return epochSecond < expiresAtEpochSecond;
    }
  }
}
