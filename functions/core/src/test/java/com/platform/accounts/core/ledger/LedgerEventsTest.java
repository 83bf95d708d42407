package com.platform.accounts.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.ledger.LedgerEvents.Amount;
import com.platform.accounts.core.ledger.LedgerEvents.Submitted;
import com.platform.accounts.core.money.Money;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldError;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LedgerEventsTest {
  private static final Instant RECEIVED = Instant.parse("2026-11-26T09:00:00Z");
  private static final String ACCOUNT = Ids.next("acc");

  private static LedgerEvent valid(Submitted submitted) {
    return LedgerEvents.validate(submitted, new Validation(), RECEIVED);
  }

  private static Problem problemOf(Submitted submitted) {
    return catchThrowableOfType(
        Problem.class, () -> LedgerEvents.validate(submitted, new Validation(), RECEIVED));
  }

  private static Submitted of(String type, String billing, Amount amount) {
    return new Submitted("evt-1", ACCOUNT, type, "res-1", billing, null, null, amount, null);
  }

  @Test
  void aPrepaidProvisioningKeepsItsSubscriptionAndTakesTheReceiptTimeWhenItGivesNone() {
    LedgerEvent event =
        valid(
            new Submitted(
                "evt-1",
                ACCOUNT,
                "RESOURCE_PROVISIONED",
                "ecs-123",
                "PREPAID",
                true,
                "2026-12-26T09:00:00Z",
                null,
                null));

    assertThat(event)
        .isEqualTo(
            new LedgerEvent(
                "evt-1",
                ACCOUNT,
                LedgerEventType.RESOURCE_PROVISIONED,
                "ecs-123",
                Billing.PREPAID,
                true,
                Instant.parse("2026-12-26T09:00:00Z"),
                null,
                RECEIVED));
  }

  @Test
  void aChargeIssuedKeepsItsAmountAndWhenItOccurred() {
    LedgerEvent event =
        valid(
            new Submitted(
                "evt-2",
                ACCOUNT,
                "CHARGE_ISSUED",
                "ch-1",
                null,
                null,
                null,
                new Amount("12.40", "USD"),
                "2026-11-25T08:00:00.5Z"));

    assertThat(event.amount()).isEqualTo(Money.usd("12.40"));
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-25T08:00:00.5Z"));
  }

  @Test
  void membersThatDoNotApplyToTheTypeAreDropped() {
    LedgerEvent event =
        valid(
            new Submitted(
                "evt-3",
                ACCOUNT,
                "CHARGE_PAID",
                "ch-1",
                "PREPAID",
                true,
                "2026-12-26T09:00:00Z",
                null,
                null));

    assertThat(event.billing()).isNull();
    assertThat(event.autoRenew()).isNull();
    assertThat(event.endsAt()).isNull();
  }

  @Test
  void anUnknownTypeIsRefusedNamingType() {
    Problem problem = problemOf(of("RESOURCE_EXPLODED", null, null));

    assertThat(problem.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(problem.errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("type", FieldErrorCode.INVALID_VALUE));
  }

  @Test
  void aNegativeAmountIsRefused() {
    Problem problem = problemOf(of("CHARGE_ISSUED", null, new Amount("-1.00", "USD")));

    assertThat(problem.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(problem.errors()).extracting(FieldError::field).containsExactly("amount.amount");
  }

  @Test
  void anAmountInAnotherCurrencyOrWithThreeDecimalsIsRefused() {
    Problem problem = problemOf(of("CHARGE_ISSUED", null, new Amount("1.005", "EUR")));

    assertThat(problem.errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactlyInAnyOrder(
            tuple("amount.currency", FieldErrorCode.INVALID_CURRENCY),
            tuple("amount.amount", FieldErrorCode.INVALID_AMOUNT));
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    Problem problem =
        problemOf(
            new Submitted(
                "evt#1",
                "not an id!",
                null,
                "x".repeat(129),
                null,
                null,
                "tomorrow",
                null,
                "soon"));

    assertThat(problem.errors())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder(
            "eventId", "accountId", "type", "resourceId", "endsAt", "occurredAt");
  }

  @Test
  void aProvisioningNeedsItsBilling() {
    Problem problem = problemOf(of("RESOURCE_PROVISIONED", null, null));

    assertThat(problem.errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("billing", FieldErrorCode.REQUIRED));
  }

  @Test
  void aSubscriptionUpdateNeedsAutoRenewOrEndsAt() {
    Problem problem = problemOf(of("SUBSCRIPTION_UPDATED", null, null));

    assertThat(problem.errors()).extracting(FieldError::field).containsExactly("autoRenew");
    assertThat(
            valid(
                    new Submitted(
                        "evt-1",
                        ACCOUNT,
                        "SUBSCRIPTION_UPDATED",
                        "ecs-1",
                        null,
                        false,
                        null,
                        null,
                        null))
                .autoRenew())
        .isFalse();
  }

  @Test
  void aChargeIssuedNeedsItsAmountAndAPaymentDoesNot() {
    assertThat(problemOf(of("CHARGE_ISSUED", null, null)).errors())
        .extracting(FieldError::field)
        .containsExactly("amount");
    assertThat(valid(of("CHARGE_PAID", null, null)).amount()).isNull();
  }

  @Test
  void aTypeErrorTheReaderFoundIsReportedOnceWithTheRest() {
    Validation validation =
        new Validation().reject("amount", FieldErrorCode.INVALID_TYPE, "Must be an object.");

    Problem problem =
        catchThrowableOfType(
            Problem.class,
            () ->
                LedgerEvents.validate(
                    new Submitted(
                        null, ACCOUNT, "CHARGE_ISSUED", "ch-1", null, null, null, null, null),
                    validation,
                    RECEIVED));

    assertThat(problem.errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactlyInAnyOrder(
            tuple("amount", FieldErrorCode.INVALID_TYPE),
            tuple("eventId", FieldErrorCode.REQUIRED));
  }
}
