package com.platform.accounts.core.account;

import java.time.Instant;

/**
 * An account of the platform. {@code version} is the optimistic-locking counter of the stored item;
 * {@code sessionVersion} is copied into every session token, so raising it ends every session at
 * once.
 */
public record Account(
    String accountId,
    String email,
    String country,
    String phone,
    String passwordHash,
    AccountStatus status,
    boolean emailVerified,
    boolean phoneVerified,
    String termsVersion,
    Instant termsAcceptedAt,
    long sessionVersion,
    Instant createdAt,
    long version) {

  public Account withEmailVerified() {
    return new Account(
        accountId,
        email,
        country,
        phone,
        passwordHash,
        status,
        true,
        phoneVerified,
        termsVersion,
        termsAcceptedAt,
        sessionVersion,
        createdAt,
        version);
  }

  public Account withVerifiedPhone(String verifiedPhone) {
    return new Account(
        accountId,
        email,
        country,
        verifiedPhone,
        passwordHash,
        status,
        emailVerified,
        true,
        termsVersion,
        termsAcceptedAt,
        sessionVersion,
        createdAt,
        version);
  }

  public Account withNextSessionVersion() {
    return new Account(
        accountId,
        email,
        country,
        phone,
        passwordHash,
        status,
        emailVerified,
        phoneVerified,
        termsVersion,
        termsAcceptedAt,
        sessionVersion + 1,
        createdAt,
        version);
  }

  public Account withPasswordHash(String newHash) {
    return new Account(
        accountId,
        email,
        country,
        phone,
        newHash,
        status,
        emailVerified,
        phoneVerified,
        termsVersion,
        termsAcceptedAt,
        sessionVersion,
        createdAt,
        version);
  }

  /**
   * The account without the email it named but never proved, once another account proved it:
   * sign-in by that address no longer reaches it.
   */
  public Account withoutEmail() {
    return new Account(
        accountId,
        null,
        country,
        phone,
        passwordHash,
        status,
        false,
        phoneVerified,
        termsVersion,
        termsAcceptedAt,
        sessionVersion,
        createdAt,
        version);
  }

  /** Closed by the service: every session is refused from then on. */
  public Account closed() {
    return new Account(
        accountId,
        email,
        country,
        phone,
        passwordHash,
        AccountStatus.CLOSED,
        emailVerified,
        phoneVerified,
        termsVersion,
        termsAcceptedAt,
        sessionVersion,
        createdAt,
        version);
  }

  /**
   * Deleted by its owner: every session is refused from then on (the status, and the session
   * version raised).
   */
  public Account deleted() {
    return new Account(
        accountId,
        email,
        country,
        phone,
        passwordHash,
        AccountStatus.DELETED,
        emailVerified,
        phoneVerified,
        termsVersion,
        termsAcceptedAt,
        sessionVersion + 1,
        createdAt,
        version);
  }

  /**
   * The tombstone of a deleted account: its id, country, terms and dates stay for the platform's
   * financial records; the email, phone and password hash are erased.
   */
  public Account erased() {
    return new Account(
        accountId,
        null,
        country,
        null,
        null,
        AccountStatus.DELETED,
        false,
        false,
        termsVersion,
        termsAcceptedAt,
        status == AccountStatus.DELETED ? sessionVersion : sessionVersion + 1,
        createdAt,
        version);
  }

  public boolean isActive() {
    return status == AccountStatus.ACTIVE;
  }
}
