package com.platform.accounts.core.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.core.verification.Channel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTemplatesTest {

  @Test
  void anEmailTakesItsSubjectFromTheFirstLineAndFillsEveryPlaceholder() {
    OutboundMessage email =
        MessageTemplates.render(
            "verification-code",
            Channel.EMAIL,
            "ana@example.com",
            Map.of("code", "123456", "minutes", "10"),
            "123456");

    assertThat(email.channel()).isEqualTo(Channel.EMAIL);
    assertThat(email.to()).isEqualTo("ana@example.com");
    assertThat(email.subject()).isEqualTo("Your verification code: 123456");
    assertThat(email.body())
        .startsWith("Hello,")
        .contains("Your verification code is 123456.")
        .contains("It expires in 10 minutes")
        .doesNotContain("Subject:")
        .doesNotContain("{{");
    assertThat(email.code()).isEqualTo("123456");
  }

  @Test
  void aTextMessageHasNoSubject() {
    OutboundMessage sms =
        MessageTemplates.render(
            "verification-code",
            Channel.SMS,
            "+12025550123",
            Map.of("code", "123456", "minutes", "10"),
            "123456");

    assertThat(sms.subject()).isNull();
    assertThat(sms.body())
        .isEqualTo("Your verification code is 123456. It expires in 10 minutes. Never share it.");
  }

  @Test
  void aMessageWithoutACodeCarriesNone() {
    OutboundMessage notice =
        MessageTemplates.render("account-exists", Channel.EMAIL, "ana@example.com", Map.of(), null);

    assertThat(notice.code()).isNull();
    assertThat(notice.subject()).contains("already have an account");
  }

  @Test
  void aMissingTemplateIsAnErrorOfTheBuild() {
    assertThatThrownBy(
            () ->
                MessageTemplates.render(
                    "account-exists", Channel.SMS, "+12025550123", Map.of(), null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("account-exists.sms.txt");
  }

  @Test
  void theMessageNeverShowsItsCodeWhenPrinted() {
    OutboundMessage sms =
        MessageTemplates.render(
            "verification-code",
            Channel.SMS,
            "+12025550123",
            Map.of("code", "987654", "minutes", "10"),
            "987654");

    assertThat(sms.toString()).isEqualTo("OutboundMessage[channel=SMS, subject=null]");
  }
}
