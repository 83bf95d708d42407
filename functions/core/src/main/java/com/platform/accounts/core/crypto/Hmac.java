package com.platform.accounts.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed HMAC-SHA256 of secrets we must recognise but never keep (codes, later descriptor codes and
 * card fingerprints). Parts are joined unambiguously so that a code is bound to its challenge and
 * channel.
 */
public final class Hmac {
  private final SecretKeySpec key;

  public Hmac(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("HMAC key must be at least 32 bytes");
    }
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  public String digest(String... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      for (String part : parts) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        mac.update(
            new byte[] {
              (byte) (bytes.length >>> 24),
              (byte) (bytes.length >>> 16),
              (byte) (bytes.length >>> 8),
              (byte) bytes.length
            });
        mac.update(bytes);
      }
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** Compares a candidate with a stored digest in constant time. */
  public boolean matches(String storedDigest, String... parts) {
    if (storedDigest == null) {
      return false;
    }
    return MessageDigest.isEqual(
        storedDigest.getBytes(StandardCharsets.US_ASCII),
        digest(parts).getBytes(StandardCharsets.US_ASCII));
  }
}
