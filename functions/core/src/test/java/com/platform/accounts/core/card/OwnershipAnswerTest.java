package com.platform.accounts.core.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import com.platform.accounts.core.money.Money;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldError;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class OwnershipAnswerTest {

  private static OwnershipAnswer code(String value) {
    return new OwnershipAnswer(new OwnershipAnswer.Code(value), null, null);
  }

  private static OwnershipAnswer amount(String amount, String currency) {
    return new OwnershipAnswer(null, new OwnershipAnswer.Amount(amount, currency), null);
  }

  private static OwnershipAnswer local(String currency, String hold, String microcharge) {
    return new OwnershipAnswer(
        null, null, new OwnershipAnswer.LocalAmounts(currency, hold, microcharge));
  }

  private static Problem refusal(OwnershipAnswer answer) {
    Problem p = catchThrowableOfType(Problem.class, () -> answer.proof(new Validation()));
    assertThat(p).as("%s is refused", answer).isNotNull();
    assertThat(p.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    return p;
  }

  @Test
  void sixDigitsAreADescriptorCode() {
    assertThat(code("012345").proof(new Validation()))
        .isEqualTo(new OwnershipProof.DescriptorCode("012345"));
  }

  @Test
  void aCodeThatIsNotSixDigitsOrNotTextIsAnInvalidCode() {
    for (String bad : new String[] {"12345", "1234567", "12345a", " 123456", "", null}) {
      assertThat(refusal(code(bad)).errors())
          .as("code %s", bad)
          .extracting(FieldError::field, FieldError::code)
          .containsExactly(tuple("code", FieldErrorCode.INVALID_CODE));
    }
  }

  @Test
  void aUsdAmountIsTheMicrochargeInUsd() {
    assertThat(amount("0.36", "USD").proof(new Validation()))
        .isEqualTo(new OwnershipProof.UsdAmount(Money.usd("0.36")));
  }

  @Test
  void anAmountMustBeAPlainDecimalOfAtMostTwoPlaces() {
    for (String bad : new String[] {"0.365", "-0.36", "1e-1", "0,36", null}) {
      assertThat(refusal(amount(bad, "USD")).errors())
          .as("amount %s", bad)
          .extracting(FieldError::field, FieldError::code)
          .containsExactly(tuple("amount.amount", FieldErrorCode.INVALID_AMOUNT));
    }
  }

  @Test
  void anAmountInAnotherCurrencyIsRefusedInFavourOfLocalAmounts() {
    for (String bad : new String[] {"EUR", "XYZ", "usd", null}) {
      assertThat(refusal(amount("0.36", bad)).errors())
          .as("currency %s", bad)
          .extracting(FieldError::field, FieldError::code)
          .containsExactly(tuple("amount.currency", FieldErrorCode.INVALID_CURRENCY));
    }
  }

  @Test
  void everyBadMemberOfAnAmountIsNamedAtOnce() {
    assertThat(refusal(amount(null, null)).errors())
        .extracting(FieldError::field)
        .containsExactly("amount.currency", "amount.amount");
  }

  @Test
  void localAmountsGiveTheUsdMicrochargeRoundedHalfUp() {
    OwnershipProof proof = local("AUD", "1.35", "0.49").proof(new Validation());

    assertThat(proof)
        .isEqualTo(
            new OwnershipProof.LocalAmounts(
                Currency.getInstance("AUD"), new BigDecimal("1.35"), new BigDecimal("0.49")));
    assertThat(((OwnershipProof.LocalAmounts) proof).usdMicrocharge()).isEqualTo(Money.usd("0.36"));
  }

  @Test
  void localAmountsFollowTheirCurrencysDecimals() {
    OwnershipProof proof = local("JPY", "150", "54").proof(new Validation());

    assertThat(((OwnershipProof.LocalAmounts) proof).usdMicrocharge()).isEqualTo(Money.usd("0.36"));
    assertThat(refusal(local("JPY", "150.00", "54")).errors())
        .extracting(FieldError::field)
        .containsExactly("localAmounts.hold");
  }

  @Test
  void badLocalAmountsNameEachBadMember() {
    assertThat(refusal(local("QQQ", "1.35", "0.49")).errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("localAmounts.currency", FieldErrorCode.INVALID_CURRENCY));
    assertThat(refusal(local("AUD", "0", "0.49")).errors())
        .extracting(FieldError::field, FieldError::code)
        .as("a zero hold cannot be divided by")
        .containsExactly(tuple("localAmounts.hold", FieldErrorCode.INVALID_AMOUNT));
    assertThat(refusal(local("AUD", "1.35", null)).errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("localAmounts.microcharge", FieldErrorCode.INVALID_AMOUNT));
    assertThat(refusal(local(null, null, null)).errors())
        .extracting(FieldError::field)
        .containsExactly("localAmounts.currency", "localAmounts.hold", "localAmounts.microcharge");
  }

  @Test
  void swappedLocalAmountsAreRefusedWithAHintAndNeverReachTheCard() {
    for (OwnershipAnswer swapped :
        new OwnershipAnswer[] {local("AUD", "0.49", "1.35"), local("AUD", "1.35", "1.35")}) {
      FieldError error = refusal(swapped).errors().get(0);

      assertThat(error.field()).isEqualTo("localAmounts.microcharge");
      assertThat(error.code()).isEqualTo(FieldErrorCode.INVALID_AMOUNT);
      assertThat(error.message()).contains("The smaller charge is the microcharge");
    }
  }

  @Test
  void noFormIsAMissingCode() {
    assertThat(refusal(new OwnershipAnswer(null, null, null)).errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("code", FieldErrorCode.REQUIRED));
  }

  @Test
  void twoFormsAtOnceAreRefusedEvenWhenBothAreRight() {
    OwnershipAnswer both =
        new OwnershipAnswer(
            new OwnershipAnswer.Code("123456"), new OwnershipAnswer.Amount("0.36", "USD"), null);

    assertThat(refusal(both).errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("code", FieldErrorCode.INVALID_VALUE));
  }

  @Test
  void errorsAlreadyFoundInTheRequestAreReportedWithTheProofs() {
    Validation validation = new Validation().reject("other", FieldErrorCode.INVALID_TYPE, "x");

    Problem p = catchThrowableOfType(Problem.class, () -> code("1").proof(validation));

    assertThat(p.errors()).extracting(FieldError::field).containsExactly("other", "code");
  }

  @Test
  void theCodeIsNeverPrinted() {
    assertThat(code("987654").toString()).doesNotContain("987654");
  }
}
