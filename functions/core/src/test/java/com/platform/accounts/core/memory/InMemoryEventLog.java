package com.platform.accounts.core.memory;

import com.platform.accounts.core.event.DomainEvent;
import com.platform.accounts.core.port.DomainEventPublisher;
import java.util.ArrayList;
import java.util.List;

/** Keeps published domain events in order. */
public final class InMemoryEventLog implements DomainEventPublisher {
  private final List<DomainEvent> events = new ArrayList<>();

  @Override
  public synchronized void publish(DomainEvent event) {
    events.add(event);
  }

  public synchronized List<DomainEvent> all() {
    return List.copyOf(events);
  }
}
