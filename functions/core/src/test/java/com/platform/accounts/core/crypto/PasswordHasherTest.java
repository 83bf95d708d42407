package com.platform.accounts.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
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

  @Test
  void aPasswordWithAnUnpairedSurrogateIsRefusedRatherThanHashedAsAnotherOne() {
    String unpaired = "abcdefgh" + (char) 0xD800 + "xyz1";

    IllegalArgumentException refused =
        catchThrowableOfType(IllegalArgumentException.class, () -> hasher.hash(unpaired));

    assertThat(refused).hasMessageNotContaining("abcdefgh");
    String replaced = hasher.hash("abcdefgh?xyz1");
    assertThat(
            catchThrowableOfType(
                IllegalArgumentException.class, () -> hasher.matches(unpaired, replaced)))
        .isNotNull();
  }

  @Test
  void theExactTextMatchesAndNothingThatLooksLikeIt() {
    String hash = hasher.hash("pässwörd 😀 über");

    assertThat(hasher.matches("pässwörd 😀 über", hash)).isTrue();
    assertThat(hasher.matches("p?ssw?rd ? ?ber", hash)).isFalse();
    assertThat(hasher.matches("pa\u0308sswo\u0308rd 😀 u\u0308ber", hash))
        .as("the same letters composed otherwise are other bytes")
        .isFalse();
  }

  @Test
  void anEmptyPasswordIsChecked() {
    assertThat(hasher.matches("", hasher.hash("correct horse battery staple"))).isFalse();
    assertThat(hasher.matches("", null)).isFalse();
  }

  @Test
  void aHashMadeFromTheTextOfAValidPasswordStillMatches() {
    // the form of every hash stored before passwords were hashed from their bytes
    String stored =
        Password.hash("correct horse é 😀")
            .addRandomSalt(16)
            .with(Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID, 19))
            .getResult();

    assertThat(hasher.matches("correct horse é 😀", stored)).isTrue();
  }
}
