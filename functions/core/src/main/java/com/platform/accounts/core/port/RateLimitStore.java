package com.platform.accounts.core.port;

import java.time.Instant;

/**
 * Counters keyed by an opaque (hashed) key, each counted by one atomic conditional increment. A key
 * names one counting period: the caller puts the period in the key, so a key is never counted again
 * once it has expired.
 */
public interface RateLimitStore {

  /**
   * Adds one to the counter unless it already holds {@code limit}, in one atomic write; the first
   * increment creates the counter with {@code expiresAt} as its lifetime (TTL).
   *
   * @return whether this event was counted; a refused event changes nothing
   */
  boolean increment(String key, int limit, Instant expiresAt);

  /** The counter's value, 0 when it is absent or expired at {@code now}. */
  long count(String key, Instant now);
}
