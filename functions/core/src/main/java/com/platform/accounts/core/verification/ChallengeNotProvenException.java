package com.platform.accounts.core.verification;

/**
 * The after-work of a challenge started before its proof was written, and the proof is not there
 * (yet): the state machine retries for a few minutes and then ends without publishing anything.
 */
public class ChallengeNotProvenException extends RuntimeException {
  public ChallengeNotProvenException() {
    super("the challenge is still pending", null, false, false);
  }
}
