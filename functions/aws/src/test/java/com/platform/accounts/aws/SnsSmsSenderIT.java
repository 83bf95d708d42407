package com.platform.accounts.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.messaging.OutboundMessage;
import com.platform.accounts.core.verification.Channel;
import com.platform.accounts.testkit.AwsEmulator;
import com.platform.accounts.testkit.SentSms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sns.SnsClient;

class SnsSmsSenderIT {
  @RegisterExtension
  static final AwsEmulator AWS = new AwsEmulator();

  @RegisterExtension
  final EmulatorClients clients = new EmulatorClients(AWS);

  @Test
  void publishesTheTextToThePhoneNumber() {
    new SnsSmsSender(clients.client(SnsClient.builder())).send(new OutboundMessage(Channel.SMS, "+4915112345678", null,
        "Your verification code is 654321.", "654321"));

    assertThat(AWS.sentSms()).containsExactly(
        new SentSms("+4915112345678", "Your verification code is 654321."));
  }
}
