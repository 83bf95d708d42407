package com.platform.accounts.core.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class ValidationTest {

  @Test
  void aCleanRequestPassesWithoutAProblem() {
    Validation validation = new Validation();

    assertThat(validation.isClean()).isTrue();
    assertThat(validation.hasError("email")).isFalse();
    assertThatCode(validation::throwIfInvalid).doesNotThrowAnyException();
  }

  @Test
  void everyRejectedFieldIsReportedInOneProblemInTheOrderFound() {
    Validation validation =
        new Validation()
            .reject("email", FieldErrorCode.INVALID_EMAIL, "Enter a valid email address.")
            .reject("country", FieldErrorCode.UNSUPPORTED_COUNTRY, "Not here.");

    assertThat(validation.isClean()).isFalse();
    assertThat(validation.hasError("email")).isTrue();
    assertThat(validation.hasError("phone")).isFalse();
    Problem p = catchThrowableOfType(Problem.class, validation::throwIfInvalid);
    assertThat(p.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(p.errors())
        .containsExactly(
            new FieldError("email", FieldErrorCode.INVALID_EMAIL, "Enter a valid email address."),
            new FieldError("country", FieldErrorCode.UNSUPPORTED_COUNTRY, "Not here."));
  }

  @Test
  void theListOfErrorsIsASnapshot() {
    Validation validation = new Validation().reject("a", FieldErrorCode.REQUIRED, "a");
    var before = validation.errors();

    validation.reject("b", FieldErrorCode.REQUIRED, "b");

    assertThat(before).hasSize(1);
    assertThat(validation.errors()).hasSize(2);
  }
}
