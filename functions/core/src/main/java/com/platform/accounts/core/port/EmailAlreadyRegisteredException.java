package com.platform.accounts.core.port;

/** The email's uniqueness item already names another account. */
public class EmailAlreadyRegisteredException extends RuntimeException {
  public EmailAlreadyRegisteredException() {
    super("email already registered", null, false, false);
  }
}
