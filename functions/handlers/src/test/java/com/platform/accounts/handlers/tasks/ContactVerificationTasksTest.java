package com.platform.accounts.handlers.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.core.event.DomainEvent;
import com.platform.accounts.core.port.WorkflowOutcome;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.support.TestLifecycle.RecordingWorkflows.Resumed;
import com.platform.accounts.core.verification.CodeSent;
import com.platform.accounts.handlers.Events;
import com.platform.accounts.handlers.TestHandlers;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactVerificationTasksTest {
  private static final String PASSWORD = "correct horse battery staple";
  private final TestLifecycle t = new TestLifecycle();
  private final ContactVerificationTasks tasks = TestHandlers.contactVerificationTasks(t.lifecycle);

  private Map<String, Object> event(String file, String challengeId) {
    Map<String, Object> input = new HashMap<>(Events.task(file));
    input.put("challengeId", challengeId);
    return input;
  }

  private CodeSent signUp() {
    return t.lifecycle
        .signups()
        .start(
            new SignupCommand("US", "ana@example.com", PASSWORD, PASSWORD, true, null, null),
            new Validation());
  }

  @Test
  void awaitingAnUnknownChallengeResumesAtOnceAsExpired() {
    tasks.handleRequest(
        Events.task("ContactVerificationTasksFunction-await-verification.json"), null);

    assertThat(t.workflows.resumed)
        .containsExactly(new Resumed("sample-token", WorkflowOutcome.ContactOutcome.EXPIRED));
  }

  @Test
  void theWaitingTokenIsResumedWhenTheCodeIsProven() {
    CodeSent sent = signUp();
    tasks.handleRequest(
        event("ContactVerificationTasksFunction-await-verification.json", sent.challengeId()),
        null);
    assertThat(t.workflows.resumed).isEmpty();

    t.lifecycle.signups().verify(sent.challengeId(), t.lastCode("ana@example.com"));

    assertThat(t.workflows.resumed)
        .containsExactly(new Resumed("sample-token", WorkflowOutcome.ContactOutcome.VERIFIED));
  }

  @Test
  void expiringAPendingChallengeEndsIt() {
    CodeSent sent = signUp();

    Map<String, Object> out =
        tasks.handleRequest(
            event("ContactVerificationTasksFunction-expire.json", sent.challengeId()), null);

    assertThat(out).containsEntry("status", "EXPIRED");
    assertThatThrownBy(
            () -> t.lifecycle.signups().verify(sent.challengeId(), t.lastCode("ana@example.com")))
        .hasFieldOrPropertyWithValue("code", ErrorCode.CODE_EXPIRED);
  }

  @Test
  void publishingAVerifiedSignupEmitsAccountCreatedAndContactVerifiedAndWelcomes() {
    CodeSent sent = signUp();
    String accountId =
        t.lifecycle.signups().verify(sent.challengeId(), t.lastCode("ana@example.com")).accountId();

    tasks.handleRequest(
        event("ContactVerificationTasksFunction-publish-verified.json", sent.challengeId()), null);

    assertThat(t.events.all())
        .extracting(DomainEvent::type)
        .containsExactly("AccountCreated", "ContactVerified");
    assertThat(t.events.all()).allMatch(e -> e.accountId().equals(accountId));
    assertThat(t.lastMessage("ana@example.com").subject()).contains("Welcome");
  }

  @Test
  void publishingAnUnverifiedChallengeFailsTheTask() {
    assertThatThrownBy(
            () ->
                tasks.handleRequest(
                    Events.task("ContactVerificationTasksFunction-publish-verified.json"), null))
        .isInstanceOf(IllegalStateException.class);
  }
}
