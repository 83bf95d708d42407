package com.platform.accounts.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.messaging.OutboundMessage;
import com.platform.accounts.core.port.MessageSender;
import com.platform.accounts.core.verification.Channel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelMessageSenderTest {
  private final List<String> delivered = new ArrayList<>();

  private MessageSender recording(String name) {
    return message -> delivered.add(name + ":" + message.to());
  }

  @Test
  void routesEachMessageToTheSenderOfItsChannel() {
    ChannelMessageSender sender =
        new ChannelMessageSender(recording("ses"), recording("sns"), recording("voice"));

    sender.send(new OutboundMessage(Channel.VOICE, "+1", null, "<speak/>", null));
    sender.send(new OutboundMessage(Channel.EMAIL, "a@example.com", "s", "b", null));
    sender.send(new OutboundMessage(Channel.SMS, "+2", null, "b", null));

    assertThat(delivered).containsExactly("voice:+1", "ses:a@example.com", "sns:+2");
  }
}
