package com.platform.accounts.core.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChallengeTest {
  private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
  private static final Instant CODE_EXPIRES = NOW.plus(Duration.ofMinutes(10));

  private static Challenge pending() {
    return new Challenge(
        "sgn_1",
        Challenge.Purpose.SIGNUP,
        null,
        null,
        Channel.EMAIL,
        "ana@example.com",
        "hash-1",
        CODE_EXPIRES,
        0,
        false,
        NOW,
        1,
        ChallengeStatus.PENDING,
        NOW,
        NOW.plus(Duration.ofHours(24)),
        3);
  }

  private static Challenge failedTimes(int failures) {
    Challenge challenge = pending();
    for (int i = 0; i < failures; i++) {
      challenge = challenge.withFailedAttempt();
    }
    return challenge;
  }

  @Test
  void aFreshCodeHasFiveTriesAndEachWrongGuessTakesOne() {
    assertThat(pending().attemptsRemaining()).isEqualTo(5);
    assertThat(failedTimes(1).attemptsRemaining()).isEqualTo(4);
    assertThat(failedTimes(5).attemptsRemaining()).isZero();
    assertThat(failedTimes(6).attemptsRemaining()).as("never negative").isZero();
  }

  @Test
  void aCodeCanBeTriedUntilItsFifthWrongGuess() {
    assertThat(failedTimes(4).codeUsable(NOW)).isTrue();
    assertThat(failedTimes(5).codeUsable(NOW)).isFalse();
  }

  @Test
  void aCodeCanBeTriedUntilTheInstantItExpires() {
    assertThat(pending().codeUsable(CODE_EXPIRES.minusNanos(1))).isTrue();
    assertThat(pending().codeUsable(CODE_EXPIRES)).isFalse();
  }

  @Test
  void aUsedCodeOrAChallengeThatIsNoLongerPendingCannotBeTried() {
    assertThat(pending().verified().codeUsable(NOW)).isFalse();
    assertThat(pending().expired().codeUsable(NOW)).isFalse();
    Challenge withoutCode =
        pending().withNewCode(Channel.SMS, "+12025550123", null, CODE_EXPIRES, NOW);
    assertThat(withoutCode.codeUsable(NOW)).isFalse();
  }

  @Test
  void aNewCodeResetsTheTriesAndCountsTheSend() {
    Instant later = NOW.plusSeconds(90);

    Challenge renewed =
        failedTimes(3)
            .withNewCode(
                Channel.SMS, "+12025550123", "hash-2", later.plus(Duration.ofMinutes(10)), later);

    assertThat(renewed.attemptsRemaining()).isEqualTo(5);
    assertThat(renewed.codeUsable(later)).isTrue();
    assertThat(renewed.channel()).isEqualTo(Channel.SMS);
    assertThat(renewed.destination()).isEqualTo("+12025550123");
    assertThat(renewed.codeHash()).isEqualTo("hash-2");
    assertThat(renewed.lastSentAt()).isEqualTo(later);
    assertThat(renewed.sendCount()).isEqualTo(2);
    assertThat(renewed.version()).as("the write stays conditional on what was read").isEqualTo(3);
  }

  @Test
  void aVerifiedChallengeHasItsCodeUsedUp() {
    Challenge verified = pending().verified();

    assertThat(verified.status()).isEqualTo(ChallengeStatus.VERIFIED);
    assertThat(verified.codeUsed()).isTrue();
    assertThat(pending().expired().status()).isEqualTo(ChallengeStatus.EXPIRED);
  }
}
