package com.platform.accounts.core.port;

import com.platform.accounts.core.due.DueItem;
import com.platform.accounts.core.due.DuePage;
import com.platform.accounts.core.due.DueShards;
import java.time.Instant;
import java.util.Optional;

/**
 * The sparse, sharded index of due items: every item that has work falling due carries its shard
 * and due time (written with the item itself, by its own store), so a sweep reads the due items and
 * nothing else, one shard at a time, and shards are swept in parallel. Items that failed too often
 * sit on a dead-letter shard that no sweep reads.
 */
public interface DueIndex {

  /** How many shards there are, and which one an item is on. */
  DueShards shards();

  /**
   * Up to {@code limit} items of {@code shard} due at or before {@code now}, earliest first, from
   * {@code after} (a {@link DuePage#next()} of the same shard) or from the start. Each hit is read
   * again from its item, so that one finished a moment ago is left out.
   */
  DuePage due(int shard, Instant now, Optional<String> after, int limit);

  /**
   * Moves an item's due time to {@code at} and records {@code attempts} failed attempts, if it is
   * still on the shard and at the due time it was read at.
   *
   * @return false when the item changed since it was read (finished, rewritten): nothing changed
   */
  boolean retryAt(DueItem read, Instant at, int attempts);

  /**
   * Moves an item to the dead-letter shard with {@code attempts} failed attempts, if it is still on
   * the shard and at the due time it was read at. Writing the item again (its own work moving on)
   * takes it off the dead letters.
   *
   * @return false when the item changed since it was read: nothing changed
   */
  boolean deadLetter(DueItem read, int attempts);

  /**
   * Up to {@code limit} dead-lettered items, from {@code after} or from the start: for operators.
   */
  DuePage deadLetters(Optional<String> after, int limit);
}
