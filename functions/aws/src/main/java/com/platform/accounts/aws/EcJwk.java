package com.platform.accounts.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;

/**
 * An EC JWK ({@code kty}, {@code crv}, {@code x}, {@code y}, optionally {@code d}) read into
 * nimbus-jose-jwt's {@link ECKey}, which refuses coordinates that are not a point of the curve. The
 * members are read with the module's Jackson rather than with {@code ECKey.parse}: nimbus parses
 * JSON with a Gson it sets up on first use, which costs a cold start some 300 classes for five
 * members.
 */
public final class EcJwk {
  private EcJwk() {}

  /** A JWK given as JSON text. */
  public static ECKey read(String json) {
    try {
      return read(Json.MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      // the parser's message may quote the text
      throw new IllegalArgumentException("not JSON");
    }
  }

  /**
   * @throws IllegalArgumentException naming the flaw (a missing member, another key type or curve,
   *     a point off the curve), never a member's value
   */
  public static ECKey read(JsonNode jwk) {
    if (jwk == null || !jwk.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    if (!"EC".equals(text(jwk, "kty"))) {
      throw new IllegalArgumentException("not an EC key");
    }
    Curve curve = Curve.parse(text(jwk, "crv"));
    ECKey.Builder key;
    try {
      key = new ECKey.Builder(curve, new Base64URL(text(jwk, "x")), new Base64URL(text(jwk, "y")));
      if (jwk.hasNonNull("d")) {
        key.d(new Base64URL(text(jwk, "d")));
      }
      return key.build();
    } catch (IllegalStateException | IllegalArgumentException e) {
      // nimbus's messages are fixed texts ("... not on the P-256 curve"), never a value
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  private static String text(JsonNode jwk, String member) {
    JsonNode value = jwk.get(member);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("lacks the string member " + member);
    }
    return value.asText();
  }
}
