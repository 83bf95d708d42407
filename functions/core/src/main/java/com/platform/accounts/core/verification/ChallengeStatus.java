package com.platform.accounts.core.verification;

public enum ChallengeStatus {
  /** Waiting for the right code. */
  PENDING,
  /** The right code was given; the contact is proven. */
  VERIFIED,
  /** The challenge's lifetime ended before it was verified. */
  EXPIRED
}
