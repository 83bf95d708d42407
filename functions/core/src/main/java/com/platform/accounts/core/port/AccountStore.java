package com.platform.accounts.core.port;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.verification.Challenge;
import java.util.Optional;

/**
 * Accounts, with their email held unique by a separate item written in the same transaction. Every
 * write is conditional on the stored {@code version}; a stored account's version is the one it was
 * read with, and a successful write stores {@code version + 1}.
 */
public interface AccountStore {

  Optional<Account> find(String accountId);

  /** The account that owns the email (already normalised), if any. */
  Optional<Account> findByEmail(String normalizedEmail);

  /**
   * Creates the account (version 0 expected absent) together with its email-uniqueness item and the
   * completed sign-up challenge, atomically.
   *
   * @throws EmailAlreadyRegisteredException when another account owns the email
   * @throws ConcurrentModificationException when the challenge changed since it was read
   */
  void create(Account account, Challenge completedChallenge);

  /**
   * Writes the account, and the challenge if given, atomically.
   *
   * @throws ConcurrentModificationException when either changed since it was read
   */
  void update(Account account, Optional<Challenge> completedChallenge);
}
