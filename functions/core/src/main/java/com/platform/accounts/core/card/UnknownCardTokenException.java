package com.platform.accounts.core.card;

/** The processor does not know the token (mistyped, expired, or from another merchant). */
public class UnknownCardTokenException extends RuntimeException {
  public UnknownCardTokenException() {
    super("unknown card token", null, false, false);
  }
}
