package com.platform.accounts.core.port;

import com.platform.accounts.core.ratelimit.RateWindow;
import java.time.Instant;
import java.util.Optional;

/** Sliding-window send logs, keyed by an opaque (hashed) key. */
public interface RateLimitStore {

  Optional<RateWindow> find(String key, Instant now);

  /**
   * Stores the window if the stored version equals {@code window.version()} (absent counts as 0).
   *
   * @throws ConcurrentModificationException otherwise
   */
  void save(RateWindow window);
}
