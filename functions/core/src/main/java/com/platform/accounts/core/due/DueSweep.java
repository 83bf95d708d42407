package com.platform.accounts.core.due;

import com.platform.accounts.core.port.DueIndex;
import com.platform.accounts.core.port.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker of a scheduled job: finishes the due items of one shard of the due-index, several at a
 * time, page by page in due order, each item at most once a run. It starts no item once {@code
 * timeForAnother} says no, and waits for the ones under way, so a run ends before its time does.
 *
 * <p>An item whose work fails is retried later, its due time moved on by a backoff that doubles
 * ({@link #FIRST_RETRY}, then twice that, ...), its failed attempts counted on the item; at the
 * {@link #MAX_ATTEMPTS}th failure it moves to the dead letters, which no sweep reads, and {@link
 * #DEAD_LETTERED} is counted (an alarm watches it). A poison item thus costs a lane a few times,
 * and never stands in front of the others.
 *
 * <p>Every job sweeps the same index and finishes only the kinds it was given work for
 * (expire-holds cards and PayPal links, finish-deletions deletions); it passes over the other
 * kinds' items, neither finishing nor failing them.
 */
public final class DueSweep {
  private static final Logger LOG = LoggerFactory.getLogger(DueSweep.class);

  /** Counted when a failed item is put back for a later run. */
  public static final String RETRIED = "DueItemRetried";

  /** Counted when an item failed {@link #MAX_ATTEMPTS} times and moved to the dead letters. */
  public static final String DEAD_LETTERED = "DueItemDeadLettered";

  /**
   * Items under way at once in one worker: a release waits on the processor most of its time, so a
   * worker's lanes are threads that wait, not cores that compute.
   */
  public static final int LANES = 8;

  /** Items read per page: the most one BatchGetItem reads back. */
  public static final int PAGE = 100;

  /** The failures after which an item moves to the dead letters. */
  public static final int MAX_ATTEMPTS = 5;

  /**
   * The first retry's delay; each next one doubles. Four retries span 3 h 45 min, so an outage of
   * the processor shorter than that dead-letters nothing, and a card's charges due at 23 hours are
   * retried twice before the 24 hours promised.
   */
  public static final Duration FIRST_RETRY = Duration.ofMinutes(15);

  /**
   * What a run of one shard did: items {@code finished}; items whose work {@code failed}, put back
   * for a later run unless they moved to the dead letters ({@code deadLettered}, a part of them) or
   * their own work rewrote them meanwhile; and items read but {@code left} unstarted when the time
   * ran short.
   */
  public record Result(int finished, int failed, int deadLettered, int left) {}

  private final DueIndex index;
  private final Map<DueKind, DueWork> work;
  private final Telemetry telemetry;
  private final Clock clock;
  private final Supplier<Lanes> lanes;

  /**
   * @param lanes made once per run: {@code () -> Lanes.threads(LANES)} in production
   */
  public DueSweep(
      DueIndex index,
      Map<DueKind, DueWork> work,
      Telemetry telemetry,
      Clock clock,
      Supplier<Lanes> lanes) {
    this.index = index;
    this.work = new EnumMap<>(work);
    this.telemetry = telemetry;
    this.clock = clock;
    this.lanes = lanes;
  }

  public DueShards shards() {
    return index.shards();
  }

  /**
   * Finishes the items of {@code shard} due now.
   *
   * @param timeForAnother asked before each item (and each page) is started, when a lane is free
   *     for it: false ends the run; what was read and not started is left for the next run
   */
  public Result sweep(int shard, BooleanSupplier timeForAnother) {
    Instant now = clock.instant();
    Counts counts = new Counts();
    int left = 0;
    try (Lanes running = lanes.get()) {
      try {
        Optional<String> after = Optional.empty();
        read:
        do {
          if (!timeForAnother.getAsBoolean()) {
            break;
          }
          DuePage page = index.due(shard, now, after, PAGE);
          for (int i = 0; i < page.items().size(); i++) {
            if (!work.containsKey(page.items().get(i).kind())) {
              // another job's item on the shared index: that job finishes it
              continue;
            }
            running.awaitFree();
            if (!timeForAnother.getAsBoolean()) {
              running.giveBack();
              left = page.items().size() - i;
              break read;
            }
            DueItem item = page.items().get(i);
            running.start(() -> finish(item, counts));
          }
          after = page.next();
        } while (after.isPresent());
      } finally {
        running.awaitIdle();
      }
    }
    return new Result(counts.finished.get(), counts.failed.get(), counts.deadLettered.get(), left);
  }

  private void finish(DueItem item, Counts counts) {
    try {
      DueWork kind = work.get(item.kind());
      if (kind == null) {
        throw new IllegalStateException("no work finishes due items of kind " + item.kind());
      }
      kind.finish(item);
      counts.finished.incrementAndGet();
    } catch (RuntimeException e) {
      failed(item, e, counts);
    }
  }

  /** Puts a failed item back with backoff, or on the dead letters once it failed too often. */
  private void failed(DueItem item, RuntimeException failure, Counts counts) {
    counts.failed.incrementAndGet();
    int attempts = item.attempts() + 1;
    // the class only: a message may quote a token or a processor's id
    String kind = failure.getClass().getName();
    try {
      if (attempts >= MAX_ATTEMPTS) {
        if (index.deadLetter(item, attempts)) {
          counts.deadLettered.incrementAndGet();
          telemetry.count(DEAD_LETTERED);
          LOG.error(
              "{}: {} {} failed {} times ({}); moved to the dead letters",
              DEAD_LETTERED,
              item.kind(),
              item.itemId(),
              attempts,
              kind);
        }
        return;
      }
      Instant at = clock.instant().plus(backoff(attempts));
      if (index.retryAt(item, at, attempts)) {
        telemetry.count(RETRIED);
        LOG.warn(
            "{}: {} {} failed ({}), attempt {}; retried at {}",
            RETRIED,
            item.kind(),
            item.itemId(),
            kind,
            attempts,
            at);
      }
    } catch (RuntimeException e) {
      // the item stays due as it was: the next run takes it again
      LOG.error(
          "{} {} failed ({}) and could not be put back ({}); the next run takes it again",
          item.kind(),
          item.itemId(),
          kind,
          e.getClass().getName());
    }
  }

  /** The delay before the retry that follows the {@code attempts}th failure. */
  static Duration backoff(int attempts) {
    return FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
  }

  private static final class Counts {
    final AtomicInteger finished = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger deadLettered = new AtomicInteger();
  }
}
