package com.platform.accounts.core.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.event.DomainEvent;
import com.platform.accounts.core.messaging.OutboundMessage;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerificationProcessTest {
  private static final String PASSWORD = "correct horse battery staple";
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
  void startingASignupStartsNoExecutionAndProvingItStartsTheAfterWorkOnce() {
    CodeSent sent = signUp("ana@example.com");
    assertThat(t.workflows.started).as("nothing waits for the code").isEmpty();

    proveSignup(sent, "ana@example.com");

    assertThat(t.workflows.started).containsExactly(sent.challengeId());
  }

  @Test
  void aThrottledStartIs503WithRetryAfterAndLeavesTheCodeUnprovenForTheRetry() {
    CodeSent sent = signUp("bo@example.com");
    String code = t.lastCode("bo@example.com");
    t.workflows.refuseNextStarts(1);

    assertThatThrownBy(() -> t.lifecycle.signups().verify(sent.challengeId(), code))
        .isInstanceOfSatisfying(
            Problem.class,
            p -> {
              assertThat(p.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
              assertThat(p.retryAfterSeconds()).isPositive();
            });

    Challenge after = stored(sent.challengeId());
    assertThat(after.status()).isEqualTo(ChallengeStatus.PENDING);
    assertThat(after.failedAttempts()).as("the refusal costs no try").isZero();
    assertThat(t.table.accounts().findByEmail("bo@example.com")).isEmpty();
    String accountId = proveSignup(sent, "bo@example.com");
    assertThat(accountId).isNotNull();
    assertThat(t.workflows.started).containsExactly(sent.challengeId());
  }

  @Test
  void aRetriedSignupStartAfterAThrottledStartExecutionSendsExactlyOneMessage() {
    // a start refused for throttling must never follow the message: nothing starts before the proof
    t.workflows.refuseNextStarts(1);

    CodeSent sent = signUp("cy@example.com");

    assertThat(t.outbox.to("cy@example.com")).hasSize(1);
    assertThat(t.workflows.started).isEmpty();
    t.workflows.refuseNextStarts(0);
    proveSignup(sent, "cy@example.com");
    assertThat(t.outbox.to("cy@example.com"))
        .as("the code, then the welcome only once the after-work runs")
        .hasSize(1);
  }

  @Test
  void theAfterWorkOfAChallengeStillPendingWaitsForItsProof() {
    CodeSent sent = signUp("di@example.com");

    assertThatThrownBy(() -> process.publishVerified(sent.challengeId()))
        .isInstanceOf(ChallengeNotProvenException.class);
    assertThat(t.events.all()).isEmpty();
  }

  @Test
  void theAfterWorkOfAChallengeThatIsGoneEndsWithNothingToPublish() {
    assertThat(process.publishVerified("sgn_AAAAAAAAAAAAAAAAAAAAAA"))
        .isEqualTo(VerificationProcess.NOT_PROVEN);
    assertThat(t.events.all()).isEmpty();
  }

  @Test
  void aCodeNeedsNoExecutionToExpire() {
    CodeSent sent = signUp("ed@example.com");
    String code = t.lastCode("ed@example.com");

    t.clock.advanceBy(CodeChallenges.CODE_LIFETIME);

    assertThatThrownBy(() -> t.lifecycle.signups().verify(sent.challengeId(), code))
        .isInstanceOfSatisfying(
            Problem.class, p -> assertThat(p.code()).isEqualTo(ErrorCode.CODE_EXPIRED));
    t.clock.advanceBy(CodeChallenges.CHALLENGE_LIFETIME);
    assertThat(t.table.challenges().find(sent.challengeId(), t.clock.instant())).isEmpty();
    assertThat(process.publishVerified(sent.challengeId()))
        .isEqualTo(VerificationProcess.NOT_PROVEN);
  }

  @Test
  void theAfterWorkRunsOnceWhenTheCodeIsProven() {
    CodeSent sent = signUp("fi@example.com");
    String accountId = proveSignup(sent, "fi@example.com");
    int mails = t.outbox.to("fi@example.com").size();

    assertThat(process.publishVerified(sent.challengeId())).isEqualTo(VerificationProcess.VERIFIED);

    assertThat(t.workflows.started).containsExactly(sent.challengeId());
    assertThat(t.events.all())
        .extracting(DomainEvent::type)
        .containsExactly("AccountCreated", "ContactVerified");
    assertThat(t.events.all()).allMatch(e -> e.accountId().equals(accountId));
    assertThat(t.outbox.to("fi@example.com")).as("one welcome").hasSize(mails + 1);
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
        .isInstanceOf(ChallengeNotProvenException.class);
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

  @Test
  void aSecondContactNotYetProvenIsNotPublished() {
    Account account = signedUpByEmail("no@example.com");
    CodeSent sent =
        t.lifecycle.verifications().start(account, "SMS", "+4915123456780", new Validation());
    int mails = t.outbox.to("no@example.com").size();

    assertThatThrownBy(() -> process.publishVerified(sent.challengeId()))
        .isInstanceOf(ChallengeNotProvenException.class);
    assertThat(t.events.all()).isEmpty();
    assertThat(t.outbox.to("no@example.com")).hasSize(mails);
  }
}
