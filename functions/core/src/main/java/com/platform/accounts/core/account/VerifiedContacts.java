package com.platform.accounts.core.account;

public record VerifiedContacts(boolean email, boolean phone) {
  public static VerifiedContacts of(Account account) {
    return new VerifiedContacts(account.emailVerified(), account.phoneVerified());
  }
}
