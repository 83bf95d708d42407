package com.platform.accounts.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.core.messaging.OutboundMessage;
import com.platform.accounts.core.verification.Channel;
import com.platform.accounts.testkit.AwsEmulator;
import com.platform.accounts.testkit.SentEmail;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * The e-mail adapter on moto's SES. Each test sends from its own sender address and reads back only
 * what that sender sent, so it sees the same emulator state run alone, in any order, or on an
 * emulator that other runs used before.
 */
class SesEmailSenderIT {
  private final String sender = "no-reply-" + UUID.randomUUID() + "@accounts.example.com";

  @RegisterExtension static final AwsEmulator AWS = new AwsEmulator();

  @RegisterExtension final EmulatorClients clients = new EmulatorClients(AWS);

  @Test
  void sendsSubjectAndTextBodyFromTheSender() {
    clients.sesV2().createEmailIdentity(identity -> identity.emailIdentity(sender));

    new SesEmailSender(clients.sesV2(), sender)
        .send(
            new OutboundMessage(
                Channel.EMAIL,
                "jane@example.com",
                "Your verification code: 123456",
                "Your verification code is 123456.",
                "123456"));

    assertThat(sentBySender())
        .containsExactly(
            new SentEmail(
                sender,
                List.of("jane@example.com"),
                "Your verification code: 123456",
                "Your verification code is 123456."));
  }

  @Test
  void aRefusedSendSurfacesAsAnException() {
    // no identity verified for the sender: SES refuses the message
    SesEmailSender unverified = new SesEmailSender(clients.sesV2(), sender);
    OutboundMessage message =
        new OutboundMessage(Channel.EMAIL, "jane@example.com", "Subject", "Body", null);

    assertThatThrownBy(() -> unverified.send(message)).isInstanceOf(SesV2Exception.class);
    assertThat(sentBySender()).isEmpty();
  }

  private List<SentEmail> sentBySender() {
    return AWS.sentEmails().stream().filter(e -> e.from().equals(sender)).toList();
  }
}
