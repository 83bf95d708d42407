package com.platform.accounts.aws;

import com.platform.accounts.core.deletion.Deletion;
import com.platform.accounts.core.due.DueShards;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.port.DeletionStore;
import java.util.Optional;

/**
 * Deletions in the table ({@link DeletionItems}), each written with its due-index attributes in the
 * same put. Round trips: 1 GetItem per {@code find}, 1 conditional PutItem per {@code create} and
 * {@code update}.
 */
final class DynamoDbDeletionStore implements DeletionStore {
  private final DynamoDbTable table;
  private final DueShards dueShards;

  DynamoDbDeletionStore(DynamoDbTable table, DueShards dueShards) {
    this.table = table;
    this.dueShards = dueShards;
  }

  @Override
  public void create(Deletion deletion) {
    if (!table.putIf(
        DeletionItems.toItem(deletion, deletion.version() + 1, dueShards), Condition.absent())) {
      throw new ConcurrentModificationException("deletion of " + deletion.accountId());
    }
  }

  @Override
  public Optional<Deletion> find(String accountId) {
    return table.get(DeletionItems.key(accountId)).map(DeletionItems::fromItem);
  }

  @Override
  public void update(Deletion deletion) {
    if (!table.putIf(
        DeletionItems.toItem(deletion, deletion.version() + 1, dueShards),
        Condition.versionIs(deletion.version()))) {
      throw new ConcurrentModificationException("deletion of " + deletion.accountId());
    }
  }
}
