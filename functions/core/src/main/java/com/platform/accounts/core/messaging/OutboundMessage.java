package com.platform.accounts.core.messaging;

import com.platform.accounts.core.verification.Channel;

/**
 * One message to send. {@code code} is the one-time code it carries, if any: adapters never log it;
 * the local outbox shows it so a developer can finish a flow.
 */
public record OutboundMessage(
    Channel channel, String to, String subject, String body, String code) {

  @Override
  public String toString() {
    return "OutboundMessage[channel=" + channel + ", subject=" + subject + "]";
  }
}
