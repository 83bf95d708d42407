package com.platform.accounts.handlers.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.core.deletion.Deletion;
import com.platform.accounts.core.deletion.DeletionNotRecordedException;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.CodeSent;
import com.platform.accounts.handlers.Events;
import com.platform.accounts.handlers.TestHandlers;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountDeletionTasksTest {
  private static final String PASSWORD = "correct horse battery staple";
  private final TestLifecycle t = new TestLifecycle();
  private final AccountDeletionTasks tasks = TestHandlers.accountDeletionTasks(t.lifecycle);

  private String signUp(String email) {
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand("US", email, PASSWORD, PASSWORD, true, null, null),
                new Validation());
    return t.lifecycle.signups().verify(sent.challengeId(), t.lastCode(email)).accountId();
  }

  private static Map<String, Object> payload(String file, String accountId, String deletionId) {
    Map<String, Object> input = new HashMap<>(Events.task(file));
    input.put("accountId", accountId);
    input.put("deletionId", deletionId);
    return input;
  }

  @Test
  void collectAnswersTheStatusAndEraseWritesTheTombstone() {
    String accountId = signUp("gone@example.com");
    Deletion d =
        t.lifecycle
            .accountDeletion()
            .request(t.table.accounts().find(accountId).orElseThrow(), true, PASSWORD);

    Map<String, Object> collected =
        tasks.handleRequest(
            payload(
                "AccountDeletionTasksFunction-collect-final-charges.json",
                accountId,
                d.deletionId()),
            null);
    Map<String, Object> erased =
        tasks.handleRequest(
            payload("AccountDeletionTasksFunction-erase.json", accountId, d.deletionId()), null);

    assertThat(collected).isEqualTo(Map.of("status", "DELETED"));
    assertThat(erased).isEqualTo(Map.of("erased", true));
    assertThat(t.table.accounts().find(accountId).orElseThrow().email()).isNull();
    assertThat(t.table.deletions().find(accountId).orElseThrow().erased()).isTrue();
  }

  @Test
  void aDeletionNotYetWrittenIsThrownForTheStateMachineToAskAgain() {
    String accountId = signUp("early@example.com");

    assertThatThrownBy(
            () ->
                tasks.handleRequest(
                    payload(
                        "AccountDeletionTasksFunction-collect-final-charges.json",
                        accountId,
                        "del_unwritten"),
                    null))
        .isInstanceOf(DeletionNotRecordedException.class);
  }

  @Test
  void theWorkflowOfARequestThatLostTheRaceDoesNothing() {
    String accountId = signUp("race@example.com");
    t.lifecycle
        .accountDeletion()
        .request(t.table.accounts().find(accountId).orElseThrow(), true, PASSWORD);

    Map<String, Object> answer =
        tasks.handleRequest(
            payload("AccountDeletionTasksFunction-erase.json", accountId, "del_theloser"), null);

    assertThat(answer).isEqualTo(Map.of("status", "SUPERSEDED"));
    assertThat(t.table.accounts().find(accountId).orElseThrow().email())
        .isEqualTo("race@example.com");
  }
}
