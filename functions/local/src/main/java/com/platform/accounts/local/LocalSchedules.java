package com.platform.accounts.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
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
 * schedule is invoked, as EventBridge would, every time its rate elapses.
 */
final class LocalSchedules {
  private static final Logger LOG = LoggerFactory.getLogger(LocalSchedules.class);

  private static final class Entry {
    final SamTemplate.Schedule schedule;
    Instant next;

    Entry(SamTemplate.Schedule schedule, Instant next) {
      this.schedule = schedule;
      this.next = next;
    }
  }

  private final List<Entry> entries = new ArrayList<>();
  private final LocalFunctions functions;

  LocalSchedules(SamTemplate template, LocalFunctions functions, Clock clock) {
    this.functions = functions;
    Instant start = clock.instant();
    for (SamTemplate.Schedule schedule : template.schedules()) {
      entries.add(new Entry(schedule, start.plus(schedule.rate())));
    }
  }

  synchronized Optional<Instant> nextDueAt() {
    return entries.stream().map(e -> e.next).min(Instant::compareTo);
  }

  /** Invokes every schedule due at {@code now}, once per elapsed period. */
  @SuppressWarnings("unchecked")
  synchronized void runDue(Instant now) {
    for (Entry entry : entries) {
      while (!entry.next.isAfter(now)) {
        Map<String, Object> event = new HashMap<>();
        event.put("source", "aws.events");
        event.put("detail-type", "Scheduled Event");
        event.put("time", entry.next.toString());
        try {
          ((RequestHandler<Map<String, Object>, Object>) functions.get(entry.schedule.functionId()))
              .handleRequest(event, null);
        } catch (RuntimeException e) {
          // EventBridge would retry; the next period runs the job again, which is idempotent
          LOG.warn("scheduled {} failed: {}", entry.schedule.functionId(), e.getClass().getName());
        }
        entry.next = entry.next.plus(entry.schedule.rate());
      }
    }
  }
}
