package com.platform.accounts.handlers.api;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldError;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.handlers.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProblemResponsesTest {
  /** The status of every code as API.md (or, for codes it leaves open, the service) answers it. */
  private static final Map<ErrorCode, Integer> CONTRACT =
      Map.ofEntries(
          entry(ErrorCode.MALFORMED_REQUEST, 400),
          entry(ErrorCode.VALIDATION_FAILED, 400),
          entry(ErrorCode.IDEMPOTENCY_KEY_REUSED, 422),
          entry(ErrorCode.IDEMPOTENCY_KEY_IN_USE, 409),
          entry(ErrorCode.UNAUTHENTICATED, 401),
          entry(ErrorCode.RATE_LIMITED, 429),
          entry(ErrorCode.NOT_FOUND, 404),
          entry(ErrorCode.METHOD_NOT_ALLOWED, 405),
          entry(ErrorCode.CONFLICT, 409),
          entry(ErrorCode.PAYLOAD_TOO_LARGE, 413),
          entry(ErrorCode.URI_TOO_LONG, 414),
          entry(ErrorCode.HEADERS_TOO_LARGE, 431),
          entry(ErrorCode.INVALID_CODE, 400),
          entry(ErrorCode.CODE_EXPIRED, 410),
          entry(ErrorCode.INVALID_CREDENTIALS, 401),
          entry(ErrorCode.CHANNEL_ALREADY_VERIFIED, 409),
          entry(ErrorCode.ACCOUNT_ALREADY_EXISTS, 409),
          entry(ErrorCode.CONTACT_VERIFICATION_REQUIRED, 403),
          entry(ErrorCode.CARD_ISSUED_IN_MAINLAND_CHINA, 422),
          entry(ErrorCode.CARD_FUNDING_NOT_ACCEPTED, 422),
          entry(ErrorCode.CARD_ALREADY_REGISTERED, 422),
          entry(ErrorCode.ACCOUNT_ALREADY_HAS_CARD, 422),
          entry(ErrorCode.CARD_COUNTRY_MISMATCH, 422),
          entry(ErrorCode.CARD_EXPIRED, 422),
          entry(ErrorCode.CARD_DECLINED, 422),
          entry(ErrorCode.VERIFICATION_FAILED, 400),
          entry(ErrorCode.VERIFICATION_LOCKED, 410),
          entry(ErrorCode.VERIFICATION_EXPIRED, 410),
          entry(ErrorCode.ALREADY_VERIFIED, 409),
          // the edge: AWS WAF's managed rules (template, WAF_FILTERED gateway response)
          entry(ErrorCode.REQUEST_BLOCKED, 403),
          // API.md: a bad or replayed state, a bad webhook signature
          entry(ErrorCode.INVALID_STATE, 400),
          entry(ErrorCode.INVALID_SIGNATURE, 400),
          // the issue: linking PayPal again while one is active
          entry(ErrorCode.PAYPAL_ALREADY_LINKED, 409),
          // API.md, deletion: a wrong password, blockers
          entry(ErrorCode.REAUTHENTICATION_FAILED, 403),
          entry(ErrorCode.DELETION_BLOCKED, 409),
          // the issue: a ledger event about an account that does not exist is a clear 4xx
          entry(ErrorCode.UNKNOWN_ACCOUNT, 422),
          entry(ErrorCode.PROCESSOR_UNAVAILABLE, 503),
          entry(ErrorCode.SERVICE_UNAVAILABLE, 503),
          entry(ErrorCode.INTERNAL_ERROR, 500));

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void everyCodeIsAnsweredWithItsContractStatus(ErrorCode code) {
    assertThat(CONTRACT)
        .as("the contract status of %s (add it here and to API.md)", code)
        .containsKey(code);

    assertThat(ProblemResponses.status(code)).isEqualTo(CONTRACT.get(code));
  }

  @Test
  void aProblemIsRenderedAsProblemJsonWithItsStatusAndExtraMembers() {
    ApiResponse response =
        ProblemResponses.render(
            Problem.of(ErrorCode.INVALID_CODE, "Invalid code", "The code is not right.")
                .with("attemptsRemaining", 4));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.headers())
        .containsExactly(entry("Content-Type", "application/problem+json"));
    assertThat(Json.write(response.body()))
        .isEqualTo(
            "{"
                + "\"type\":\"urn:problem-type:account-lifecycle:invalid_code\","
                + "\"title\":\"Invalid code\",\"status\":400,\"detail\":\"The code is not right.\","
                + "\"code\":\"INVALID_CODE\",\"attemptsRemaining\":4}");
  }

  @Test
  void aValidationProblemNamesEveryFieldWithItsCode() {
    ApiResponse response =
        ProblemResponses.render(
            Problem.validation(
                List.of(
                    new FieldError(
                        "email", FieldErrorCode.INVALID_EMAIL, "Enter a valid email address."),
                    new FieldError(
                        "phone", FieldErrorCode.PHONE_COUNTRY_MISMATCH, "Wrong country."))));

    assertThat(response.status()).isEqualTo(400);
    assertThat(Json.write(response.body()))
        .isEqualTo(
            "{"
                + "\"type\":\"urn:problem-type:account-lifecycle:validation_failed\","
                + "\"title\":\"Validation failed\",\"status\":400,"
                + "\"detail\":\"One or more fields are invalid.\",\"code\":\"VALIDATION_FAILED\","
                + "\"errors\":[{\"field\":\"email\",\"code\":\"INVALID_EMAIL\","
                + "\"message\":\"Enter a valid email address.\"},{\"field\":\"phone\","
                + "\"code\":\"PHONE_COUNTRY_MISMATCH\",\"message\":\"Wrong country.\"}]}");
  }

  @Test
  void aRateLimitTellsWhenToRetry() {
    ApiResponse response = ProblemResponses.render(Problem.rateLimited(42));

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.headers()).containsEntry("Retry-After", "42");
  }

  @Test
  void otherProblemsSayNothingAboutRetrying() {
    ApiResponse response = ProblemResponses.render(Problem.notFound("The sign-up"));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.headers()).doesNotContainKey("Retry-After");
  }
}
