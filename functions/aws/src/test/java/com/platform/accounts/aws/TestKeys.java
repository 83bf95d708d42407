package com.platform.accounts.aws;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/** Freshly generated service keys in the SSM parameter's JSON form. */
final class TestKeys {
  private TestKeys() {}

  static KeyPair p256() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String parameter(byte[] hmacKey, String keyId, KeyPair pair) {
    return parameter(
        Base64.getEncoder().encodeToString(hmacKey),
        keyId,
        jwk((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate()));
  }

  static String parameter(String hmacKeyBase64, String keyId, String jwk) {
    return """
        {"hmacKey": "%s", "sessionKeyId": "%s", "sessionJwk": %s}"""
        .formatted(hmacKeyBase64, keyId, jwk);
  }

  static String jwk(ECPublicKey publicKey, ECPrivateKey privateKey) {
    return """
        {"kty": "EC", "crv": "P-256", "x": "%s", "y": "%s", "d": "%s"}"""
        .formatted(
            base64Url(publicKey.getW().getAffineX()),
            base64Url(publicKey.getW().getAffineY()),
            base64Url(privateKey.getS()));
  }

  /** The number as 32 big-endian bytes, as RFC 7518 wants P-256 coordinates. */
  static String base64Url(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] fixed = new byte[32];
    int length = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - length, fixed, 32 - length, length);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
  }

  static byte[] bytes(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
