package com.platform.accounts.core.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnicodeTextTest {

  @Test
  void textOfAnyScriptAndEmojiIsValid() {
    assertThat(UnicodeText.isValid("")).isTrue();
    assertThat(UnicodeText.isValid("Ana Müller, 東京, עברית 😀 \t\n")).isTrue();
  }

  @Test
  void anUnpairedSurrogateIsInvalidWhereverItStands() {
    char high = (char) 0xD800;
    char low = (char) 0xDC00;

    assertThat(UnicodeText.isValid("abcdefgh" + high + "xyz1")).isFalse();
    assertThat(UnicodeText.isValid("abc" + low)).isFalse();
    assertThat(UnicodeText.isValid(String.valueOf(high))).isFalse();
    assertThat(UnicodeText.isValid("" + low + high)).as("a pair in the wrong order").isFalse();
    assertThat(UnicodeText.isValid("" + high + low)).as("a pair").isTrue();
  }

  @Test
  void aNulCharacterIsInvalid() {
    assertThat(UnicodeText.isValid("abc\u0000def")).isFalse();
  }
}
