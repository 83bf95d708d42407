package com.platform.accounts.core.port;

import com.platform.accounts.core.event.DomainEvent;

/** Publishes facts for the rest of the platform (one SNS topic in AWS). */
public interface DomainEventPublisher {
  void publish(DomainEvent event);
}
