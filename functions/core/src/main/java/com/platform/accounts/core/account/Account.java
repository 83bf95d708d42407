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

  public boolean isActive() {
    return status == AccountStatus.ACTIVE;
  }
}
