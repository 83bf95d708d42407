package com.platform.accounts.core.deletion;

import com.platform.accounts.core.money.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * An account's deletion, one per account (kept under its partition, and after the account is
 * erased, as part of its tombstone).
 *
 * @param finalChargesBy when the final charges must have been issued (at most 48 hours after the
 *     request); null when nothing could still be billed
 * @param nextAttemptAt when a PENDING_PAYMENT deletion tries its charges again; null otherwise
 * @param paymentAttempts final-charge collections that failed so far
 * @param erased whether the account's personal data is erased (the last step of a deletion)
 * @param totalCharged the ledger's total of charges issued, kept with the tombstone (null before)
 * @param totalPaid the ledger's total of charges paid, kept with the tombstone (null before)
 * @param version optimistic-locking counter of the stored item
 */
public record Deletion(
    String deletionId,
    String accountId,
    DeletionStatus status,
    Instant requestedAt,
    Instant finalChargesBy,
    Instant nextAttemptAt,
    int paymentAttempts,
    Instant deletedAt,
    boolean erased,
    Money totalCharged,
    Money totalPaid,
    long version) {

  /**
   * When the finish-deletions job must look at this deletion: the final charges' deadline, the next
   * collection attempt, or, for a deletion whose erasure has not finished, at once. Empty when
   * done.
   */
  public Optional<Instant> dueAt() {
    return switch (status) {
      case PENDING_FINAL_CHARGES -> Optional.ofNullable(finalChargesBy);
      case PENDING_PAYMENT -> Optional.ofNullable(nextAttemptAt);
      case DELETED -> erased ? Optional.empty() : Optional.ofNullable(deletedAt);
    };
  }
}
