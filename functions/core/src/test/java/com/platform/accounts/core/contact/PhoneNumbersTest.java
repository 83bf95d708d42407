package com.platform.accounts.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.problem.FieldErrorCode;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

  @Test
  void aRealNumberOfTheCountryIsAccepted() {
    PhoneNumbers.Result result = PhoneNumbers.check("+12025550123", "US");

    assertThat(result.valid()).isTrue();
    assertThat(result.e164()).isEqualTo("+12025550123");
    assertThat(result.errorCode()).isNull();
  }

  @Test
  void aNumberNotWrittenInE164IsInvalid() {
    for (String raw :
        new String[] {null, "12025550123", "+1 202 555 0123", "+01234567", "+1202555012345678"}) {
      PhoneNumbers.Result result = PhoneNumbers.check(raw, "US");
      assertThat(result.valid()).as(raw).isFalse();
      assertThat(result.errorCode()).as(raw).isEqualTo(FieldErrorCode.INVALID_PHONE);
      assertThat(result.e164()).as(raw).isNull();
    }
  }

  @Test
  void aNumberThatNoOperatorCouldHaveIsInvalid() {
    assertThat(PhoneNumbers.check("+1202555", "US").errorCode())
        .isEqualTo(FieldErrorCode.INVALID_PHONE);
  }

  @Test
  void aRealNumberOfAnotherCountryIsAMismatch() {
    PhoneNumbers.Result result = PhoneNumbers.check("+442071838750", "US");

    assertThat(result.valid()).isFalse();
    assertThat(result.errorCode()).isEqualTo(FieldErrorCode.PHONE_COUNTRY_MISMATCH);
  }

  @Test
  void theMaskShowsTheCountryCodeAndTheLastTwoDigits() {
    assertThat(PhoneNumbers.mask("+12025550123")).isEqualTo("+1********23");
    assertThat(PhoneNumbers.mask("+1234")).isEqualTo("+1*34");
    assertThat(PhoneNumbers.mask("+123")).isEqualTo("***");
    assertThat(PhoneNumbers.mask(null)).isEqualTo("***");
  }
}
