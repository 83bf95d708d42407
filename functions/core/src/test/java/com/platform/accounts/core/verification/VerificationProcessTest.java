package com.platform.accounts.core.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.EmailRelease;
import com.platform.accounts.core.crypto.TokenSealer;
import com.platform.accounts.core.event.DomainEvent;
import com.platform.accounts.core.messaging.OutboundMessage;
import com.platform.accounts.core.port.ChallengeStore;
import com.platform.accounts.core.port.WorkflowOutcome.ContactOutcome;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.support.TestLifecycle.RecordingWorkflows.Resumed;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerificationProcessTest {
  private static final String PASSWORD = "correct horse battery staple";
  private static final String TASK_TOKEN = "AQCEAAAAKgAAAAMAAAAAAAAAAQ-task-token-of-the-execution";
  private final TestLifecycle t = new TestLifecycle();
  private final VerificationProcess process = t.lifecycle.verificationProcess();

  private CodeSent signUp(String email) {
    return t.lifecycle
        .signups()
        .start(
            new SignupCommand("DE", email, PASSWORD, PASSWORD, true, null, null), new Validation());
  }

  private String proveSignup(CodeSent sent, String destination) {
    return t.lifecycle.signups().verify(sent.challengeId(), t.lastCode(destination)).accountId();
  }

  private Challenge stored(String challengeId) {
    return t.table.challenges().find(challengeId, t.clock.instant()).orElseThrow();
  }

  private Account signedUpByEmail(String email) {
    String accountId = proveSignup(signUp(email), email);
    return t.table.accounts().find(accountId).orElseThrow();
  }

  @Test
  void startingAVerificationStartsItsWorkflowExecution() {
    process.start("sgn_started");

    assertThat(t.workflows.started).containsExactly("sgn_started");
  }

  @Test
  void aTokenThatArrivesBeforeTheProofIsKeptSealedAndResumedWhenTheCodeIsProven() {
    CodeSent sent = signUp("ana@example.com");

    process.await(sent.challengeId(), TASK_TOKEN);

    assertThat(t.workflows.resumed).as("nothing is proven yet").isEmpty();
    String sealed = stored(sent.challengeId()).sealedTaskToken();
    assertThat(sealed).isNotNull().doesNotContain(TASK_TOKEN);
    proveSignup(sent, "ana@example.com");
    assertThat(t.workflows.resumed)
        .containsExactly(new Resumed(TASK_TOKEN, ContactOutcome.VERIFIED));
  }

  @Test
  void aTokenThatArrivesAfterTheProofResumesAtOnceAsVerified() {
    CodeSent sent = signUp("bo@example.com");
    proveSignup(sent, "bo@example.com");
    assertThat(t.workflows.resumed).as("no execution waited yet").isEmpty();

    process.await(sent.challengeId(), TASK_TOKEN);

    assertThat(t.workflows.resumed)
        .containsExactly(new Resumed(TASK_TOKEN, ContactOutcome.VERIFIED));
  }

  @Test
  void aTokenForAChallengeThatIsGoneResumesAsExpired() {
    process.await("sgn_AAAAAAAAAAAAAAAAAAAAAA", TASK_TOKEN);

    assertThat(t.workflows.resumed)
        .containsExactly(new Resumed(TASK_TOKEN, ContactOutcome.EXPIRED));
  }

  @Test
  void aTokenForAnExpiredChallengeResumesAsExpired() {
    CodeSent sent = signUp("cy@example.com");
    process.expire(sent.challengeId());

    process.await(sent.challengeId(), TASK_TOKEN);

    assertThat(t.workflows.resumed)
        .containsExactly(new Resumed(TASK_TOKEN, ContactOutcome.EXPIRED));
  }

  @Test
  void aTokenWhoseWriteLostARaceIsWrittenOnWhatIsStoredNow() {
    CodeSent sent = signUp("di@example.com");
    ChallengeStore racing =
        new LosesFirstUpdate(
            t.table.challenges(),
            () -> {
              // a wrong guess lands between the task's read and its write
              Challenge current = stored(sent.challengeId());
              t.table.challenges().update(current.withFailedAttempt());
            });
    VerificationProcess withRace = processOn(racing);

    withRace.await(sent.challengeId(), TASK_TOKEN);

    Challenge after = stored(sent.challengeId());
    assertThat(after.failedAttempts()).as("the guess is kept").isEqualTo(1);
    assertThat(after.sealedTaskToken()).as("and so is the token").isNotNull();
    proveSignup(sent, "di@example.com");
    assertThat(t.workflows.resumed)
        .containsExactly(new Resumed(TASK_TOKEN, ContactOutcome.VERIFIED));
  }

  @Test
  void aPendingChallengeExpiresAndItsCodeNoLongerWorks() {
    CodeSent sent = signUp("ed@example.com");
    String code = t.lastCode("ed@example.com");

    assertThat(process.expire(sent.challengeId())).isEqualTo(VerificationProcess.EXPIRED);

    assertThat(stored(sent.challengeId()).status()).isEqualTo(ChallengeStatus.EXPIRED);
    assertThatThrownBy(() -> t.lifecycle.signups().verify(sent.challengeId(), code))
        .isInstanceOfSatisfying(
            Problem.class, p -> assertThat(p.code()).isEqualTo(ErrorCode.CODE_EXPIRED));
  }

  @Test
  void aProofThatWonTheRaceWithTheExpiryAnswersVerifiedAndStaysVerified() {
    CodeSent sent = signUp("fi@example.com");
    proveSignup(sent, "fi@example.com");

    assertThat(process.expire(sent.challengeId())).isEqualTo(VerificationProcess.VERIFIED);

    assertThat(stored(sent.challengeId()).status()).isEqualTo(ChallengeStatus.VERIFIED);
  }

  @Test
  void expiringTwiceAnswersExpiredBothTimes() {
    CodeSent sent = signUp("gu@example.com");
    process.expire(sent.challengeId());

    assertThat(process.expire(sent.challengeId())).isEqualTo(VerificationProcess.EXPIRED);
  }

  @Test
  void aChallengeThatIsGoneExpires() {
    assertThat(process.expire("sgn_AAAAAAAAAAAAAAAAAAAAAA")).isEqualTo(VerificationProcess.EXPIRED);
  }

  @Test
  void anExpiryThatLostARaceToTheProofAnswersVerified() {
    CodeSent sent = signUp("ha@example.com");
    String code = t.lastCode("ha@example.com");
    ChallengeStore racing =
        new LosesFirstUpdate(
            t.table.challenges(), () -> t.lifecycle.signups().verify(sent.challengeId(), code));

    assertThat(processOn(racing).expire(sent.challengeId()))
        .isEqualTo(VerificationProcess.VERIFIED);

    assertThat(stored(sent.challengeId()).status()).isEqualTo(ChallengeStatus.VERIFIED);
  }

  @Test
  void aProvenSignupPublishesAccountCreatedThenContactVerifiedAndWelcomesTheOwner() {
    CodeSent sent = signUp("Ivo@Example.com");
    String accountId = proveSignup(sent, "Ivo@example.com");
    t.clock.advanceBy(Duration.ofSeconds(5));

    process.publishVerified(sent.challengeId());

    Instant now = t.clock.instant();
    assertThat(t.events.all())
        .containsExactly(
            new DomainEvent(
                sent.challengeId() + ":AccountCreated",
                "AccountCreated",
                accountId,
                now,
                Map.of("country", "DE", "termsVersion", "2026-11-01")),
            new DomainEvent(
                sent.challengeId() + ":ContactVerified",
                "ContactVerified",
                accountId,
                now,
                Map.of("contact", "email", "channel", "EMAIL")));
    OutboundMessage welcome = t.lastMessage("Ivo@example.com");
    assertThat(welcome.subject()).isEqualTo("Welcome, your account is ready");
    assertThat(welcome.body()).contains(accountId).contains("your email is verified");
    assertThat(welcome.code()).isNull();
  }

  @Test
  void aSignupProvenByPhoneIsPublishedAsAVerifiedPhoneAndWelcomedByTextWithNothingToTheMailbox() {
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand(
                    "US", "jo@example.com", PASSWORD, PASSWORD, true, "SMS", "+12025550123"),
                new Validation());
    String accountId = proveSignup(sent, "+12025550123");

    process.publishVerified(sent.challengeId());

    assertThat(t.events.all())
        .extracting(DomainEvent::type)
        .containsExactly("AccountCreated", "ContactVerified");
    assertThat(t.events.all().get(1).detail())
        .isEqualTo(Map.of("contact", "phone", "channel", "SMS"));
    OutboundMessage welcome = t.lastMessage("+12025550123");
    assertThat(welcome.channel()).isEqualTo(Channel.SMS);
    assertThat(welcome.body()).contains(accountId).contains("this phone is verified");
    assertThat(welcome.code()).isNull();
    assertThat(t.outbox.to("jo@example.com")).as("the unproven mailbox").isEmpty();
  }

  @Test
  void aProvenSecondContactPublishesOnlyContactVerifiedAndTellsTheOwner() {
    Account account = signedUpByEmail("ka@example.com");
    CodeSent sent =
        t.lifecycle.verifications().start(account, "VOICE", "+4915123456789", new Validation());
    t.lifecycle.verifications().verify(account, sent.challengeId(), t.lastCode("+4915123456789"));

    process.publishVerified(sent.challengeId());

    assertThat(t.events.all())
        .containsExactly(
            new DomainEvent(
                sent.challengeId() + ":ContactVerified",
                "ContactVerified",
                account.accountId(),
                t.clock.instant(),
                Map.of("contact", "phone", "channel", "VOICE")));
    OutboundMessage notice = t.lastMessage("ka@example.com");
    assertThat(notice.subject()).isEqualTo("Your phone is verified");
    assertThat(notice.body()).contains(account.accountId());
  }

  @Test
  void aChallengeThatIsNotProvenIsNotPublished() {
    CodeSent sent = signUp("li@example.com");

    assertThatThrownBy(() -> process.publishVerified(sent.challengeId()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(t.events.all()).isEmpty();
  }

  @Test
  void aProvenChallengeWhoseAccountIsMissingIsNotPublished() {
    CodeSent sent = signUp("mo@example.com");
    Challenge pending = stored(sent.challengeId());
    t.table.challenges().update(pending.verified());

    assertThatThrownBy(() -> process.publishVerified(sent.challengeId()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(t.events.all()).isEmpty();
  }

  private VerificationProcess processOn(ChallengeStore challenges) {
    return new VerificationProcess(
        challenges,
        t.table.accounts(),
        t.workflows,
        new TokenSealer(t.lifecycle.ports().keys().hmacKey()),
        t.events,
        t.outbox,
        t.clock,
        new EmailRelease(
            t.table.accounts(), t.table.accountOverviews(), t.outbox, t.events, t.clock));
  }

  /** A store whose first update loses against a write that {@code meanwhile} makes just before. */
  private static final class LosesFirstUpdate implements ChallengeStore {
    private final ChallengeStore store;
    private final Runnable meanwhile;
    private boolean raced;

    LosesFirstUpdate(ChallengeStore store, Runnable meanwhile) {
      this.store = store;
      this.meanwhile = meanwhile;
    }

    @Override
    public Optional<Challenge> find(String challengeId, Instant now) {
      return store.find(challengeId, now);
    }

    @Override
    public void create(Challenge challenge) {
      store.create(challenge);
    }

    @Override
    public void update(Challenge challenge) {
      if (!raced) {
        raced = true;
        meanwhile.run();
        store.update(challenge);
        throw new AssertionError("the stale write should have lost");
      }
      store.update(challenge);
    }
  }

  @Test
  void aSecondContactNotYetProvenIsNotPublished() {
    Account account = signedUpByEmail("no@example.com");
    CodeSent sent =
        t.lifecycle.verifications().start(account, "SMS", "+4915123456780", new Validation());
    int mails = t.outbox.to("no@example.com").size();

    assertThatThrownBy(() -> process.publishVerified(sent.challengeId()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(t.events.all()).isEmpty();
    assertThat(t.outbox.to("no@example.com")).hasSize(mails);
  }
}
