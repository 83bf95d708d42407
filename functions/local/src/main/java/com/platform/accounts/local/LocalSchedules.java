package com.platform.accounts.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.platform.accounts.core.due.DueItem;
import com.platform.accounts.core.port.DueIndex;
import com.platform.accounts.handlers.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The template's scheduled events on the local clock: each function with a {@code rate(...)}
 * schedule is invoked, and each state machine with one is started, as EventBridge would, every time
 * its rate elapses.
 *
 * <p>Every scheduled job of the template sweeps the due-index, so a run while nothing is due on it
 * does nothing: such runs are skipped, which keeps a jump of the clock by months (thousands of
 * five-minute periods) as quick as a jump by minutes. The first period at or after the earliest due
 * item still runs, as it would on AWS, whenever that item was written.
 */
final class LocalSchedules {
  private static final Logger LOG = LoggerFactory.getLogger(LocalSchedules.class);
  private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T23:59:59Z");

  private static final class Entry {
    /** The function invoked, or the state machine started when {@code machine} is set. */
    final String target;

    final boolean machine;
    final Duration rate;
    Instant next;

    Entry(String target, boolean machine, Duration rate, Instant next) {
      this.target = target;
      this.machine = machine;
      this.rate = rate;
      this.next = next;
    }
  }

  private final List<Entry> entries = new ArrayList<>();
  private final LocalFunctions functions;
  private final LocalWorkflows workflows;
  private final DueIndex dueIndex;

  LocalSchedules(
      SamTemplate template,
      LocalFunctions functions,
      LocalWorkflows workflows,
      DueIndex dueIndex,
      Clock clock) {
    this.functions = functions;
    this.workflows = workflows;
    this.dueIndex = dueIndex;
    Instant start = clock.instant();
    for (SamTemplate.Schedule schedule : template.schedules()) {
      entries.add(
          new Entry(schedule.functionId(), false, schedule.rate(), start.plus(schedule.rate())));
    }
    for (SamTemplate.StateMachineSchedule schedule : template.stateMachineSchedules()) {
      entries.add(
          new Entry(schedule.stateMachineId(), true, schedule.rate(), start.plus(schedule.rate())));
    }
  }

  synchronized Optional<Instant> nextDueAt() {
    Optional<Instant> earliest = earliestDue();
    if (earliest.isEmpty()) {
      return Optional.empty();
    }
    return entries.stream().map(e -> firstRunFor(e, earliest.get())).min(Instant::compareTo);
  }

  /**
   * The entry's next run that can find something: its next period, or, when that is before the
   * earliest due item, the first period at or after it. Worked out afresh each time and never
   * stored: an item written later may fall due before the one that is earliest now (a PayPal link's
   * 3 hours after a card's 23), and its period must still run.
   */
  private static Instant firstRunFor(Entry entry, Instant earliest) {
    if (!entry.next.isBefore(earliest)) {
      return entry.next;
    }
    long idle = Duration.between(entry.next, earliest).toMillis() / entry.rate.toMillis();
    Instant first = entry.next.plus(entry.rate.multipliedBy(idle));
    return first.isBefore(earliest) ? first.plus(entry.rate) : first;
  }

  private Optional<Instant> earliestDue() {
    Optional<Instant> earliest = Optional.empty();
    for (int shard = 0; shard < dueIndex.shards().count(); shard++) {
      Optional<Instant> first =
          dueIndex.due(shard, FAR_FUTURE, Optional.empty(), 1).items().stream()
              .map(DueItem::dueAt)
              .findFirst();
      if (first.isPresent() && (earliest.isEmpty() || first.get().isBefore(earliest.get()))) {
        earliest = first;
      }
    }
    return earliest;
  }

  /** Invokes every schedule due at {@code now}, once per elapsed period. */
  @SuppressWarnings("unchecked")
  synchronized void runDue(Instant now) {
    Optional<Instant> earliest = earliestDue();
    if (earliest.isEmpty()) {
      return;
    }
    for (Entry entry : entries) {
      // stored only once it ran: a skip kept would skip items written later and due sooner
      Instant next = firstRunFor(entry, earliest.get());
      while (!next.isAfter(now)) {
        Map<String, Object> event = new HashMap<>();
        event.put("source", "aws.events");
        event.put("detail-type", "Scheduled Event");
        event.put("time", next.toString());
        try {
          if (entry.machine) {
            workflows.startScheduled(entry.target, Json.MAPPER.valueToTree(event));
          } else {
            ((RequestHandler<Map<String, Object>, Object>) functions.get(entry.target))
                .handleRequest(event, null);
          }
        } catch (RuntimeException e) {
          // EventBridge would retry; the next period runs the job again, which is idempotent
          LOG.warn("scheduled {} failed: {}", entry.target, e.getClass().getName());
        }
        next = next.plus(entry.rate);
        entry.next = next;
      }
    }
  }
}
