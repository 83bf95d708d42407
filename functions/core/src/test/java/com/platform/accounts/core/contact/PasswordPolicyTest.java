package com.platform.accounts.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  @Test
  void aPasswordHasEightTo128Characters() {
    assertThat(PasswordPolicy.isStrong("abcdefg", null)).isFalse();
    assertThat(PasswordPolicy.isStrong("abcdefgh1", null)).isTrue();
    assertThat(PasswordPolicy.isStrong("ab".repeat(4), null)).isTrue();
    assertThat(PasswordPolicy.isStrong("ab".repeat(64), null)).isTrue();
    assertThat(PasswordPolicy.isStrong("ab".repeat(64) + "c", null)).isFalse();
  }

  @Test
  void charactersAreCountedAsCodePointsNotAsJavaChars() {
    // four emoji are eight Java chars but four characters
    assertThat(PasswordPolicy.isStrong("😀😁😂🤣", null)).isFalse();
    assertThat(PasswordPolicy.isStrong("😀😁😂🤣😃😄😅😆", null)).isTrue();
  }

  @Test
  void thePasswordMayNotBeTheEmailInAnyLetterCase() {
    assertThat(PasswordPolicy.isStrong("Ana@Example.com", " ana@example.com ")).isFalse();
    assertThat(PasswordPolicy.isStrong("Ana@Example.com", "bo@example.com")).isTrue();
  }

  @Test
  void theFirstPasswordsEveryAttackerTriesAreRefusedInAnyLetterCase() {
    assertThat(PasswordPolicy.isStrong("password1", null)).isFalse();
    assertThat(PasswordPolicy.isStrong("PassWord1", null)).isFalse();
    assertThat(PasswordPolicy.isStrong("12345678", null)).isFalse();
  }

  @Test
  void oneCharacterRepeatedIsNotAPassword() {
    assertThat(PasswordPolicy.isStrong("zzzzzzzzzz", null)).isFalse();
    assertThat(PasswordPolicy.isStrong("zzzzzzzzzy", null)).isTrue();
  }
}
