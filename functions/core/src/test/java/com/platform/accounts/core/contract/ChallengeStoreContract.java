package com.platform.accounts.core.contract;

import static com.platform.accounts.core.contract.Records.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.core.port.ChallengeStore;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.verification.Challenge;
import com.platform.accounts.core.verification.ChallengeStatus;
import com.platform.accounts.core.verification.Channel;
import com.platform.accounts.core.verification.SignupDetails;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChallengeStore} does: exact round trips (nested sign-up details included),
 * version 1 on create and +1 per update, conditional writes, and challenges past {@code expiresAt}
 * treated as gone although TTL has not removed them.
 */
public abstract class ChallengeStoreContract {
  protected final ManualClock clock = new ManualClock(START);
  private ChallengeStore challenges;

  /** A fresh store on an empty (or unrelated) table that reads the time from {@code clock}. */
  protected abstract ChallengeStore newStore(Clock clock);

  @BeforeEach
  void createStore() {
    challenges = newStore(clock);
  }

  private Instant now() {
    return clock.instant();
  }

  @Test
  void createStoresEveryFieldOfASignupWithVersionOne() {
    Challenge signup =
        Records.withVersion(
            Records.signupChallenge(Records.challengeId(), Records.email(), now()), 0);

    challenges.create(signup);

    assertThat(challenges.find(signup.challengeId(), now()))
        .contains(Records.withVersion(signup, 1));
  }

  @Test
  void createStoresEveryFieldOfAContactChallenge() {
    Challenge contact = Records.contactChallenge(Records.challengeId(), Records.accountId(), now());

    challenges.create(contact);

    Challenge found = challenges.find(contact.challengeId(), now()).orElseThrow();
    assertThat(found).isEqualTo(Records.withVersion(contact, 1));
    assertThat(found.signup()).isNull();
  }

  @Test
  void createRoundTripsNullsInsideTheSignupDetails() {
    String email = Records.email();
    SignupDetails sparse = new SignupDetails(email, "US", null, "hash", null, null, true);
    Challenge base = Records.signupChallenge(Records.challengeId(), email, now());
    Challenge challenge =
        new Challenge(
            base.challengeId(),
            base.purpose(),
            null,
            sparse,
            Channel.SMS,
            "+12025550123",
            null,
            null,
            0,
            false,
            null,
            0,
            ChallengeStatus.EXPIRED,
            base.createdAt(),
            base.expiresAt(),
            0);

    challenges.create(challenge);

    assertThat(challenges.find(challenge.challengeId(), now()))
        .contains(Records.withVersion(challenge, 1));
  }

  @Test
  void unknownChallengesAreNotFound() {
    assertThat(challenges.find(Records.challengeId(), now())).isEmpty();
  }

  @Test
  void createOverALiveChallengeIsAConflictAndChangesNothing() {
    Challenge first = Records.signupChallenge(Records.challengeId(), Records.email(), now());
    challenges.create(first);
    Challenge other = Records.contactChallenge(first.challengeId(), Records.accountId(), now());

    assertThatThrownBy(() -> challenges.create(other))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(challenges.find(first.challengeId(), now())).contains(Records.withVersion(first, 1));
  }

  @Test
  void createOverAnExpiredChallengeReplacesIt() {
    Challenge old = Records.signupChallenge(Records.challengeId(), Records.email(), now());
    challenges.create(old);
    challenges.update(Records.withVersion(old, 1).withFailedAttempt());
    clock.advanceBy(Records.CHALLENGE_LIFETIME);
    Challenge renewed = Records.contactChallenge(old.challengeId(), Records.accountId(), now());

    challenges.create(renewed);

    assertThat(challenges.find(old.challengeId(), now())).contains(Records.withVersion(renewed, 1));
  }

  @Test
  void updateStoresTheNextVersion() {
    Challenge created = Records.signupChallenge(Records.challengeId(), Records.email(), now());
    challenges.create(created);
    Challenge first = challenges.find(created.challengeId(), now()).orElseThrow();

    challenges.update(first.withFailedAttempt());
    Challenge second = challenges.find(created.challengeId(), now()).orElseThrow();
    challenges.update(
        second.withNewCode(
            Channel.SMS, "+4915112345678", "new-hmac", now().plus(Duration.ofMinutes(10)), now()));
    Challenge third = challenges.find(created.challengeId(), now()).orElseThrow();

    assertThat(second).isEqualTo(Records.withVersion(first.withFailedAttempt(), 2));
    assertThat(second.failedAttempts()).isEqualTo(1);
    assertThat(third.version()).isEqualTo(3);
    assertThat(third.failedAttempts()).isZero();
    assertThat(third.channel()).isEqualTo(Channel.SMS);
    assertThat(third.codeHash()).isEqualTo("new-hmac");
  }

  @Test
  void updateFromAStaleReadIsAConflictAndChangesNothing() {
    Challenge created = Records.signupChallenge(Records.challengeId(), Records.email(), now());
    challenges.create(created);
    Challenge read = challenges.find(created.challengeId(), now()).orElseThrow();
    challenges.update(read.withFailedAttempt());
    Challenge current = challenges.find(created.challengeId(), now()).orElseThrow();

    assertThatThrownBy(() -> challenges.update(read.verified()))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(challenges.find(created.challengeId(), now())).contains(current);
  }

  @Test
  void onlyOneOfTwoUpdatesFromTheSameReadWins() {
    Challenge created = Records.signupChallenge(Records.challengeId(), Records.email(), now());
    challenges.create(created);
    Challenge read = challenges.find(created.challengeId(), now()).orElseThrow();

    challenges.update(read.withFailedAttempt());
    assertThatThrownBy(() -> challenges.update(read.withFailedAttempt()))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(challenges.find(created.challengeId(), now()).orElseThrow().failedAttempts())
        .isEqualTo(1);
  }

  @Test
  void updateOfAChallengeThatDoesNotExistIsAConflict() {
    Challenge neverCreated = Records.signupChallenge(Records.challengeId(), Records.email(), now());

    assertThatThrownBy(() -> challenges.update(neverCreated))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(challenges.find(neverCreated.challengeId(), now())).isEmpty();
  }

  @Test
  void aChallengeIsInvisibleFromItsExpiryOn() {
    Challenge created = Records.signupChallenge(Records.challengeId(), Records.email(), now());
    challenges.create(created);
    Instant expiresAt = created.expiresAt();

    assertThat(challenges.find(created.challengeId(), expiresAt.minusNanos(1))).isPresent();
    assertThat(challenges.find(created.challengeId(), expiresAt)).isEmpty();
    assertThat(challenges.find(created.challengeId(), expiresAt.plus(Duration.ofDays(3))))
        .isEmpty();
  }

  @Test
  void anExpiredChallengeCannotBeUpdated() {
    Challenge created = Records.signupChallenge(Records.challengeId(), Records.email(), now());
    challenges.create(created);
    Challenge read = challenges.find(created.challengeId(), now()).orElseThrow();
    clock.advanceBy(Duration.between(now(), created.expiresAt()));

    assertThatThrownBy(() -> challenges.update(read.expired()))
        .isInstanceOf(ConcurrentModificationException.class);
  }
}
