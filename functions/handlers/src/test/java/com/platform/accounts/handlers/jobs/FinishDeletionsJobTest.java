package com.platform.accounts.handlers.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.deletion.DeletionStatus;
import com.platform.accounts.core.ledger.Billing;
import com.platform.accounts.core.ledger.LedgerEvent;
import com.platform.accounts.core.ledger.LedgerEventType;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.CodeSent;
import com.platform.accounts.handlers.Events;
import com.platform.accounts.handlers.TestHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FinishDeletionsJobTest {
  private static final String PASSWORD = "correct horse battery staple";
  private final TestLifecycle t = new TestLifecycle();
  private final FinishDeletionsJob job = TestHandlers.finishDeletionsJob(t.lifecycle);
  private final ExpireHoldsJob expireHolds = TestHandlers.expireHoldsJob(t.lifecycle);
  private final Map<String, Object> schedule = Events.task("FinishDeletionsFunction-schedule.json");

  /** An account that used a post-paid resource this month and asked to be deleted. */
  private String pendingDeletion(String email) {
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand("US", email, PASSWORD, PASSWORD, true, null, null),
                new Validation());
    String id = t.lifecycle.signups().verify(sent.challengeId(), t.lastCode(email)).accountId();
    for (LedgerEventType type :
        List.of(LedgerEventType.RESOURCE_PROVISIONED, LedgerEventType.RESOURCE_RELEASED)) {
      t.table
          .ledger()
          .record(
              new LedgerEvent(
                  id + type,
                  id,
                  type,
                  "oss-1",
                  Billing.POSTPAID,
                  null,
                  null,
                  null,
                  t.clock.instant()));
    }
    t.lifecycle
        .accountDeletion()
        .request(t.table.accounts().find(id).orElseThrow(), true, PASSWORD);
    return id;
  }

  private DeletionStatus status(String accountId) {
    return t.table.deletions().find(accountId).orElseThrow().status();
  }

  @Test
  void thePlanListsTheShards() {
    Map<String, Object> plan =
        job.handleRequest(Events.task("FinishDeletionsFunction-plan.json"), null);

    assertThat(plan.get("shards")).asList().hasSize(16);
  }

  @Test
  void aPendingDeletionIsFinishedOnceItsFinalChargesFallDueAndOnlyByThisJob() {
    String accountId = pendingDeletion("pending@example.com");
    t.clock.advanceBy(Duration.ofHours(48));

    assertThat(expireHolds.handleRequest(Events.task("ExpireHoldsFunction-schedule.json"), null))
        .containsEntry("finished", 0)
        .containsEntry("failed", 0);
    assertThat(status(accountId)).isEqualTo(DeletionStatus.PENDING_FINAL_CHARGES);

    assertThat(job.handleRequest(schedule, null))
        .containsEntry("finished", 1)
        .containsEntry("failed", 0);
    assertThat(status(accountId)).isEqualTo(DeletionStatus.DELETED);
    assertThat(t.table.deletions().find(accountId).orElseThrow().erased()).isTrue();
    assertThat(job.handleRequest(schedule, null)).containsEntry("finished", 0);
  }

  @Test
  void notBeforeTheFinalChargesFallDue() {
    String accountId = pendingDeletion("early@example.com");
    t.clock.advanceBy(Duration.ofHours(47));

    assertThat(job.handleRequest(schedule, null)).containsEntry("finished", 0);
    assertThat(status(accountId)).isEqualTo(DeletionStatus.PENDING_FINAL_CHARGES);
  }
}
