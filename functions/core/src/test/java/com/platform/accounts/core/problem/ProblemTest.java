package com.platform.accounts.core.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void aProblemCarriesItsCodeTitleAndDetailAndNoWait() {
    Problem p = Problem.of(ErrorCode.CONFLICT, "Busy", "Try again.");

    assertThat(p.code()).isEqualTo(ErrorCode.CONFLICT);
    assertThat(p.title()).isEqualTo("Busy");
    assertThat(p.detail()).isEqualTo("Try again.");
    assertThat(p.getMessage()).isEqualTo("Try again.");
    assertThat(p.errors()).isEmpty();
    assertThat(p.extensions()).isEmpty();
    assertThat(p.retryAfterSeconds()).isZero();
  }

  @Test
  void aProblemWithoutACodeCannotBeMade() {
    assertThatThrownBy(() -> Problem.of(null, "t", "d")).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aValidationProblemNamesEveryBadField() {
    List<FieldError> errors =
        List.of(
            new FieldError("email", FieldErrorCode.INVALID_EMAIL, "Enter a valid email address."),
            new FieldError("phone", FieldErrorCode.REQUIRED, "A phone number is needed."));

    Problem p = Problem.validation(errors);

    assertThat(p.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(p.title()).isEqualTo("Validation failed");
    assertThat(p.errors()).isEqualTo(errors);
  }

  @Test
  void theCommonProblemsHaveTheirCodes() {
    assertThat(Problem.malformed("Not JSON.").code()).isEqualTo(ErrorCode.MALFORMED_REQUEST);
    assertThat(Problem.malformed("Not JSON.").detail()).isEqualTo("Not JSON.");
    assertThat(Problem.unauthenticated().code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
    assertThat(Problem.notFound("The sign-up").code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(Problem.notFound("The sign-up").detail()).isEqualTo("The sign-up was not found.");
  }

  @Test
  void aRateLimitTellsHowManySecondsToWaitAndAtLeastOne() {
    Problem p = Problem.rateLimited(42);

    assertThat(p.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(p.retryAfterSeconds()).isEqualTo(42);
    assertThat(p.detail()).isEqualTo("Try again in 42 seconds.");
    assertThat(Problem.rateLimited(0).retryAfterSeconds()).isEqualTo(1);
  }

  @Test
  void aWaitIsRoundedUpToWholeSeconds() {
    assertThat(Problem.rateLimited(Duration.ofSeconds(40)).retryAfterSeconds()).isEqualTo(40);
    assertThat(Problem.rateLimited(Duration.ofMillis(40_001)).retryAfterSeconds()).isEqualTo(41);
    assertThat(Problem.rateLimited(Duration.ofNanos(1)).retryAfterSeconds()).isEqualTo(1);
    assertThat(Problem.rateLimited(Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
    assertThat(Problem.rateLimited(Duration.ofMillis(1500)).detail())
        .isEqualTo("Try again in 2 seconds.");
  }

  @Test
  void aMemberAddedToAProblemKeepsEverythingElse() {
    Problem base = Problem.rateLimited(30).with("first", 1);

    Problem p = base.with("attemptsRemaining", 4);

    assertThat(p.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(p.title()).isEqualTo("Too many requests");
    assertThat(p.detail()).isEqualTo("Try again in 30 seconds.");
    assertThat(p.retryAfterSeconds()).isEqualTo(30);
    assertThat(p.extensions()).isEqualTo(Map.of("first", 1, "attemptsRemaining", 4));
    assertThat(base.extensions()).as("the original is unchanged").isEqualTo(Map.of("first", 1));
  }

  @Test
  void aMemberAddedToAValidationProblemKeepsItsFields() {
    Problem p =
        Problem.validation(
                List.of(
                    new FieldError(
                        "code", FieldErrorCode.INVALID_CODE, "The code is the 6 digits we sent.")))
            .with("hint", "x");

    assertThat(p.errors()).extracting(FieldError::field).containsExactly("code");
  }
}
