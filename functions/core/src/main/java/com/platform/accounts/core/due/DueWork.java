package com.platform.accounts.core.due;

/**
 * Finishes the due items of one kind. Idempotent: the same item may be handed over again (a run
 * that overlapped another, an index hit that was finished a moment ago). Returning means done or
 * rescheduled by the work itself (the item it rewrote carries its next due time); throwing means
 * failed, and the sweep retries the item later.
 */
@FunctionalInterface
public interface DueWork {
  void finish(DueItem item);
}
