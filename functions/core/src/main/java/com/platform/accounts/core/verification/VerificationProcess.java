package com.platform.accounts.core.verification;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.AccountNotices;
import com.platform.accounts.core.account.EmailClaim;
import com.platform.accounts.core.account.EmailRelease;
import com.platform.accounts.core.crypto.TokenSealer;
import com.platform.accounts.core.event.DomainEvent;
import com.platform.accounts.core.port.AccountStore;
import com.platform.accounts.core.port.ChallengeStore;
import com.platform.accounts.core.port.DomainEventPublisher;
import com.platform.accounts.core.port.MessageSender;
import com.platform.accounts.core.port.OptimisticRetry;
import com.platform.accounts.core.port.WorkflowOutcome;
import com.platform.accounts.core.port.Workflows;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The contact-verification workflow's side of a challenge. The state machine waits on a task token
 * until the code is proven (or the challenge's lifetime ends), then publishes the facts and
 * welcomes the owner. The proof and the token can arrive in either order; whichever is written
 * second resumes.
 */
public final class VerificationProcess {
  /** What the expiry task answers: the state machine branches on it. */
  public static final String VERIFIED = "VERIFIED";

  public static final String EXPIRED = "EXPIRED";

  private final ChallengeStore challenges;
  private final AccountStore accounts;
  private final Workflows workflows;
  private final TokenSealer sealer;
  private final DomainEventPublisher events;
  private final MessageSender sender;
  private final Clock clock;
  private final EmailRelease emailRelease;

  public VerificationProcess(
      ChallengeStore challenges,
      AccountStore accounts,
      Workflows workflows,
      TokenSealer sealer,
      DomainEventPublisher events,
      MessageSender sender,
      Clock clock,
      EmailRelease emailRelease) {
    this.challenges = challenges;
    this.accounts = accounts;
    this.workflows = workflows;
    this.sealer = sealer;
    this.events = events;
    this.sender = sender;
    this.clock = clock;
    this.emailRelease = emailRelease;
  }

  public void start(String challengeId) {
    workflows.startContactVerification(challengeId);
  }

  /** Called once a challenge was verified: resumes the waiting execution if it already waits. */
  public void onVerified(Challenge verified) {
    if (verified.sealedTaskToken() != null) {
      workflows.resume(
          sealer.unseal(verified.sealedTaskToken()), WorkflowOutcome.ContactOutcome.VERIFIED);
    }
  }

  /**
   * Task: the execution waits for the proof. Remembers its token, or resumes it at once when the
   * proof came first (or the challenge is gone).
   */
  public void await(String challengeId, String taskToken) {
    // a guess or a resend that wrote in between makes it look again
    OptimisticRetry.run(
        () -> {
          Optional<Challenge> found = challenges.find(challengeId, clock.instant());
          if (found.isEmpty() || found.get().status() != ChallengeStatus.PENDING) {
            boolean verified = found.map(c -> c.status() == ChallengeStatus.VERIFIED).orElse(false);
            workflows.resume(
                taskToken,
                verified
                    ? WorkflowOutcome.ContactOutcome.VERIFIED
                    : WorkflowOutcome.ContactOutcome.EXPIRED);
            return;
          }
          challenges.update(found.get().withSealedTaskToken(sealer.seal(taskToken)));
        });
  }

  /**
   * Task: the challenge's lifetime ended. A pending one expires; answers VERIFIED when the proof
   * won the race, so the execution still publishes it.
   */
  public String expire(String challengeId) {
    // a last-second proof or guess makes it look again
    return OptimisticRetry.run(
        () -> {
          Optional<Challenge> found = challenges.find(challengeId, clock.instant());
          if (found.isEmpty()) {
            return EXPIRED;
          }
          Challenge challenge = found.get();
          if (challenge.status() != ChallengeStatus.PENDING) {
            return challenge.status().name();
          }
          challenges.update(challenge.expired());
          return EXPIRED;
        });
  }

  /**
   * Task: publishes AccountCreated (sign-up) and ContactVerified, takes a proven email from the
   * accounts that only named it ({@link EmailRelease}), and tells the owner on a contact it proved:
   * an account whose email is unproven is welcomed by SMS, and its mailbox gets nothing. Event ids
   * derive from the challenge, so a retried task publishes duplicates consumers can drop; the
   * release comes before the welcome so that a retry after a failed release welcomes once.
   */
  public void publishVerified(String challengeId) {
    Challenge challenge =
        challenges
            .find(challengeId, clock.instant())
            .filter(c -> c.status() == ChallengeStatus.VERIFIED)
            .orElseThrow(() -> new IllegalStateException("challenge is not verified"));
    Account account =
        (challenge.accountId() != null
                ? accounts.find(challenge.accountId())
                // a sign-up proven before its challenge named the account it made
                : accounts.findByEmail(EmailClaim.key(challenge.signup().email())))
            .orElseThrow(() -> new IllegalStateException("account of challenge is missing"));
    String contact = challenge.channel().provesPhone() ? "phone" : "email";
    if (challenge.purpose() == Challenge.Purpose.SIGNUP) {
      Map<String, String> created = new LinkedHashMap<>();
      created.put("country", account.country());
      created.put("termsVersion", account.termsVersion());
      events.publish(
          new DomainEvent(
              challengeId + ":AccountCreated",
              "AccountCreated",
              account.accountId(),
              clock.instant(),
              created));
    }
    events.publish(
        new DomainEvent(
            challengeId + ":ContactVerified",
            "ContactVerified",
            account.accountId(),
            clock.instant(),
            Map.of("contact", contact, "channel", challenge.channel().name())));
    if (!challenge.channel().provesPhone()) {
      emailRelease.releaseUnproven(challenge.destination(), challengeId);
    }
    String template =
        challenge.purpose() == Challenge.Purpose.SIGNUP ? "welcome" : "contact-verified";
    AccountNotices.render(
            template, account, Map.of("accountId", account.accountId(), "contact", contact))
        .ifPresent(sender::send);
  }
}
