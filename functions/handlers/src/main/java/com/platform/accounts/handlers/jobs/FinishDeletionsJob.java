package com.platform.accounts.handlers.jobs;

import com.platform.accounts.core.deletion.FinishDeletions;
import com.platform.accounts.handlers.wiring.DeletionWiring;

/**
 * The finish-deletions job: collects the final charges of deletions whose {@code finalChargesBy} or
 * next payment attempt has come, and erases deleted accounts whose erasure never finished (its
 * workflow lost or failed). Idempotent and safe twice at once (one completion, no charge twice);
 * reads only the due items of the sharded, sparse due-index, and finishes only deletions.
 *
 * <p>Every hour the finish-deletions state machine fans out over the shards ({@link SweepJob}).
 */
public final class FinishDeletionsJob extends SweepJob {

  /** Production: the deletion wiring's sweep (the due-index, the ledger, processor, PayPal). */
  public FinishDeletionsJob() {
    this(DeletionWiring.finishDeletions());
  }

  public FinishDeletionsJob(FinishDeletions finish) {
    super(finish.sweep());
  }
}
