package com.platform.accounts.core.card;

import java.time.Instant;

/**
 * The proof-of-ownership state of a card: the two charges, the secrets the owner must give back (as
 * keyed HMACs only) and the tries used. {@code releaseDueAt} is when both charges must be released
 * at the latest; {@code releasedAt} is set once they are.
 */
public record OwnershipCheck(
    String holdId,
    String microchargeId,
    String descriptorCodeHash,
    String microchargeHash,
    int failedAttempts,
    Instant placedAt,
    Instant releaseDueAt,
    Instant releasedAt,
    Instant expiresAt) {

  public static final int MAX_ATTEMPTS = 5;

  public int attemptsRemaining() {
    return Math.max(0, MAX_ATTEMPTS - failedAttempts);
  }

  public boolean released() {
    return releasedAt != null;
  }

  public boolean placementComplete() {
    return holdId != null && microchargeId != null;
  }

  public OwnershipCheck withHold(String id) {
    return new OwnershipCheck(
        id,
        microchargeId,
        descriptorCodeHash,
        microchargeHash,
        failedAttempts,
        placedAt,
        releaseDueAt,
        releasedAt,
        expiresAt);
  }

  public OwnershipCheck withMicrocharge(String id) {
    return new OwnershipCheck(
        holdId,
        id,
        descriptorCodeHash,
        microchargeHash,
        failedAttempts,
        placedAt,
        releaseDueAt,
        releasedAt,
        expiresAt);
  }

  public OwnershipCheck withFailedAttempt() {
    return new OwnershipCheck(
        holdId,
        microchargeId,
        descriptorCodeHash,
        microchargeHash,
        failedAttempts + 1,
        placedAt,
        releaseDueAt,
        releasedAt,
        expiresAt);
  }

  public OwnershipCheck releasedAt(Instant at) {
    return new OwnershipCheck(
        holdId,
        microchargeId,
        descriptorCodeHash,
        microchargeHash,
        failedAttempts,
        placedAt,
        releaseDueAt,
        at,
        expiresAt);
  }

  /** Due for release earlier, e.g. at once when a placement was given up. */
  public OwnershipCheck releaseDueBy(Instant at) {
    return new OwnershipCheck(
        holdId,
        microchargeId,
        descriptorCodeHash,
        microchargeHash,
        failedAttempts,
        placedAt,
        at,
        releasedAt,
        expiresAt);
  }

  @Override
  public String toString() {
    return "OwnershipCheck[failedAttempts="
        + failedAttempts
        + ", releaseDueAt="
        + releaseDueAt
        + ", releasedAt="
        + releasedAt
        + "]";
  }
}
