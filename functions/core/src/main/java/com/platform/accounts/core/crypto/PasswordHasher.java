package com.platform.accounts.core.crypto;

import com.password4j.Argon2Function;
import com.password4j.SaltGenerator;
import com.password4j.types.Argon2;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane): strong enough for passwords
 * and cheap enough for a 1 GB Lambda to answer a login in well under a second.
 *
 * <p>A password is hashed from its exact UTF-8 bytes, given to the Argon2 function directly:
 * password4j's own conversion of a string replaces what has no UTF-8 form (an unpaired surrogate)
 * with {@code ?}, which would make a password holding one and the same password with {@code ?} in
 * its place one password; and its byte entry points refuse an empty password, which a sign-in may
 * send.
 */
public final class PasswordHasher {
  private static final Argon2Function ARGON2ID =
      Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID, 19);

  /**
   * Checked when the email is unknown so that both answers take the same time. A fixed hash of a
   * throw-away password with the same parameters: computing one at class load would add an Argon2
   * run (over 100 ms) to every cold start.
   */
  private static final String DECOY_HASH =
      "$argon2id$v=19$m=19456,t=2,p=1"
          + "$4DFoJoGCwSFqPAUJThW3gQ$GfFEVvi7opUw8k8iHSwMTpeFTO4KihXEbiy8JTuIR5M";

  /**
   * The password's salted hash.
   *
   * @throws IllegalArgumentException for text that is not valid Unicode (the API refuses it first)
   */
  public String hash(String password) {
    return ARGON2ID.hash(exactUtf8(password), SaltGenerator.generate(16)).getResult();
  }

  /**
   * Whether the password is the one hashed; against the decoy (and false) without a hash.
   *
   * @throws IllegalArgumentException for text that is not valid Unicode (the API refuses it first)
   */
  public boolean matches(String password, String storedHash) {
    byte[] bytes = exactUtf8(password);
    if (storedHash == null) {
      ARGON2ID.check(bytes, DECOY_HASH.getBytes(StandardCharsets.UTF_8));
      return false;
    }
    return ARGON2ID.check(bytes, storedHash.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] exactUtf8(String password) {
    try {
      // a new encoder reports malformed input where String.getBytes would replace it
      ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(password));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      // the message names no part of the password
      throw new IllegalArgumentException("the password is not valid Unicode text", e);
    }
  }
}
