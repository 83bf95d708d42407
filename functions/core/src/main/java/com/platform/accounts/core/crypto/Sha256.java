package com.platform.accounts.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Unkeyed SHA-256, for names derived from a value that must not be shown or stored as it is
 * (idempotency keys, fingerprints of test cards). A secret that must be recognised later is keyed
 * with {@link Hmac} instead: an unkeyed hash of a short secret can be guessed by brute force.
 */
public final class Sha256 {
  private Sha256() {}

  /** The digest of the UTF-8 bytes of {@code text}, as 64 lowercase hex digits. */
  public static String hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
