package com.platform.accounts.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenSealerTest {
  private static final byte[] SERVICE_KEY = key(7);
  // Step Functions task tokens are opaque and long; sealing must give back every character
  private static final String TASK_TOKEN = "AQCEAAAAKgAAAAMAAAAAAAAAAb+/=" + "x".repeat(900) + "ü";
  private final TokenSealer sealer = new TokenSealer(SERVICE_KEY);

  private static byte[] key(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }

  @Test
  void aSealedTokenOpensToTheVerySameToken() {
    assertThat(sealer.unseal(sealer.seal(TASK_TOKEN))).isEqualTo(TASK_TOKEN);
    assertThat(sealer.unseal(sealer.seal(""))).isEmpty();
  }

  @Test
  void aTokenSealedByOneInstanceOpensWithAnotherOfTheSameServiceKey() {
    String sealed = sealer.seal(TASK_TOKEN);

    assertThat(new TokenSealer(SERVICE_KEY).unseal(sealed)).isEqualTo(TASK_TOKEN);
  }

  @Test
  void theSealedFormRevealsNothingOfTheToken() {
    String sealed = sealer.seal(TASK_TOKEN);

    assertThat(sealed).doesNotContain("xxxx").doesNotContain("AQCEAAAAKgAAAAMA");
    assertThat(sealed).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void sealingTheSameTokenTwiceGivesTwoDifferentTexts() {
    assertThat(sealer.seal(TASK_TOKEN)).isNotEqualTo(sealer.seal(TASK_TOKEN));
  }

  @Test
  void aCopyOfTheTableWithoutTheServiceKeyOpensNoToken() {
    String sealed = sealer.seal(TASK_TOKEN);

    assertThatThrownBy(() -> new TokenSealer(key(8)).unseal(sealed))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("sealed task token cannot be opened");
  }

  @Test
  void anAlteredSealedTokenIsRefused() {
    byte[] raw = Base64.getUrlDecoder().decode(sealer.seal(TASK_TOKEN));
    raw[raw.length - 1] ^= 1;
    String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

    assertThatThrownBy(() -> sealer.unseal(altered)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void textThatWasNeverSealedIsRefused() {
    assertThatThrownBy(() -> sealer.unseal("not base64 at all!"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> sealer.unseal("AAAA")).isInstanceOf(IllegalStateException.class);
  }
}
