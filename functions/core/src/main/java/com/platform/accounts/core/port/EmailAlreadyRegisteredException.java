package com.platform.accounts.core.port;

/** Another account proved the email address already: it owns it. */
public class EmailAlreadyRegisteredException extends RuntimeException {
  public EmailAlreadyRegisteredException() {
    super("email already registered", null, false, false);
  }
}
