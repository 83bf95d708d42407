package com.platform.accounts.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void hashesAreArgon2idWithTheOwaspParametersAndSalted() {
    String one = hasher.hash("correct horse battery staple");
    String two = hasher.hash("correct horse battery staple");

    assertThat(one).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(one).isNotEqualTo(two);
    assertThat(hasher.matches("correct horse battery staple", one)).isTrue();
    assertThat(hasher.matches("correct horse battery stapler", one)).isFalse();
  }

  @Test
  void anUnknownAccountRunsTheSameArgon2WorkAndNeverMatches() {
    assertThat(hasher.matches("decoy-password-for-timing", null)).isFalse();
  }
}
