package com.platform.accounts.handlers.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.memory.SandboxCardProcessor.Transaction;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.CodeSent;
import com.platform.accounts.handlers.Events;
import com.platform.accounts.handlers.TestHandlers;
import com.platform.accounts.handlers.jobs.ExpireHoldsJob;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CardVerificationTasksTest {
  private static final String PASSWORD = "correct horse battery staple";
  private final TestLifecycle t = new TestLifecycle();
  private final CardVerificationTasks tasks = TestHandlers.cardVerificationTasks(t.lifecycle);
  private Account account;
  private PaymentMethod pm;

  @BeforeEach
  void addCard() {
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand("US", "ana@example.com", PASSWORD, PASSWORD, true, null, null),
                new Validation());
    String id =
        t.lifecycle.signups().verify(sent.challengeId(), t.lastCode("ana@example.com")).accountId();
    account = t.provePhone(id);
    pm =
        t.lifecycle
            .chargePlacement()
            .add(account, t.cards.tokenize("4242424242424242", 12, 2030, "123", "Ana Silva"));
  }

  private Map<String, Object> event(String name) {
    Map<String, Object> input =
        new HashMap<>(Events.task("CardVerificationTasksFunction-" + name + ".json"));
    input.put("accountId", account.accountId());
    input.put("paymentMethodId", pm.paymentMethodId());
    return input;
  }

  @Test
  void placingAgainIsANoOp() {
    assertThat(tasks.handleRequest(event("place-charges"), null))
        .containsEntry("status", "PENDING_VERIFICATION");
    assertThat(t.cards.calls("authorizeHold")).isEqualTo(1);
    assertThat(t.cards.calls("charge")).isEqualTo(1);
  }

  @Test
  void theOwnerIsToldWhatToLookForButNotTheCode() {
    tasks.handleRequest(event("notify-charges-placed"), null);

    String body = t.lastMessage("ana@example.com").body();
    assertThat(body).contains("INTL<6 digits>*ACMECLOUD").contains("1 to 3 days");
    String micro = t.cards.statement("4242").get(1).description();
    assertThat(body).doesNotContain(micro.substring(4, 10));
  }

  @Test
  void releasingIsIdempotent() {
    assertThat(tasks.handleRequest(event("release-charges"), null))
        .containsEntry("status", "PENDING_VERIFICATION");
    tasks.handleRequest(event("release-charges"), null);

    assertThat(t.cards.statement("4242"))
        .extracting(Transaction::status)
        .containsExactly("VOIDED", "REFUNDED");
    assertThat(t.cards.calls("voidHold")).isEqualTo(1);
  }

  @Test
  void anUnknownPaymentMethodFailsTheTask() {
    assertThatThrownBy(
            () ->
                tasks.handleRequest(
                    Events.task("CardVerificationTasksFunction-place-charges.json"), null))
        .isInstanceOf(Problem.class);
  }

  @Test
  void theScheduledJobReleasesWhatIsDue() {
    ExpireHoldsJob job = TestHandlers.expireHoldsJob(t.lifecycle);
    Map<String, Object> schedule = Events.task("ExpireHoldsFunction-schedule.json");

    assertThat(job.handleRequest(schedule, null)).containsEntry("finished", 0);
    t.clock.advanceBy(Duration.ofHours(24));
    assertThat(job.handleRequest(schedule, null)).containsEntry("finished", 1);
    assertThat(job.handleRequest(schedule, null)).containsEntry("finished", 0);
  }
}
