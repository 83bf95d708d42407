package com.platform.accounts.core.verification;

import java.time.Instant;

/**
 * A one-time-code challenge that proves a contact: either a sign-up ({@code signup} set, and {@code
 * accountId} once it made the account) or the second verification of an existing account ({@code
 * accountId} set).
 *
 * <p>The code itself is never kept: only its keyed HMAC, bound to this challenge and channel.
 * {@code version} is the optimistic-locking counter: every attempt is a conditional write, so
 * parallel guesses cannot share one try.
 */
public record Challenge(
    String challengeId,
    Purpose purpose,
    String accountId,
    SignupDetails signup,
    Channel channel,
    String destination,
    String codeHash,
    Instant codeExpiresAt,
    int failedAttempts,
    boolean codeUsed,
    Instant lastSentAt,
    int sendCount,
    ChallengeStatus status,
    Instant createdAt,
    Instant expiresAt,
    long version) {

  public enum Purpose {
    SIGNUP,
    CONTACT
  }

  public static final int MAX_ATTEMPTS = 5;

  public int attemptsRemaining() {
    return Math.max(0, MAX_ATTEMPTS - failedAttempts);
  }

  /** True while the current code can still be tried: not used, not expired, tries left. */
  public boolean codeUsable(Instant now) {
    return status == ChallengeStatus.PENDING
        && !codeUsed
        && codeHash != null
        && now.isBefore(codeExpiresAt)
        && failedAttempts < MAX_ATTEMPTS;
  }

  public Challenge withNewCode(
      Channel newChannel,
      String newDestination,
      String newCodeHash,
      Instant newCodeExpiresAt,
      Instant sentAt) {
    return new Challenge(
        challengeId,
        purpose,
        accountId,
        signup,
        newChannel,
        newDestination,
        newCodeHash,
        newCodeExpiresAt,
        0,
        false,
        sentAt,
        sendCount + 1,
        status,
        createdAt,
        expiresAt,
        version);
  }

  public Challenge withFailedAttempt() {
    return new Challenge(
        challengeId,
        purpose,
        accountId,
        signup,
        channel,
        destination,
        codeHash,
        codeExpiresAt,
        failedAttempts + 1,
        codeUsed,
        lastSentAt,
        sendCount,
        status,
        createdAt,
        expiresAt,
        version);
  }

  public Challenge verified() {
    return verifiedFor(accountId);
  }

  /** A proven sign-up, naming the account it made, so that the workflow's steps find it. */
  public Challenge verifiedFor(String createdAccountId) {
    return new Challenge(
        challengeId,
        purpose,
        createdAccountId,
        signup,
        channel,
        destination,
        codeHash,
        codeExpiresAt,
        failedAttempts,
        true,
        lastSentAt,
        sendCount,
        ChallengeStatus.VERIFIED,
        createdAt,
        expiresAt,
        version);
  }

  public Challenge expired() {
    return new Challenge(
        challengeId,
        purpose,
        accountId,
        signup,
        channel,
        destination,
        codeHash,
        codeExpiresAt,
        failedAttempts,
        codeUsed,
        lastSentAt,
        sendCount,
        ChallengeStatus.EXPIRED,
        createdAt,
        expiresAt,
        version);
  }
}
