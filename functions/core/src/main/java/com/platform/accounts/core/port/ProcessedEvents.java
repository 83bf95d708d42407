package com.platform.accounts.core.port;

import java.time.Instant;

/**
 * Deliveries already handled, by their sender's event id (a PayPal webhook's {@code id}): a
 * delivery whose id is recorded has had its effect and is acknowledged without a second one.
 */
public interface ProcessedEvents {

  /** Whether an event of this source and id was recorded and is still kept. */
  boolean seen(String source, String eventId, Instant now);

  /** Records an event as handled until {@code keepUntil}; recording it again changes nothing. */
  void record(String source, String eventId, Instant keepUntil);
}
