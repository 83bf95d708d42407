package com.platform.accounts.handlers.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.platform.accounts.core.due.DueSweep;
import com.platform.accounts.handlers.tasks.TaskHandler;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scheduled job over the sharded due-index: its state machine fans out over the shards, asking
 * first for them ({@code {"plan": true}} answers {@code {"shards": [0, 1, ...]}}), then running one
 * invocation per shard side by side ({@code {"shard": n}}), each a {@link DueSweep} worker that
 * finishes its shard's due items of the job's kinds {@link DueSweep#LANES} at a time. Any other
 * event (the schedule's own, as {@code sam local invoke} sends it) sweeps every shard in turn in
 * this one invocation.
 *
 * <p>Answers how many items it finished, how many failed (put back with backoff, or moved to the
 * dead letters), and how many it read but left for the next run when its time ran short.
 */
public abstract class SweepJob extends TaskHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SweepJob.class);

  /**
   * No item is started with less time than this left: a card's release may make four processor
   * calls, each up to three attempts of three seconds, and a deletion's collection and erasure as
   * many, so one item can take well over half a minute, and a run cut short by its timeout would
   * neither report nor be told apart from a crash.
   */
  static final Duration SAFETY_MARGIN = Duration.ofSeconds(60);

  private final DueSweep sweep;

  protected SweepJob(DueSweep sweep) {
    this.sweep = sweep;
  }

  @Override
  protected final Map<String, Object> run(Map<String, Object> event, Context context) {
    if (Boolean.TRUE.equals(event.get("plan"))) {
      List<Integer> shards = Arrays.stream(sweep.shards().all()).boxed().toList();
      return Map.of("shards", shards);
    }
    BooleanSupplier timeForAnother =
        context == null
            ? () -> true
            : () -> context.getRemainingTimeInMillis() > SAFETY_MARGIN.toMillis();
    Object shard = event.get("shard");
    int[] shards = shard == null ? sweep.shards().all() : new int[] {shardOf(shard)};
    int finished = 0;
    int failed = 0;
    int deadLettered = 0;
    int left = 0;
    for (int s : shards) {
      DueSweep.Result result = sweep.sweep(s, timeForAnother);
      finished += result.finished();
      failed += result.failed();
      deadLettered += result.deadLettered();
      left += result.left();
    }
    if (finished > 0 || failed > 0 || left > 0) {
      LOG.info(
          "shard {}: finished {} due items; {} failed ({} moved to the dead letters);"
              + " {} left for the next run",
          shard == null ? "all" : shard,
          finished,
          failed,
          deadLettered,
          left);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("finished", finished);
    answer.put("failed", failed);
    answer.put("deadLettered", deadLettered);
    answer.put("left", left);
    return answer;
  }

  private int shardOf(Object shard) {
    if (!(shard instanceof Number number)
        || number.intValue() < 0
        || number.intValue() >= sweep.shards().count()) {
      throw new IllegalArgumentException("no due-index shard " + shard);
    }
    return number.intValue();
  }
}
