package com.platform.accounts.core.port;

import com.platform.accounts.core.deletion.Deletion;
import java.util.Optional;

/**
 * Deletions, one per account under its partition. A deletion with work falling due ({@link
 * Deletion#dueAt}) is on the due-index with kind ACCOUNT_DELETION, written with it.
 */
public interface DeletionStore {

  /**
   * Creates the account's deletion (version 0 given, 1 stored).
   *
   * @throws ConcurrentModificationException when the account has one already (two requests at once:
   *     one deletion)
   */
  void create(Deletion deletion);

  Optional<Deletion> find(String accountId);

  /**
   * Conditional on the stored version.
   *
   * @throws ConcurrentModificationException when the stored version differs
   */
  void update(Deletion deletion);
}
