package com.platform.accounts.handlers.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.core.event.DomainEvent;
import com.platform.accounts.core.port.ChallengeStore;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.Challenge;
import com.platform.accounts.core.verification.ChallengeNotProvenException;
import com.platform.accounts.core.verification.CodeSent;
import com.platform.accounts.core.verification.VerificationProcess;
import com.platform.accounts.handlers.Events;
import com.platform.accounts.handlers.TestHandlers;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

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
  void theAfterWorkOfAPendingChallengeFailsSoThatTheStateMachineRetriesIt() {
    CodeSent sent = signUp();

    assertThatThrownBy(
            () ->
                tasks.handleRequest(
                    event(
                        "ContactVerificationTasksFunction-publish-verified.json",
                        sent.challengeId()),
                    null))
        .isInstanceOf(ChallengeNotProvenException.class);
    assertThat(t.events.all()).isEmpty();
  }

  @Test
  void aThrottledTableFailsTheTaskUnderTheNameTheStateMachineRetriesForMinutes() {
    RuntimeException throttled =
        DynamoDbException.builder()
            .statusCode(400)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode("ProvisionedThroughputExceededException")
                    .build())
            .build();
    ChallengeStore throttledStore =
        new ChallengeStore() {
          @Override
          public Optional<Challenge> find(String challengeId, Instant now) {
            throw throttled;
          }

          @Override
          public void create(Challenge challenge) {
            throw throttled;
          }

          @Override
          public void update(Challenge challenge) {
            throw throttled;
          }
        };
    ContactVerificationTasks throttledTasks =
        new ContactVerificationTasks(
            new VerificationProcess(
                throttledStore,
                t.table.accounts(),
                t.workflows,
                t.events,
                t.outbox,
                t.clock,
                null));

    assertThatThrownBy(
            () ->
                throttledTasks.handleRequest(
                    Events.task("ContactVerificationTasksFunction-publish-verified.json"), null))
        .isInstanceOf(TransientTaskFailure.class)
        .hasMessage(DynamoDbException.class.getName());
    assertThatThrownBy(() -> tasks.handleRequest(Map.of("action", "NO_SUCH_ACTION"), null))
        .as("a bug is not retried for minutes")
        .isInstanceOf(IllegalArgumentException.class);
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
  void publishingAChallengeThatIsGoneEndsWithNothingToPublish() {
    assertThat(
            tasks.handleRequest(
                Events.task("ContactVerificationTasksFunction-publish-verified.json"), null))
        .containsEntry("status", "NOT_PROVEN");
    assertThat(t.events.all()).isEmpty();
  }
}
