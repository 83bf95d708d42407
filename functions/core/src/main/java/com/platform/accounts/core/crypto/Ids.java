package com.platform.accounts.core.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable identifiers: a readable prefix and 128 random bits. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String next(String prefix) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** True for a value shaped like {@link #next} made it, so junk never reaches a store lookup. */
  public static boolean looksLike(String prefix, String value) {
    return value != null
        && value.length() == prefix.length() + 23
        && value.startsWith(prefix + "_")
        && value.substring(prefix.length() + 1).chars().allMatch(Ids::isUrlSafe);
  }

  /**
   * True for any value shaped like an id of ours: short and URL-safe. Checked before a store
   * lookup, so that junk from a path never reaches the table (a long one would exceed its key
   * size).
   */
  public static boolean wellFormed(String value) {
    return value != null
        && !value.isEmpty()
        && value.length() <= 64
        && value.chars().allMatch(Ids::isUrlSafe);
  }

  private static boolean isUrlSafe(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }
}
