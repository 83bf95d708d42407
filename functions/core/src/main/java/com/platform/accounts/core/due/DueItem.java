package com.platform.accounts.core.due;

import java.time.Instant;
import java.util.Objects;

/**
 * One piece of work on the due-index, as the sweep read it: its kind, the account it belongs to,
 * its id under that account, the shard it is on, when it falls due, and how many attempts at it
 * failed so far. A retry or a move to the dead letters names the item as read: it applies only if
 * the item is still where and when it was read, so work that changed the item meanwhile wins.
 */
public record DueItem(
    DueKind kind, String ownerId, String itemId, int shard, Instant dueAt, int attempts) {
  public DueItem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(dueAt, "dueAt");
  }
}
