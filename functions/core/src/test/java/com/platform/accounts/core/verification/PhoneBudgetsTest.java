package com.platform.accounts.core.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * SMS and voice spend: each budget (account, client IP, country, global) stops the sends at its
 * limit with a 429 that suggests email, nothing is sent over budget, and the alarm's metric counts;
 * the country allow-list and the sign-up's number switches.
 */
class PhoneBudgetsTest {
  private static final String PASSWORD = "correct horse battery staple";
  private static final int PLENTY = 1_000;
  private final AtomicInteger emails = new AtomicInteger();

  private static PhoneBudgets.Limits limits(
      int perAccount, int perIp, int perCountry, int global, int shards) {
    return new PhoneBudgets.Limits(
        perAccount, perIp, perCountry, global, shards, Duration.ofHours(1), Set.of());
  }

  private SignupCommand signup(String country, String channel, String phone) {
    return new SignupCommand(
        country,
        "user" + emails.incrementAndGet() + "@example.com",
        PASSWORD,
        PASSWORD,
        true,
        channel,
        phone);
  }

  private static CodeSent start(TestLifecycle t, SignupCommand command, String ip) {
    return t.lifecycle.signups().start(command, ip, new Validation());
  }

  private static Problem refused(Runnable call) {
    return catchThrowableOfType(Problem.class, call::run);
  }

  private static long phoneMessages(TestLifecycle t) {
    return t.outbox.all().stream().filter(s -> s.message().channel().provesPhone()).count();
  }

  private static void assertSuggestsEmail(Problem problem) {
    assertThat(problem.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(problem.retryAfterSeconds()).isPositive();
    assertThat(problem.extensions()).containsEntry("suggestedChannel", "EMAIL");
    assertThat(problem.detail()).contains("email");
  }

  @Test
  void anAccountsSecondVerificationsStopAtItsBudget() {
    TestLifecycle t = new TestLifecycle(limits(2, PLENTY, PLENTY, PLENTY, 1));
    CodeSent sent = start(t, signup("US", null, null), "192.0.2.1");
    String accountId =
        t.lifecycle
            .signups()
            .verify(sent.challengeId(), t.lastCode("user1@example.com"))
            .accountId();
    Account account = t.table.accounts().find(accountId).orElseThrow();
    for (int i = 0; i < 2; i++) {
      t.lifecycle
          .verifications()
          .start(account, "SMS", t.newPhone("US"), "192.0.2." + (10 + i), new Validation());
    }

    String next = t.newPhone("US");
    Problem problem =
        refused(
            () ->
                t.lifecycle
                    .verifications()
                    .start(account, "VOICE", next, "192.0.2.99", new Validation()));

    assertSuggestsEmail(problem);
    assertThat(t.outbox.to(next)).isEmpty();
    assertThat(phoneMessages(t)).isEqualTo(2);
    assertThat(t.lifecycle.telemetry().counted(PhoneBudgets.CLIENT_BUDGET_EXCEEDED)).isEqualTo(1);
    assertThat(t.lifecycle.telemetry().counted(PhoneBudgets.SHARED_BUDGET_EXCEEDED)).isZero();
  }

  @Test
  void oneClientIpsSmsSignupsStopAtItsBudgetWhileOtherAddressesGoOn() {
    TestLifecycle t = new TestLifecycle(limits(PLENTY, 3, PLENTY, PLENTY, 1));
    for (int i = 0; i < 3; i++) {
      start(t, signup("US", "SMS", t.newPhone("US")), "198.51.100.7");
    }

    String next = t.newPhone("US");
    Problem problem = refused(() -> start(t, signup("US", "SMS", next), "198.51.100.7"));

    assertSuggestsEmail(problem);
    assertThat(t.outbox.to(next)).isEmpty();
    start(t, signup("US", "SMS", next), "198.51.100.8");
    assertThat(t.outbox.to(next)).hasSize(1);
    assertThat(start(t, signup("US", null, null), "198.51.100.7"))
        .as("email sign-ups from the same address are not budgeted")
        .isNotNull();
  }

  @Test
  void aCountrysSendsStopAtItsShardedBudgetWhileOtherCountriesGoOn() {
    TestLifecycle t = new TestLifecycle(limits(PLENTY, PLENTY, 4, PLENTY, 2));
    for (int i = 0; i < 4; i++) {
      start(t, signup("US", "SMS", t.newPhone("US")), "203.0.113." + i);
    }

    Problem problem =
        refused(() -> start(t, signup("US", "VOICE", t.newPhone("US")), "203.0.113.50"));

    assertSuggestsEmail(problem);
    assertThat(phoneMessages(t)).isEqualTo(4);
    assertThat(t.lifecycle.telemetry().counted(PhoneBudgets.SHARED_BUDGET_EXCEEDED)).isEqualTo(1);
    String british = t.newPhone("GB");
    start(t, signup("GB", "SMS", british), "203.0.113.51");
    assertThat(t.outbox.to(british)).hasSize(1);
  }

  @Test
  void theGlobalBudgetStopsEveryCountryButNotEmail() {
    TestLifecycle t = new TestLifecycle(limits(PLENTY, PLENTY, PLENTY, 2, 2));
    start(t, signup("US", "SMS", t.newPhone("US")), "203.0.113.1");
    start(t, signup("DE", "SMS", t.newPhone("DE")), "203.0.113.2");

    Problem problem = refused(() -> start(t, signup("GB", "SMS", t.newPhone("GB")), "203.0.113.3"));

    assertSuggestsEmail(problem);
    assertThat(phoneMessages(t)).isEqualTo(2);
    start(t, signup("GB", "EMAIL", null), "203.0.113.3");
    assertThat(t.outbox.to("user4@example.com")).hasSize(1);
  }

  @Test
  void manyShardsNeverLetMoreThanTheBudgetThrough() {
    TestLifecycle t = new TestLifecycle(limits(PLENTY, PLENTY, 50, PLENTY, 10));
    int sent = 0;
    for (int i = 0; i < 120; i++) {
      try {
        start(t, signup("US", "SMS", t.newPhone("US")), "203.0.113." + (i % 250));
        sent++;
      } catch (Problem refusedSend) {
        assertSuggestsEmail(refusedSend);
      }
    }

    assertThat(sent).isEqualTo(phoneMessages(t)).isLessThanOrEqualTo(50).isGreaterThan(40);
  }

  @Test
  void aClientOverItsOwnBudgetDoesNotSpendTheSharedOnes() {
    TestLifecycle t = new TestLifecycle(limits(PLENTY, 1, 2, PLENTY, 1));
    start(t, signup("US", "SMS", t.newPhone("US")), "192.0.2.1");
    for (int i = 0; i < 5; i++) {
      refused(() -> start(t, signup("US", "SMS", t.newPhone("US")), "192.0.2.1"));
    }

    start(t, signup("US", "SMS", t.newPhone("US")), "192.0.2.2");

    assertThat(phoneMessages(t)).isEqualTo(2);
  }

  @Test
  void aNumberOutsideTheAllowedCountriesIsRefusedAsAFieldErrorAndNothingIsSent() {
    TestLifecycle t =
        new TestLifecycle(
            new PhoneBudgets.Limits(
                PLENTY, PLENTY, PLENTY, PLENTY, 1, Duration.ofHours(1), Set.of("US")));
    String british = t.newPhone("GB");

    Problem problem = refused(() -> start(t, signup("GB", "SMS", british), "192.0.2.1"));

    assertThat(problem.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(problem.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("phone");
              assertThat(e.code()).isEqualTo(FieldErrorCode.UNSUPPORTED_COUNTRY);
            });
    assertThat(t.outbox.all()).isEmpty();
    start(t, signup("GB", "EMAIL", british), "192.0.2.1");
    start(t, signup("US", "SMS", t.newPhone("US")), "192.0.2.1");
    assertThat(t.outbox.all()).hasSize(2);
  }

  @Test
  void aResendMovesToANewNumberAtMostTwice() {
    TestLifecycle t = new TestLifecycle(limits(PLENTY, PLENTY, PLENTY, PLENTY, 1));
    String signupId = start(t, signup("US", "SMS", t.newPhone("US")), "192.0.2.1").challengeId();
    String second = t.newPhone("US");
    String third = t.newPhone("US");
    for (String phone : new String[] {second, third}) {
      t.clock.advanceBy(CodeChallenges.RESEND_INTERVAL);
      t.lifecycle.signups().resend(signupId, "SMS", phone, "192.0.2.1", new Validation());
    }
    t.clock.advanceBy(CodeChallenges.RESEND_INTERVAL);
    String fourth = t.newPhone("US");

    Problem problem =
        refused(
            () ->
                t.lifecycle
                    .signups()
                    .resend(signupId, "VOICE", fourth, "192.0.2.1", new Validation()));

    assertSuggestsEmail(problem);
    assertThat(t.outbox.to(fourth)).isEmpty();
    t.lifecycle.signups().resend(signupId, "VOICE", null, "192.0.2.1", new Validation());
    assertThat(t.outbox.to(third)).hasSize(2);
  }
}
