package com.platform.accounts.core.verification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChannelTest {

  @Test
  void smsAndVoiceProveThePhoneAndEmailProvesTheEmail() {
    assertThat(Channel.SMS.provesPhone()).isTrue();
    assertThat(Channel.VOICE.provesPhone()).isTrue();
    assertThat(Channel.EMAIL.provesPhone()).isFalse();
  }

  @Test
  void aChannelIsNamedExactly() {
    assertThat(Channel.parse("EMAIL")).contains(Channel.EMAIL);
    assertThat(Channel.parse("SMS")).contains(Channel.SMS);
    assertThat(Channel.parse("VOICE")).contains(Channel.VOICE);
    assertThat(Channel.parse("sms")).isEmpty();
    assertThat(Channel.parse("PIGEON")).isEmpty();
    assertThat(Channel.parse(null)).isEmpty();
  }
}
