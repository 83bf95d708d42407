package com.platform.accounts.core.ratelimit;

import java.time.Instant;
import java.util.List;

/** The instants of the recent events counted against one key; {@code expiresAt} drives TTL. */
public record RateWindow(String key, List<Instant> events, Instant expiresAt, long version) {
  public RateWindow {
    events = List.copyOf(events);
  }
}
