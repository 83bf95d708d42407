package com.platform.accounts.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.platform.accounts.core.port.ServiceKeys;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.Objects;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The service keys from one SSM SecureString parameter, read (and decrypted) once per process, on
 * first use. The parameter holds JSON:
 *
 * <pre>{@code
 * {"hmacKey": "<base64, at least 32 bytes>",
 *  "sessionKeyId": "<key id for token headers>",
 *  "sessionJwk": {"kty": "EC", "crv": "P-256", "x": "...", "y": "...", "d": "..."},
 *  "cardProcessorSecretKey": "<the card processor's secret API key>",
 *  "payPalClientId": "<PayPal REST app's client id>",
 *  "payPalClientSecret": "<PayPal REST app's secret>"}
 * }</pre>
 *
 * <p>No error message names a key's value, and parse errors drop their cause, which may quote the
 * text.
 */
public final class SsmServiceKeys implements ServiceKeys {
  private static final int MIN_HMAC_KEY_BYTES = 32;

  private final Lazy<Keys> keys;

  public SsmServiceKeys(SsmClient ssm, String parameterName) {
    Objects.requireNonNull(ssm, "ssm");
    Objects.requireNonNull(parameterName, "parameterName");
    this.keys =
        new Lazy<>(
            () ->
                parse(
                    parameterName,
                    ssm.getParameter(request -> request.name(parameterName).withDecryption(true))
                        .parameter()
                        .value()));
  }

  @Override
  public byte[] hmacKey() {
    return keys.get().hmacKey().clone();
  }

  @Override
  public String sessionKeyId() {
    return keys.get().sessionKeyId();
  }

  @Override
  public ECPrivateKey sessionSigningKey() {
    return keys.get().signing();
  }

  /** The public half of the signing key (checked against it when the parameter is read). */
  public ECPublicKey sessionVerificationKey() {
    return keys.get().verification();
  }

  /** The card processor's secret API key. */
  public String cardProcessorSecretKey() {
    String secret = keys.get().cardProcessorSecretKey();
    if (secret == null) {
      throw new IllegalStateException("the service keys parameter lacks cardProcessorSecretKey");
    }
    return secret;
  }

  /** PayPal's client id (the REST app's credentials, with {@link #payPalClientSecret}). */
  public String payPalClientId() {
    return required(keys.get().payPalClientId(), "payPalClientId");
  }

  /** PayPal's client secret. */
  public String payPalClientSecret() {
    return required(keys.get().payPalClientSecret(), "payPalClientSecret");
  }

  private static String required(String value, String member) {
    if (value == null) {
      throw new IllegalStateException("the service keys parameter lacks " + member);
    }
    return value;
  }

  /** The parsed keys; {@code hmacKey} is never handed out without a copy. */
  record Keys(
      byte[] hmacKey,
      String sessionKeyId,
      ECPrivateKey signing,
      ECPublicKey verification,
      String cardProcessorSecretKey,
      String payPalClientId,
      String payPalClientSecret) {
    @Override
    public String toString() {
      // every member but the key id is a secret
      return "Keys[" + sessionKeyId + "]";
    }
  }

  static Keys parse(String parameterName, String json) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw invalid(parameterName, "is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw invalid(parameterName, "is not a JSON object");
    }
    byte[] hmacKey =
        decode(parameterName, "hmacKey", text(parameterName, root, "hmacKey"), Base64.getDecoder());
    if (hmacKey.length < MIN_HMAC_KEY_BYTES) {
      throw invalid(parameterName, "has an hmacKey shorter than " + MIN_HMAC_KEY_BYTES + " bytes");
    }
    String keyId = text(parameterName, root, "sessionKeyId");
    JsonNode jwk = root.get("sessionJwk");
    if (jwk == null || !jwk.isObject()) {
      throw invalid(parameterName, "lacks the object sessionJwk");
    }
    ECKey sessionKey = sessionKey(parameterName, jwk);
    try {
      ECPublicKey publicKey = sessionKey.toECPublicKey();
      ECPrivateKey privateKey = sessionKey.toECPrivateKey();
      BigInteger d = privateKey.getS();
      if (d.signum() <= 0 || d.compareTo(privateKey.getParams().getOrder()) >= 0) {
        throw invalid(parameterName, "has a sessionJwk whose d is out of range");
      }
      requirePair(parameterName, privateKey, publicKey);
      return new Keys(
          hmacKey,
          keyId,
          privateKey,
          publicKey,
          optionalText(root, "cardProcessorSecretKey"),
          optionalText(root, "payPalClientId"),
          optionalText(root, "payPalClientSecret"));
    } catch (JOSEException | GeneralSecurityException e) {
      throw invalid(parameterName, "has a sessionJwk that is not a valid P-256 key");
    }
  }

  /** A member that only some functions need: null when absent or not text. */
  private static String optionalText(JsonNode root, String member) {
    JsonNode value = root.get(member);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  /**
   * The session key pair as nimbus-jose-jwt reads a JWK: it refuses x and y that are not a point of
   * the curve, which the JDK would take for a public key and which would then fail later and
   * obscurely, or invite invalid-curve attacks on whoever trusts it.
   */
  private static ECKey sessionKey(String parameterName, JsonNode jwk) {
    ECKey key;
    try {
      key = EcJwk.read(jwk);
    } catch (IllegalArgumentException e) {
      // nimbus names the flaw (a missing member, a point off the curve), never a member's value
      throw invalid(
          parameterName, "has a sessionJwk that is not an EC P-256 key (" + e.getMessage() + ")");
    }
    if (!Curve.P_256.equals(key.getCurve())) {
      throw invalid(parameterName, "has a sessionJwk that is not an EC P-256 key");
    }
    if (!key.isPrivate()) {
      throw invalid(parameterName, "has a sessionJwk without its private part d");
    }
    return key;
  }

  /**
   * Signs and verifies once: a private key that does not belong to its public half would sign
   * tokens that nobody can verify, which is better found at start than at the first sign-in.
   */
  private static void requirePair(
      String parameterName, ECPrivateKey privateKey, ECPublicKey publicKey)
      throws GeneralSecurityException {
    byte[] probe = "session key pair check".getBytes(StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(privateKey);
    signer.update(probe);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(publicKey);
    verifier.update(probe);
    if (!verifier.verify(signature)) {
      throw invalid(parameterName, "has a sessionJwk whose d does not match its x and y");
    }
  }

  private static String text(String parameterName, JsonNode node, String member) {
    JsonNode value = node.get(member);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw invalid(parameterName, "lacks the string " + member);
    }
    return value.asText();
  }

  private static byte[] decode(
      String parameterName, String member, String value, Base64.Decoder decoder) {
    try {
      return decoder.decode(value.strip());
    } catch (IllegalArgumentException e) {
      throw invalid(parameterName, "has a " + member + " that is not base64");
    }
  }

  private static IllegalStateException invalid(String parameterName, String problem) {
    return new IllegalStateException("SSM parameter " + parameterName + " " + problem);
  }
}
