package com.platform.accounts.handlers.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.platform.accounts.core.card.ChargeRelease;
import com.platform.accounts.handlers.tasks.TaskHandler;
import com.platform.accounts.handlers.wiring.CardWiring;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every 15 minutes: releases the holds and microcharges whose 24 hours are up and that no workflow
 * released (a crash, a lost callback), and fails the cards whose 7 days ended unanswered.
 * Idempotent; reads only the due items of the sparse index. Answers how many cards it released, how
 * many failed and stay due, and how many it left for the next run when its time ran short.
 */
public final class ExpireHoldsJob extends TaskHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ExpireHoldsJob.class);

  /** Per run; a backlog is worked off over the next runs. */
  static final int BATCH = 200;

  /**
   * No card is started with less time than this left: a release may make four processor calls, each
   * up to three attempts of three seconds, so one card can take well over half a minute, and a run
   * cut short by its timeout would neither report nor be told apart from a crash.
   */
  static final Duration SAFETY_MARGIN = Duration.ofSeconds(60);

  private final ChargeRelease release;

  /** Production: the card wiring's release (processor, email). */
  public ExpireHoldsJob() {
    this(CardWiring.release());
  }

  public ExpireHoldsJob(ChargeRelease release) {
    this.release = release;
  }

  @Override
  protected Map<String, Object> run(Map<String, Object> scheduledEvent, Context context) {
    BooleanSupplier timeForAnother =
        context == null
            ? () -> true
            : () -> context.getRemainingTimeInMillis() > SAFETY_MARGIN.toMillis();
    ChargeRelease.DueSweep sweep = release.releaseDue(BATCH, timeForAnother);
    if (sweep.released() > 0 || sweep.failed() > 0 || sweep.left() > 0) {
      LOG.info(
          "released the charges of {} cards past their 24 hours; {} failed and stay due;"
              + " {} left for the next run",
          sweep.released(),
          sweep.failed(),
          sweep.left());
    }
    return Map.of("released", sweep.released(), "failed", sweep.failed(), "left", sweep.left());
  }
}
