package com.platform.accounts.core.event;

import java.time.Instant;
import java.util.Map;

/**
 * A fact for the rest of the platform, e.g. AccountCreated or ContactVerified. {@code eventId} lets
 * consumers drop duplicates; {@code detail} holds no secrets.
 */
public record DomainEvent(
    String eventId, String type, String accountId, Instant occurredAt, Map<String, String> detail) {

  public DomainEvent {
    detail = Map.copyOf(detail);
  }
}
