package com.platform.accounts.core.verification;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.AccountNotices;
import com.platform.accounts.core.account.EmailClaim;
import com.platform.accounts.core.account.EmailRelease;
import com.platform.accounts.core.event.DomainEvent;
import com.platform.accounts.core.port.AccountStore;
import com.platform.accounts.core.port.ChallengeStore;
import com.platform.accounts.core.port.DomainEventPublisher;
import com.platform.accounts.core.port.MessageSender;
import com.platform.accounts.core.port.WorkflowUnavailableException;
import com.platform.accounts.core.port.Workflows;
import com.platform.accounts.core.problem.Problem;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The contact-verification workflow's side of a challenge. Nothing waits for the code in Step
 * Functions: a code's life is the challenge item's (its expiry checked on every read, TTL removes
 * it). When a code is proven, the request starts a short execution, named after the challenge, just
 * before it writes the proof; the execution then publishes the facts and welcomes the owner.
 * Starting first means a start refused for throttling is answered 503 while the code is still
 * unproven, so the client's retry proves it and starts the work once.
 */
public final class VerificationProcess {
  /** What the publish task answers: the after-work ran. */
  public static final String VERIFIED = "VERIFIED";

  /**
   * What the publish task answers when the challenge is gone or ended unproven: the request that
   * started the execution never wrote its proof, so there is nothing to publish.
   */
  public static final String NOT_PROVEN = "NOT_PROVEN";

  /** How long a client waits before retrying a proof whose workflow could not start. */
  static final long RETRY_AFTER_SECONDS = 2;

  private final ChallengeStore challenges;
  private final AccountStore accounts;
  private final Workflows workflows;
  private final DomainEventPublisher events;
  private final MessageSender sender;
  private final Clock clock;
  private final EmailRelease emailRelease;

  public VerificationProcess(
      ChallengeStore challenges,
      AccountStore accounts,
      Workflows workflows,
      DomainEventPublisher events,
      MessageSender sender,
      Clock clock,
      EmailRelease emailRelease) {
    this.challenges = challenges;
    this.accounts = accounts;
    this.workflows = workflows;
    this.events = events;
    this.sender = sender;
    this.clock = clock;
    this.emailRelease = emailRelease;
  }

  /**
   * In the request, once the code is known to be right and just before the proof is written: starts
   * the after-work. The execution's name is the challenge id, so the start of a request judged
   * again (a lost race) or retried is the same execution. A start that Step Functions refuses is a
   * 503 with Retry-After, before anything was written.
   */
  public void startAfterProof(String challengeId) {
    try {
      workflows.startContactVerification(challengeId);
    } catch (WorkflowUnavailableException e) {
      throw Problem.unavailable(
          "The code is right but could not be accepted just now; send it again shortly.",
          RETRY_AFTER_SECONDS);
    }
  }

  /**
   * Task: publishes AccountCreated (sign-up) and ContactVerified, takes a proven email from the
   * accounts that only named it ({@link EmailRelease}), and tells the owner on a contact it proved:
   * an account whose email is unproven is welcomed by SMS, and its mailbox gets nothing. Event ids
   * derive from the challenge, so a retried task publishes duplicates consumers can drop; the
   * release comes before the welcome so that a retry after a failed release welcomes once.
   *
   * <p>Answers {@link #VERIFIED} once done and {@link #NOT_PROVEN} for a challenge that is gone or
   * ended unproven; throws {@link ChallengeNotProvenException} while it is still pending, since the
   * proof may be on its way.
   */
  public String publishVerified(String challengeId) {
    Optional<Challenge> found = challenges.find(challengeId, clock.instant());
    if (found.isEmpty() || found.get().status() == ChallengeStatus.EXPIRED) {
      return NOT_PROVEN;
    }
    if (found.get().status() == ChallengeStatus.PENDING) {
      // the request that started this execution may still be writing the proof
      throw new ChallengeNotProvenException();
    }
    Challenge challenge = found.get();
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
    return VERIFIED;
  }
}
