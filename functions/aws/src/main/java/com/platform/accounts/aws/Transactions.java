package com.platform.accounts.aws;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** How the stores read a cancelled TransactWriteItems: a lost race, or a fault. */
final class Transactions {
  static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
  static final String TRANSACTION_CONFLICT = "TransactionConflict";

  private Transactions() {}

  /**
   * The cancellation reasons, one per write in order, when the transaction lost against other
   * writes (a failed condition or a competing transaction).
   *
   * @throws TransactionCanceledException when it was cancelled for any other reason (validation,
   *     throttling, capacity): that is a fault, not a lost race
   */
  static List<CancellationReason> lostReasons(TransactionCanceledException e) {
    List<CancellationReason> reasons =
        e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
    boolean lost =
        reasons.stream()
            .anyMatch(
                r ->
                    CONDITIONAL_CHECK_FAILED.equals(r.code())
                        || TRANSACTION_CONFLICT.equals(r.code()));
    if (!lost) {
      throw e;
    }
    return reasons;
  }
}
