package com.platform.accounts.aws;

import com.platform.accounts.core.messaging.OutboundMessage;
import com.platform.accounts.core.port.MessageSender;
import com.platform.accounts.core.verification.Channel;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/** Text messages through SNS {@code Publish} straight to a phone number. */
public final class SnsSmsSender implements MessageSender {
  private static final Logger LOG = LoggerFactory.getLogger(SnsSmsSender.class);

  /**
   * Codes are transactional: SNS then routes for delivery rather than cost, and the message is not
   * subject to the opt-out rules of promotional traffic.
   */
  private static final Map<String, MessageAttributeValue> TRANSACTIONAL =
      Map.of(
          "AWS.SNS.SMS.SMSType",
          MessageAttributeValue.builder().dataType("String").stringValue("Transactional").build());

  private final SnsClient sns;

  public SnsSmsSender(SnsClient sns) {
    this.sns = Objects.requireNonNull(sns, "sns");
  }

  @Override
  public void send(OutboundMessage message) {
    if (message.channel() != Channel.SMS) {
      throw new IllegalArgumentException("not a text message: " + message.channel());
    }
    PublishResponse response =
        sns.publish(
            request ->
                request
                    .phoneNumber(message.to())
                    .message(message.body())
                    .messageAttributes(TRANSACTIONAL));
    LOG.info("text message sent: SNS message {}", response.messageId());
  }
}
