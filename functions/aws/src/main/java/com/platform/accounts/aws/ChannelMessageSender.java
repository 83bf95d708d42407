package com.platform.accounts.aws;

import com.platform.accounts.core.messaging.OutboundMessage;
import com.platform.accounts.core.port.MessageSender;
import com.platform.accounts.core.verification.Channel;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** The message port of the service: each message goes to the sender of its channel. */
public final class ChannelMessageSender implements MessageSender {
  private final Map<Channel, MessageSender> senders = new EnumMap<>(Channel.class);

  public ChannelMessageSender(MessageSender email, MessageSender sms, MessageSender voice) {
    senders.put(Channel.EMAIL, Objects.requireNonNull(email, "email"));
    senders.put(Channel.SMS, Objects.requireNonNull(sms, "sms"));
    senders.put(Channel.VOICE, Objects.requireNonNull(voice, "voice"));
  }

  @Override
  public void send(OutboundMessage message) {
    senders.get(message.channel()).send(message);
  }
}
