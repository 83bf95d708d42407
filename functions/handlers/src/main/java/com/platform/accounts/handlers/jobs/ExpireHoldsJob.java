package com.platform.accounts.handlers.jobs;

import com.platform.accounts.core.due.DueSweep;
import com.platform.accounts.handlers.wiring.CardWiring;

/**
 * The expire-holds job: releases the holds and microcharges whose 24 hours are up and that no
 * workflow released (a crash, a lost callback), and fails the cards whose 7 days ended unanswered.
 * Idempotent; reads only the due items of the sharded, sparse due-index.
 *
 * <p>Every 5 minutes the expire-holds state machine fans out over the shards ({@link SweepJob}).
 */
public final class ExpireHoldsJob extends SweepJob {

  /** Production: the card wiring's sweep (the due-index, the release: processor, email). */
  public ExpireHoldsJob() {
    this(CardWiring.dueSweep());
  }

  public ExpireHoldsJob(DueSweep sweep) {
    super(sweep);
  }
}
