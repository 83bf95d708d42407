package com.platform.accounts.core.problem;

import java.nio.charset.StandardCharsets;

/**
 * The text the API accepts in any field (API.md): valid Unicode, which a Java string is not always
 * (an unpaired surrogate), and no NUL. Text that is not valid Unicode has no exact UTF-8 form, so
 * whatever stored, compared or hashed it would silently replace the bad part.
 */
public final class UnicodeText {
  private UnicodeText() {}

  public static boolean isValid(CharSequence text) {
    // a fresh encoder each time: an encoder is not safe to share between threads, and a new one
    // reports malformed input (an unpaired surrogate) instead of replacing it
    return text.chars().noneMatch(c -> c == 0)
        && StandardCharsets.UTF_8.newEncoder().canEncode(text);
  }
}
