package com.platform.accounts.handlers.jobs;

import com.platform.accounts.core.card.CardVerification;
import com.platform.accounts.handlers.wiring.CardWiring;
import com.platform.accounts.handlers.tasks.TaskHandler;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every 15 minutes: releases the holds and microcharges whose 24 hours are up and that no workflow
 * released (a crash, a lost callback). Idempotent; reads only the due items of the sparse index.
 */
public final class ExpireHoldsJob extends TaskHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ExpireHoldsJob.class);
  /** Per run; a backlog is worked off over the next runs. */
  static final int BATCH = 200;
  private final CardVerification cards;

  /** Production: the card wiring (processor, keys, workflow). */
  public ExpireHoldsJob() {
    this(CardWiring.cards());
  }

  public ExpireHoldsJob(CardVerification cards) {
    this.cards = cards;
  }

  @Override
  protected Map<String, Object> run(Map<String, Object> scheduledEvent) {
    int released = cards.releaseDue(BATCH);
    if (released > 0) {
      LOG.info("released the charges of {} cards past their 24 hours", released);
    }
    return Map.of("released", released);
  }
}
