package com.platform.accounts.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.problem.FieldErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  void theCountrysNationalFormsAndSpacedInternationalFormsAllGiveTheSameE164() {
    for (String raw :
        new String[] {
          "202-555-0123",
          "(202) 555-0123",
          "1 202 555 0123",
          "2025550123",
          "12025550123",
          "202.555.0123",
          "+1 (202) 555-0123",
          "+1 202 555 0123",
          "+1-202-555-0123"
        }) {
      PhoneNumbers.Result result = PhoneNumbers.check(raw, "US");
      assertThat(result.errorCode()).as(raw).isNull();
      assertThat(result.e164()).as(raw).isEqualTo("+12025550123");
    }
  }

  @Test
  void aNationalNumberIsReadWithTheGivenCountry() {
    assertThat(PhoneNumbers.check("020 7183 8750", "GB").e164()).isEqualTo("+442071838750");
    assertThat(PhoneNumbers.check("030 1234567", "DE").e164()).isEqualTo("+49301234567");
  }

  @Test
  void lettersExtensionsAndTextAroundTheNumberAreInvalid() {
    for (String raw :
        new String[] {
          null,
          "",
          "1-800-FLOWERS",
          "202-555-0123 ext. 5",
          "202-555-0123#5",
          "tel:+1-202-555-0123",
          "call 2025550123",
          "+1 202 555 0123\n",
          "\uff12\uff10\uff12\uff15\uff15\uff15\uff10\uff11\uff12\uff13",
          "+01234567",
          "+1202555012345678",
          "+1 (202) 555-0123" + " ".repeat(PhoneNumbers.MAX_LENGTH)
        }) {
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
    assertThat(PhoneNumbers.check("555-0123", "US").errorCode())
        .isEqualTo(FieldErrorCode.INVALID_PHONE);
  }

  @Test
  void aRealNumberOfAnotherCountryIsAMismatch() {
    for (String raw : new String[] {"+442071838750", "+44 20 7183 8750", "(416) 555-0123"}) {
      PhoneNumbers.Result result = PhoneNumbers.check(raw, "US");

      assertThat(result.valid()).as(raw).isFalse();
      assertThat(result.errorCode()).as(raw).isEqualTo(FieldErrorCode.PHONE_COUNTRY_MISMATCH);
    }
  }

  @Test
  void theAdviceShowsBothFormsWithAnExampleOfTheCountry() {
    assertThat(PhoneNumbers.howToWrite("US"))
        .isEqualTo(
            "Enter a valid phone number of the country, e.g. (201) 555-0123 or +12015550123.");
  }

  @Test
  void theOpenApiPhoneSchemaTakesExactlyTheWrittenFormsReadHere() throws Exception {
    String openApi =
        Files.readString(
            Path.of(System.getProperty("repo.root", "../.."), "infrastructure", "openapi.yaml"));
    Matcher block = Pattern.compile("\n    Phone:\n((?:      .*\n)+)").matcher(openApi);
    assertThat(block.find()).as("the Phone schema").isTrue();
    Matcher pattern = Pattern.compile("\n      pattern: '([^']*)'\n").matcher(block.group());
    Matcher maxLength = Pattern.compile("\n      maxLength: ([0-9]+)\n").matcher(block.group());

    assertThat(pattern.find()).as("its pattern").isTrue();
    assertThat(pattern.group(1)).isEqualTo(PhoneNumbers.WRITTEN.pattern());
    assertThat(maxLength.find()).as("its maxLength").isTrue();
    assertThat(Integer.parseInt(maxLength.group(1))).isEqualTo(PhoneNumbers.MAX_LENGTH);
  }

  @Test
  void theMaskShowsTheCountryCodeAndTheLastTwoDigits() {
    assertThat(PhoneNumbers.mask("+12025550123")).isEqualTo("+1********23");
    assertThat(PhoneNumbers.mask("+1234")).isEqualTo("+1*34");
    assertThat(PhoneNumbers.mask("+123")).isEqualTo("***");
    assertThat(PhoneNumbers.mask(null)).isEqualTo("***");
  }
}
