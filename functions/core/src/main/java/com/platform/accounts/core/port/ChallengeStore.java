package com.platform.accounts.core.port;

import com.platform.accounts.core.verification.Challenge;
import java.time.Instant;
import java.util.Optional;

/** One-time-code challenges; short-lived items removed by TTL after {@code expiresAt}. */
public interface ChallengeStore {

  /** The challenge, or empty when absent or past its {@code expiresAt} (TTL removal lags). */
  Optional<Challenge> find(String challengeId, Instant now);

  /**
   * @throws ConcurrentModificationException when the id exists already
   */
  void create(Challenge challenge);

  /**
   * Stores the challenge if the stored version still equals {@code challenge.version()}, and
   * increments it.
   *
   * @throws ConcurrentModificationException otherwise
   */
  void update(Challenge challenge);
}
