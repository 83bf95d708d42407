package com.platform.accounts.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.core.messaging.OutboundMessage;
import com.platform.accounts.core.verification.Channel;
import com.platform.accounts.testkit.AwsEmulator;
import com.platform.accounts.testkit.SentEmail;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.SesV2Client;

class SesEmailSenderIT {
  private static final String SENDER = "no-reply@accounts.example.com";

  @RegisterExtension
  static final AwsEmulator AWS = new AwsEmulator();

  @RegisterExtension
  final EmulatorClients clients = new EmulatorClients(AWS);

  @Test
  void sendsSubjectAndTextBodyFromTheSender() {
    clients.client(SesV2Client.builder()).createEmailIdentity(identity -> identity.emailIdentity(SENDER));

    new SesEmailSender(clients.client(SesV2Client.builder()), SENDER).send(new OutboundMessage(Channel.EMAIL,
        "jane@example.com", "Your verification code: 123456",
        "Your verification code is 123456.", "123456"));

    assertThat(AWS.sentEmails()).containsExactly(new SentEmail(SENDER,
        List.of("jane@example.com"), "Your verification code: 123456",
        "Your verification code is 123456."));
  }

  @Test
  void aRefusedSendSurfacesAsAnException() {
    // no identity verified for the sender: SES refuses the message
    SesEmailSender sender = new SesEmailSender(clients.client(SesV2Client.builder()), SENDER);
    OutboundMessage message =
        new OutboundMessage(Channel.EMAIL, "jane@example.com", "Subject", "Body", null);

    assertThatThrownBy(() -> sender.send(message)).isInstanceOf(SesV2Exception.class);
    assertThat(AWS.sentEmails()).isEmpty();
  }
}
