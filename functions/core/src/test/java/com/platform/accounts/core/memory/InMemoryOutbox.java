package com.platform.accounts.core.memory;

import com.platform.accounts.core.messaging.OutboundMessage;
import com.platform.accounts.core.port.MessageSender;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Keeps every message instead of sending it: the local outbox, and what tests read codes from. */
public final class InMemoryOutbox implements MessageSender {
  /** A kept message with the (local) time it was sent. */
  public record Sent(OutboundMessage message, Instant sentAt) {}

  private final Clock clock;
  private final List<Sent> sent = new ArrayList<>();

  public InMemoryOutbox(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void send(OutboundMessage message) {
    sent.add(new Sent(message, clock.instant()));
  }

  /** Messages to one address or number, oldest first. */
  public synchronized List<Sent> to(String destination) {
    return sent.stream().filter(s -> s.message().to().equalsIgnoreCase(destination)).toList();
  }

  public synchronized List<Sent> all() {
    return List.copyOf(sent);
  }
}
