package com.platform.accounts.core.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LuhnTest {

  @Test
  void acceptsNumbersThatEndInTheirCheckDigit() {
    assertThat(Luhn.valid("4242424242424242")).isTrue();
    assertThat(Luhn.valid("5555555555554444")).isTrue();
    assertThat(Luhn.valid("378282246310005")).isTrue();
    assertThat(Luhn.valid("79927398713")).isTrue();
  }

  @Test
  void refusesAMistypedDigitAndSwappedNeighbours() {
    assertThat(Luhn.valid("4242424242424241")).isFalse();
    assertThat(Luhn.valid("4242424242424224")).isFalse();
  }

  @Test
  void refusesWhatIsNotDigitsOnly() {
    assertThat(Luhn.valid("4242 4242 4242 4242")).isFalse();
    assertThat(Luhn.valid("0")).isFalse();
    assertThat(Luhn.valid("")).isFalse();
    assertThat(Luhn.valid(null)).isFalse();
  }

  @Test
  void theCheckDigitCompletesAValidNumber() {
    assertThat(Luhn.checkDigit("7992739871")).isEqualTo(3);
    assertThat(Luhn.checkDigit("424242424242424")).isEqualTo(2);
    assertThat(Luhn.checkDigit("411111111111111")).isEqualTo(1);
    for (int d = 0; d < 10; d++) {
      String payload = "41111100000000" + d;
      assertThat(Luhn.valid(payload + Luhn.checkDigit(payload))).isTrue();
    }
  }

  @Test
  void aCheckDigitNeedsDigits() {
    assertThatThrownBy(() -> Luhn.checkDigit("41x1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Luhn.checkDigit("")).isInstanceOf(IllegalArgumentException.class);
  }
}
