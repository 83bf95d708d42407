package com.platform.accounts.core.verification;

import com.platform.accounts.core.contact.EmailAddress;
import com.platform.accounts.core.contact.PhoneNumbers;
import com.platform.accounts.core.crypto.Hmac;
import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.messaging.MessageTemplates;
import com.platform.accounts.core.messaging.OutboundMessage;
import com.platform.accounts.core.port.ChallengeStore;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.port.MessageSender;
import com.platform.accounts.core.port.OptimisticRetry;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldError;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.ratelimit.RateLimiter;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The one-time-code mechanics shared by sign-up and the second verification: issuing and sending
 * codes within the send limits, and checking a guess so that no more than five ever count.
 */
public final class CodeChallenges {
  public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
  public static final Duration CHALLENGE_LIFETIME = Duration.ofHours(24);
  public static final Duration RESEND_INTERVAL = Duration.ofSeconds(60);
  public static final int SENDS_PER_DESTINATION = 5;
  public static final Duration SEND_WINDOW = Duration.ofHours(1);
  private static final Pattern CODE = Pattern.compile("[0-9]{6}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ChallengeStore store;
  private final MessageSender sender;
  private final RateLimiter rateLimiter;
  private final PhoneBudgets budgets;
  private final Hmac hmac;
  private final Clock clock;

  public CodeChallenges(
      ChallengeStore store,
      MessageSender sender,
      RateLimiter rateLimiter,
      PhoneBudgets budgets,
      Hmac hmac,
      Clock clock) {
    this.store = store;
    this.sender = sender;
    this.rateLimiter = rateLimiter;
    this.budgets = budgets;
    this.hmac = hmac;
    this.clock = clock;
  }

  /** A fresh code and its challenge-bound HMAC; the code exists only until it is sent. */
  public record IssuedCode(String code, String hash) {}

  public IssuedCode issue(String challengeId, Channel channel) {
    String code = String.format("%06d", RANDOM.nextInt(1_000_000));
    return new IssuedCode(code, hash(challengeId, channel, code));
  }

  /**
   * Counts a send to the destination against its hourly limit and, for SMS and voice, against the
   * spend budgets ({@link PhoneBudgets}); or throws: 400 for a number in a country outside the
   * allow-list, 429 when over a limit.
   *
   * @param accountId the account asking, null for a sign-up
   * @param clientIp the caller's IP address, null when unknown
   */
  public void countSend(Channel channel, String destination, String accountId, String clientIp) {
    if (channel.provesPhone()) {
      budgets.checkCountry(destination);
    }
    rateLimiter.acquire(sendKey(destination), SENDS_PER_DESTINATION, SEND_WINDOW);
    if (channel.provesPhone()) {
      budgets.charge(destination, accountId, clientIp);
    }
  }

  /** Counts a resend's move to another number; the third in a sign-up's life is refused (429). */
  public void countNumberSwitch(Challenge challenge) {
    budgets.countNumberSwitch(challenge.challengeId(), challenge.expiresAt());
  }

  /** One limit per mailbox or number, whatever the letter case it was typed in. */
  private String sendKey(String destination) {
    return "send:" + hmac.digest("destination", destination.toLowerCase(Locale.ROOT));
  }

  /** Throws 429 while the challenge's last send is younger than the resend interval. */
  public void checkResendInterval(Challenge challenge) {
    Instant available = challenge.lastSentAt().plus(RESEND_INTERVAL);
    Instant now = clock.instant();
    if (now.isBefore(available)) {
      throw Problem.rateLimited(Duration.between(now, available));
    }
  }

  public Challenge newChallenge(
      String challengeId,
      Challenge.Purpose purpose,
      String accountId,
      SignupDetails signup,
      Channel channel,
      String destination,
      IssuedCode code) {
    Instant now = clock.instant();
    return new Challenge(
        challengeId,
        purpose,
        accountId,
        signup,
        channel,
        destination,
        code.hash(),
        now.plus(CODE_LIFETIME),
        0,
        false,
        now,
        1,
        ChallengeStatus.PENDING,
        now,
        now.plus(CHALLENGE_LIFETIME),
        0);
  }

  /** Sends the code on the challenge's channel. */
  public void sendCode(Challenge challenge, String code) {
    Map<String, String> values =
        Map.of("code", code, "minutes", Long.toString(CODE_LIFETIME.toMinutes()));
    sender.send(
        MessageTemplates.render(
            "verification-code", challenge.channel(), challenge.destination(), values, code));
  }

  public void send(OutboundMessage message) {
    sender.send(message);
  }

  public CodeSent describe(Challenge challenge) {
    String masked =
        challenge.channel() == Channel.EMAIL
            ? EmailAddress.mask(challenge.destination())
            : PhoneNumbers.mask(challenge.destination());
    return new CodeSent(
        challenge.challengeId(),
        challenge.channel(),
        masked,
        challenge.codeExpiresAt(),
        challenge.lastSentAt().plus(RESEND_INTERVAL));
  }

  /** Rejects a code that is not six digits before it can count as a try. */
  public static void requireCodeShape(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw Problem.validation(
          List.of(
              new FieldError(
                  "code", FieldErrorCode.INVALID_CODE, "The code is the 6 digits we sent.")));
    }
  }

  /**
   * Checks a guess. A wrong guess is written as a failed attempt before it is answered (410
   * CODE_EXPIRED for the one that uses the last try, else 400 INVALID_CODE), and a right one is
   * committed by {@code onSuccess} (which writes {@code challenge.verified()} conditionally); when
   * another request changed the challenge in between, the guess is judged again on the new state.
   *
   * @param owned whether the challenge belongs to the caller; a foreign one reads as not found
   * @param neverMatches true for a challenge that must never complete (a taken email's sign-up)
   */
  public <T> T verify(
      String challengeId,
      String code,
      Predicate<Challenge> owned,
      Predicate<Challenge> neverMatches,
      Function<Challenge, T> onSuccess) {
    requireCodeShape(code);
    if (!Ids.wellFormed(challengeId)) {
      throw Problem.notFound("The verification");
    }
    try {
      // another guess or a resend changed the challenge: judge this guess again on what is stored
      return OptimisticRetry.run(
          () -> {
            Instant now = clock.instant();
            Challenge challenge =
                store
                    .find(challengeId, now)
                    .filter(owned)
                    .orElseThrow(() -> Problem.notFound("The verification"));
            if (!challenge.codeUsable(now)) {
              throw codeExpired();
            }
            boolean right =
                !neverMatches.test(challenge)
                    && hmac.matches(
                        challenge.codeHash(), challengeId, challenge.channel().name(), code);
            if (right) {
              return onSuccess.apply(challenge);
            }
            Challenge failed = challenge.withFailedAttempt();
            store.update(failed);
            if (failed.attemptsRemaining() == 0) {
              // the wrong answer that uses the last try is already the end of this code (API.md)
              throw Problem.of(
                  ErrorCode.CODE_EXPIRED,
                  "Code expired",
                  "That was the fifth wrong code; request a new one.");
            }
            throw Problem.of(ErrorCode.INVALID_CODE, "Invalid code", "The code is not right.")
                .with("attemptsRemaining", failed.attemptsRemaining());
          });
    } catch (ConcurrentModificationException exhausted) {
      throw Problem.of(ErrorCode.CONFLICT, "Busy", "Too many simultaneous attempts; try again.");
    }
  }

  public Optional<Challenge> find(String challengeId) {
    if (!Ids.wellFormed(challengeId)) {
      return Optional.empty();
    }
    return store.find(challengeId, clock.instant());
  }

  public static Problem codeExpired() {
    return Problem.of(
        ErrorCode.CODE_EXPIRED,
        "Code expired",
        "This code can no longer be used; request a new one.");
  }

  private String hash(String challengeId, Channel channel, String code) {
    return hmac.digest(challengeId, channel.name(), code);
  }
}
