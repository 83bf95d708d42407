package com.platform.accounts.core.account;

public enum AccountStatus {
  ACTIVE,
  DELETED,
  /**
   * Closed by the service, not by its owner: an account that lost the email it never proved, with
   * nothing else on it (see {@link EmailRelease}).
   */
  CLOSED
}
