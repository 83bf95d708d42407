package com.platform.accounts.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacTest {
  private static final byte[] KEY = new byte[32];
  private final Hmac hmac = new Hmac(KEY);

  /**
   * The documented encoding, written independently: each part as its 4-byte big-endian length and
   * its UTF-8 bytes. Stored digests (codes, fingerprints) must stay checkable, so it may not drift.
   */
  private static String reference(String... parts) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    for (String part : parts) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
      mac.update(bytes);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
  }

  @Test
  void aKeyShorterThan32BytesIsRefused() {
    assertThatThrownBy(() -> new Hmac(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    assertThat(new Hmac(new byte[32]).digest("code")).isNotBlank();
  }

  @Test
  void partsAreJoinedSoThatNoTwoSplitsOfOneTextCollide() {
    assertThat(hmac.digest("ab", "c")).isNotEqualTo(hmac.digest("a", "bc"));
    assertThat(hmac.digest("abc")).isNotEqualTo(hmac.digest("abc", ""));
  }

  @Test
  void eachPartIsWrittenAsItsFourByteLengthAndItsUtf8Bytes() throws Exception {
    assertThat(hmac.digest()).isEqualTo(reference());
    assertThat(hmac.digest("sgn_1", "EMAIL", "123456"))
        .isEqualTo(reference("sgn_1", "EMAIL", "123456"));
    assertThat(hmac.digest("Zürich")).isEqualTo(reference("Zürich"));
    // lengths that fill the second, third and fourth byte of the prefix
    for (int length : new int[] {300, 70_000, 16_777_217}) {
      String part = "a".repeat(length);
      assertThat(hmac.digest(part)).as("a part of %d bytes", length).isEqualTo(reference(part));
    }
  }

  @Test
  void anotherKeyGivesAnotherDigest() {
    byte[] other = new byte[32];
    other[0] = 1;

    assertThat(new Hmac(other).digest("123456")).isNotEqualTo(hmac.digest("123456"));
  }

  @Test
  void aCandidateMatchesTheDigestOfTheSameParts() {
    String stored = hmac.digest("sgn_1", "SMS", "123456");

    assertThat(hmac.matches(stored, "sgn_1", "SMS", "123456")).isTrue();
    assertThat(hmac.matches(stored, "sgn_1", "SMS", "123457")).isFalse();
    assertThat(hmac.matches(stored, "sgn_1", "VOICE", "123456")).isFalse();
  }

  @Test
  void nothingMatchesAMissingDigest() {
    assertThat(hmac.matches(null, "sgn_1", "SMS", "123456")).isFalse();
  }
}
