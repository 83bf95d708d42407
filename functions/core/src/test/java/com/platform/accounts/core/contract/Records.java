package com.platform.accounts.core.contract;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.AccountStatus;
import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.verification.Challenge;
import com.platform.accounts.core.verification.ChallengeStatus;
import com.platform.accounts.core.verification.Channel;
import com.platform.accounts.core.verification.SignupDetails;
import java.time.Duration;
import java.time.Instant;

/**
 * Records for the contract suites, with every field set to a distinct value (instants to the
 * nanosecond) so that a round trip that drops or rounds anything shows.
 */
final class Records {
  /** A start time with a nanosecond part: stores must not round instants. */
  static final Instant START = Instant.parse("2026-03-01T10:15:30.123456789Z");
  static final Duration CHALLENGE_LIFETIME = Duration.ofHours(24);

  private Records() {}

  static String accountId() {
    return Ids.next("acc");
  }

  static String challengeId() {
    return Ids.next("sgn");
  }

  /** A unique address with upper-case letters, so case-folding shows. */
  static String email() {
    return "Jane.Doe+" + Ids.next("t").substring(2, 12) + "@Example.COM";
  }

  static Account account(String accountId, String email) {
    return new Account(accountId, email, "DE", "+4915112345678",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo", AccountStatus.ACTIVE,
        true, false, "2026-01", START.minusMillis(1500).plusNanos(7), 3,
        START.minusSeconds(60).plusNanos(11), 0);
  }

  /** An account with every optional field null. */
  static Account sparseAccount(String accountId, String email) {
    return new Account(accountId, email, "US", null, "hash", AccountStatus.DELETED, false, true,
        null, null, 0, START, 0);
  }

  static SignupDetails signup(String email) {
    return new SignupDetails(email, "DE", "+4915112345678", "$argon2id$hash", "2026-01",
        START.minusNanos(999), false);
  }

  /** A pending sign-up challenge as the services create it (version 0, not stored yet). */
  static Challenge signupChallenge(String challengeId, String email, Instant now) {
    return new Challenge(challengeId, Challenge.Purpose.SIGNUP, null, signup(email),
        Channel.EMAIL, email, "hmac-of-code", now.plus(Duration.ofMinutes(10)), 0, false, now, 1,
        ChallengeStatus.PENDING, null, now, now.plus(CHALLENGE_LIFETIME), 0);
  }

  /** A pending second-verification challenge of an existing account. */
  static Challenge contactChallenge(String challengeId, String accountId, Instant now) {
    return new Challenge(challengeId, Challenge.Purpose.CONTACT, accountId, null, Channel.VOICE,
        "+4915112345678", "hmac-of-voice-code", now.plus(Duration.ofMinutes(10)), 2, false, now, 3,
        ChallengeStatus.PENDING, "sealed-task-token", now, now.plus(CHALLENGE_LIFETIME), 0);
  }

  static Challenge withVersion(Challenge c, long version) {
    return new Challenge(c.challengeId(), c.purpose(), c.accountId(), c.signup(), c.channel(),
        c.destination(), c.codeHash(), c.codeExpiresAt(), c.failedAttempts(), c.codeUsed(),
        c.lastSentAt(), c.sendCount(), c.status(), c.sealedTaskToken(), c.createdAt(),
        c.expiresAt(), version);
  }

  static Account withVersion(Account a, long version) {
    return new Account(a.accountId(), a.email(), a.country(), a.phone(), a.passwordHash(),
        a.status(), a.emailVerified(), a.phoneVerified(), a.termsVersion(), a.termsAcceptedAt(),
        a.sessionVersion(), a.createdAt(), version);
  }
}
