package com.platform.accounts.core.memory;

import com.platform.accounts.core.port.Telemetry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps the counters in memory, for tests and the local runtime. */
public final class InMemoryTelemetry implements Telemetry {
  private final Map<String, Integer> counts = new ConcurrentHashMap<>();

  @Override
  public void count(String metric) {
    counts.merge(metric, 1, Integer::sum);
  }

  /** How often the counter was counted; 0 when never. */
  public int counted(String metric) {
    return counts.getOrDefault(metric, 0);
  }
}
