package com.platform.accounts.core.contact;

import java.util.Locale;
import java.util.Set;

/**
 * NIST SP 800-63B style: length matters, composition rules do not. 8 to 128 characters (code
 * points), not the email, not one of the passwords every attacker tries first.
 */
public final class PasswordPolicy {
  public static final int MIN = 8;
  public static final int MAX = 128;
  private static final Set<String> COMMON =
      Set.of(
          "password",
          "password1",
          "password123",
          "12345678",
          "123456789",
          "1234567890",
          "qwertyui",
          "qwertyuiop",
          "iloveyou",
          "11111111",
          "00000000",
          "abcdefgh",
          "abc12345",
          "letmein1",
          "welcome1",
          "passw0rd",
          "sunshine",
          "football",
          "baseball",
          "trustno1",
          "princess",
          "superman",
          "1q2w3e4r",
          "qwerty123");

  private PasswordPolicy() {}

  /** True when the password is acceptable for this email. */
  public static boolean isStrong(String password, String email) {
    int length = password.codePointCount(0, password.length());
    if (length < MIN || length > MAX) {
      return false;
    }
    String folded = password.toLowerCase(Locale.ROOT);
    if (email != null && folded.equals(email.strip().toLowerCase(Locale.ROOT))) {
      return false;
    }
    if (COMMON.contains(folded)) {
      return false;
    }
    return password.codePoints().distinct().count() > 1;
  }
}
