package com.platform.accounts.core.account;

public enum AccountStatus {
  ACTIVE,
  DELETED
}
