package com.platform.accounts.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
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
 */
final class LocalSchedules {
  private static final Logger LOG = LoggerFactory.getLogger(LocalSchedules.class);

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

  LocalSchedules(
      SamTemplate template, LocalFunctions functions, LocalWorkflows workflows, Clock clock) {
    this.functions = functions;
    this.workflows = workflows;
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
        entry.next = entry.next.plus(entry.rate);
      }
    }
  }
}
