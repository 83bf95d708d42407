package com.platform.accounts.testkit;

/**
 * No AWS emulator could be had for the integration tests. It fails them rather than skipping them,
 * so a machine without an emulator can never pass the build by running nothing; the message lists
 * what was tried and how to get an emulator.
 */
public final class AwsEmulatorUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  AwsEmulatorUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
