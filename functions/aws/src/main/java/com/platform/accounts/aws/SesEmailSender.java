package com.platform.accounts.aws;

import com.platform.accounts.core.messaging.OutboundMessage;
import com.platform.accounts.core.port.MessageSender;
import com.platform.accounts.core.verification.Channel;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;

/** Emails through SES v2 {@code SendEmail}: a plain-text body and a subject, from one sender. */
public final class SesEmailSender implements MessageSender {
  private static final Logger LOG = LoggerFactory.getLogger(SesEmailSender.class);
  private static final String CHARSET = "UTF-8";

  private final SesV2Client ses;
  private final String senderEmail;

  public SesEmailSender(SesV2Client ses, String senderEmail) {
    this.ses = Objects.requireNonNull(ses, "ses");
    this.senderEmail = Objects.requireNonNull(senderEmail, "senderEmail");
  }

  @Override
  public void send(OutboundMessage message) {
    if (message.channel() != Channel.EMAIL) {
      throw new IllegalArgumentException("not an email: " + message.channel());
    }
    if (message.subject() == null) {
      throw new IllegalArgumentException("an email needs a subject");
    }
    SendEmailResponse response =
        ses.sendEmail(
            request ->
                request
                    .fromEmailAddress(senderEmail)
                    .destination(to -> to.toAddresses(message.to()))
                    .content(
                        content ->
                            content.simple(
                                email ->
                                    email
                                        .subject(text(message.subject()))
                                        .body(body -> body.text(text(message.body()))))));
    // the message id lets operators trace a delivery in SES without logging the address or the text
    LOG.info("email sent: SES message {}", response.messageId());
  }

  private static Content text(String data) {
    return Content.builder().data(data).charset(CHARSET).build();
  }
}
