package com.platform.accounts.core.port;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.EmailClaim;
import com.platform.accounts.core.verification.Challenge;
import java.util.List;
import java.util.Optional;

/**
 * Accounts, and the claims of their email addresses ({@link EmailClaim}), each claim kept apart
 * from the accounts and written in the same transaction as the account that changes it. Every
 * account write is conditional on the stored {@code version}; a stored account's version is the one
 * it was read with, and a successful write stores {@code version + 1}.
 */
public interface AccountStore {

  Optional<Account> find(String accountId);

  /** The accounts with these ids that exist, in the order asked for, in one read. */
  List<Account> findAll(List<String> accountIds);

  /**
   * Who holds the address (its normalised key, {@link EmailClaim#key}): {@link
   * EmailClaim#unclaimed} when nobody does.
   */
  EmailClaim findClaim(String normalizedEmail);

  /** The account that proved the email (already normalised), if any. */
  Optional<Account> findByEmail(String normalizedEmail);

  /**
   * Creates the account (version 0 expected absent) together with the completed sign-up challenge,
   * atomically. An account whose email is verified claims the address in the same transaction; one
   * whose email is unproven leaves the claim as it is.
   *
   * @throws EmailAlreadyRegisteredException when the email is verified and another account proved
   *     the address
   * @throws ConcurrentModificationException when the challenge changed since it was read
   */
  void create(Account account, Challenge completedChallenge);

  /**
   * Creates an account whose email is unproven, as {@link #create}, and adds it to the claim's
   * accounts that name the address without proving it, atomically; only on the claim as it was
   * read.
   *
   * @throws ConcurrentModificationException when the claim or the challenge changed since they were
   *     read
   */
  void createNaming(Account account, Challenge completedChallenge, EmailClaim claimAsRead);

  /**
   * Writes the account and, if given, the challenge, atomically.
   *
   * @throws ConcurrentModificationException when either changed since it was read
   */
  void update(Account account, Optional<Challenge> completedChallenge);

  /**
   * Writes the account whose email the challenge just proved, with the challenge, and claims the
   * address for it (it no longer merely names it), atomically.
   *
   * @throws EmailAlreadyRegisteredException when another account proved the address
   * @throws ConcurrentModificationException when the account or the challenge changed since they
   *     were read
   */
  void updateProvingEmail(Account account, Challenge completedChallenge);

  /**
   * Writes the account that lost the address it named to the account that proved it, and takes it
   * off the address's claim, atomically.
   *
   * @throws ConcurrentModificationException when the account changed since it was read
   */
  void updateReleasingEmail(Account account, String normalizedEmail);

  /**
   * Writes a deleted account's tombstone (its personal data erased) and takes it off the address's
   * claim, as its owner or as an account that named it, atomically: the address is free for a new
   * sign-up from then on.
   *
   * @param normalizedEmail the address the account held before it was erased ({@link
   *     EmailClaim#key})
   * @throws ConcurrentModificationException when the account changed since it was read
   */
  void updateErasing(Account tombstone, String normalizedEmail);
}
