package com.platform.accounts.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.money.Money;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.CodeSent;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResourceLedgerTest {
  private static final AtomicInteger EMAILS = new AtomicInteger();
  private static final String PASSWORD = "correct horse battery staple";

  private final TestLifecycle t = new TestLifecycle();
  private final ResourceLedger ledger = new ResourceLedger(t.table.accounts(), t.table.ledger());
  private final Instant now = t.clock.instant();

  private String accountId() {
    String email = "ledger" + EMAILS.incrementAndGet() + "@example.com";
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand("US", email, PASSWORD, PASSWORD, true, null, null),
                new Validation());
    return t.lifecycle.signups().verify(sent.challengeId(), t.lastCode(email)).accountId();
  }

  private static LedgerEvent event(
      String accountId,
      LedgerEventType type,
      String resourceId,
      Billing billing,
      Boolean autoRenew,
      Instant endsAt,
      Money amount,
      Instant at) {
    return new LedgerEvent(
        Ids.next("evt"), accountId, type, resourceId, billing, autoRenew, endsAt, amount, at);
  }

  private LedgerEvent prepaid(String accountId, String resourceId, boolean autoRenew, Instant end) {
    return event(
        accountId,
        LedgerEventType.RESOURCE_PROVISIONED,
        resourceId,
        Billing.PREPAID,
        autoRenew,
        end,
        null,
        now);
  }

  private LedgerEvent postpaid(String accountId, String resourceId) {
    return event(
        accountId,
        LedgerEventType.RESOURCE_PROVISIONED,
        resourceId,
        Billing.POSTPAID,
        null,
        null,
        null,
        now);
  }

  private LedgerEvent released(String accountId, String resourceId) {
    return event(
        accountId, LedgerEventType.RESOURCE_RELEASED, resourceId, null, null, null, null, now);
  }

  private LedgerEvent issued(String accountId, String chargeId, String amount) {
    return event(
        accountId,
        LedgerEventType.CHARGE_ISSUED,
        chargeId,
        null,
        null,
        null,
        Money.usd(amount),
        now);
  }

  private LedgerEvent paid(String accountId, String chargeId) {
    return event(accountId, LedgerEventType.CHARGE_PAID, chargeId, null, null, null, null, now);
  }

  @Test
  void anEventOfAnUnknownAccountIsRefusedAndNothingIsRecorded() {
    String unknown = Ids.next("acc");

    Problem problem =
        catchThrowableOfType(Problem.class, () -> ledger.record(issued(unknown, "ch-1", "1.00")));

    assertThat(problem.code()).isEqualTo(ErrorCode.UNKNOWN_ACCOUNT);
    assertThat(t.table.ledger().load(unknown)).isEqualTo(AccountLedger.empty(unknown));
  }

  @Test
  void aDuplicateEventIsRecordedOnce() {
    String accountId = accountId();
    LedgerEvent charge = issued(accountId, "ch-1", "12.40");

    assertThat(ledger.record(charge)).isTrue();
    assertThat(ledger.record(charge)).isFalse();

    assertThat(ledger.ledger(accountId).outstanding()).isEqualTo(Money.usd("12.40"));
  }

  @Test
  void eventsOutOfOrderEndRight() {
    String accountId = accountId();
    ledger.record(released(accountId, "oss-9"));
    ledger.record(paid(accountId, "ch-1"));
    ledger.record(postpaid(accountId, "oss-9"));
    ledger.record(issued(accountId, "ch-1", "3.00"));

    assertThat(ledger.blockers(accountId, now)).isEmpty();
    assertThat(ledger.ledger(accountId).totalPaid()).isEqualTo(Money.usd("3.00"));
  }

  @Test
  void everyBlockerIsReportedWithWhatItNeeds() {
    String accountId = accountId();
    Instant endsAt = now.plus(Duration.ofDays(20));
    ledger.record(prepaid(accountId, "ecs-123", true, endsAt));
    ledger.record(postpaid(accountId, "oss-9"));
    ledger.record(issued(accountId, "ch-1", "12.40"));
    ledger.record(issued(accountId, "ch-2", "5.00"));
    ledger.record(paid(accountId, "ch-2"));

    assertThat(ledger.blockers(accountId, now))
        .containsExactly(
            DeletionBlocker.prepaidSubscription("ecs-123", true, endsAt),
            DeletionBlocker.postpaidResource("oss-9"),
            DeletionBlocker.outstandingBalance(Money.usd("12.40")));
  }

  @Test
  void aPrepaidSubscriptionWithoutAutoRenewStopsBlockingWhenItEnds() {
    String accountId = accountId();
    Instant endsAt = now.plus(Duration.ofDays(3));
    ledger.record(prepaid(accountId, "ecs-1", false, endsAt));

    assertThat(ledger.blockers(accountId, endsAt.minusNanos(1)))
        .extracting(DeletionBlocker::code)
        .containsExactly(DeletionBlocker.Code.PREPAID_SUBSCRIPTION_ACTIVE);
    assertThat(ledger.blockers(accountId, endsAt)).isEmpty();
  }

  @Test
  void anAutoRenewingSubscriptionPastItsEndStillBlocksUntilAutoRenewIsTurnedOff() {
    String accountId = accountId();
    Instant endsAt = now.plus(Duration.ofDays(3));
    ledger.record(prepaid(accountId, "ecs-1", true, endsAt));
    Instant later = endsAt.plusSeconds(1);

    assertThat(ledger.blockers(accountId, later)).hasSize(1);
    ledger.record(
        event(
            accountId,
            LedgerEventType.SUBSCRIPTION_UPDATED,
            "ecs-1",
            null,
            false,
            null,
            null,
            now.plusSeconds(1)));

    assertThat(ledger.blockers(accountId, later)).isEmpty();
    assertThat(DeletionBlocker.prepaidSubscription("ecs-1", true, endsAt).action())
        .contains("Turn off auto-renew");
  }

  @Test
  void aReleasedResourceAndAPaidChargeBlockNothing() {
    String accountId = accountId();
    ledger.record(postpaid(accountId, "oss-9"));
    ledger.record(issued(accountId, "ch-1", "1.00"));
    assertThat(ledger.blockers(accountId, now)).hasSize(2);

    ledger.record(released(accountId, "oss-9"));
    ledger.record(paid(accountId, "ch-1"));

    assertThat(ledger.blockers(accountId, now)).isEmpty();
  }
}
