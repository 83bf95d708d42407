package com.platform.accounts.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.messaging.OutboundMessage;
import com.platform.accounts.core.verification.Channel;
import com.platform.accounts.testkit.AwsEmulator;
import com.platform.accounts.testkit.SentSms;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SMS adapter on moto's SNS, to a number of its own: it reads back only what went to that
 * number, so it sees the same whatever else the emulator was sent before.
 */
class SnsSmsSenderIT {
  @RegisterExtension static final AwsEmulator AWS = new AwsEmulator();

  @RegisterExtension final EmulatorClients clients = new EmulatorClients(AWS);

  @Test
  void publishesTheTextToThePhoneNumber() {
    String phone = "+49151" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);

    new SnsSmsSender(clients.sns())
        .send(
            new OutboundMessage(
                Channel.SMS, phone, null, "Your verification code is 654321.", "654321"));

    assertThat(AWS.sentSms())
        .filteredOn(sms -> sms.phoneNumber().equals(phone))
        .containsExactly(new SentSms(phone, "Your verification code is 654321."));
  }
}
