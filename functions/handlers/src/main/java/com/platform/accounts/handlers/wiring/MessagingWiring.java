package com.platform.accounts.handlers.wiring;

import com.platform.accounts.aws.ChannelMessageSender;
import com.platform.accounts.aws.SesEmailSender;
import com.platform.accounts.aws.SnsDomainEventPublisher;
import com.platform.accounts.aws.SnsSmsSender;
import com.platform.accounts.aws.VoiceCallSender;
import com.platform.accounts.core.port.DomainEventPublisher;
import com.platform.accounts.core.port.MessageSender;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Email (SES), SMS (SNS) and voice (End User Messaging) for codes and notices, and the
 * domain-events topic. Each channel's client is built when its first message goes out, so a sign-up
 * by email never builds the SMS or voice client.
 */
public final class MessagingWiring {
  private MessagingWiring() {}

  public static MessageSender messages() {
    return MessagesHolder.MESSAGES;
  }

  public static DomainEventPublisher events() {
    return EventsHolder.EVENTS;
  }

  private static final class MessagesHolder {
    static final MessageSender MESSAGES =
        new ChannelMessageSender(
            message -> EmailHolder.EMAIL.send(message),
            message -> SmsHolder.SMS.send(message),
            message -> VoiceHolder.VOICE.send(message));
  }

  private static final class EmailHolder {
    static final MessageSender EMAIL =
        new SesEmailSender(
            Infrastructure.clients().client(SesV2Client.builder()),
            Infrastructure.settings().messaging().senderEmail());
  }

  private static final class SmsHolder {
    static final MessageSender SMS =
        new SnsSmsSender(Infrastructure.clients().client(SnsClient.builder()));
  }

  private static final class VoiceHolder {
    static final MessageSender VOICE =
        new VoiceCallSender(
            Infrastructure.clients().client(PinpointSmsVoiceV2Client.builder()),
            Infrastructure.settings().messaging().voiceOriginationIdentity());
  }

  private static final class EventsHolder {
    static final DomainEventPublisher EVENTS =
        new SnsDomainEventPublisher(
            Infrastructure.clients().client(SnsClient.builder()),
            Infrastructure.settings().events().topicArn());
  }
}
