package com.platform.accounts.aws;

import com.platform.accounts.core.messaging.OutboundMessage;
import com.platform.accounts.core.port.MessageSender;
import com.platform.accounts.core.verification.Channel;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.SendVoiceMessageResponse;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.VoiceId;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.VoiceMessageBodyTextType;

/**
 * Voice calls through AWS End User Messaging SMS and Voice v2 {@code SendVoiceMessage}: a
 * synthesized voice reads the message to the number. Voice templates are SSML ({@code
 * <speak>...</speak>}), which lets the code be read out digit by digit.
 */
public final class VoiceCallSender implements MessageSender {
  private static final Logger LOG = LoggerFactory.getLogger(VoiceCallSender.class);
  private static final String SSML_ROOT = "<speak";

  private final PinpointSmsVoiceV2Client voice;
  private final String originationIdentity;
  private final VoiceId voiceId;

  /** A sender with the Joanna voice (US English, clear on telephone audio). */
  public VoiceCallSender(PinpointSmsVoiceV2Client voice, String originationIdentity) {
    this(voice, originationIdentity, VoiceId.JOANNA);
  }

  /**
   * @param originationIdentity the calling number: a phone number, its id or ARN, or a pool
   */
  public VoiceCallSender(
      PinpointSmsVoiceV2Client voice, String originationIdentity, VoiceId voiceId) {
    this.voice = Objects.requireNonNull(voice, "voice");
    this.originationIdentity = Objects.requireNonNull(originationIdentity, "originationIdentity");
    this.voiceId = Objects.requireNonNull(voiceId, "voiceId");
  }

  @Override
  public void send(OutboundMessage message) {
    if (message.channel() != Channel.VOICE) {
      throw new IllegalArgumentException("not a voice message: " + message.channel());
    }
    String body = message.body().strip();
    // a plain-text body read as SSML would be refused, so the type follows the text
    VoiceMessageBodyTextType type =
        body.startsWith(SSML_ROOT) ? VoiceMessageBodyTextType.SSML : VoiceMessageBodyTextType.TEXT;
    SendVoiceMessageResponse response =
        voice.sendVoiceMessage(
            request ->
                request
                    .destinationPhoneNumber(message.to())
                    .originationIdentity(originationIdentity)
                    .messageBody(body)
                    .messageBodyTextType(type)
                    .voiceId(voiceId));
    LOG.info("voice call placed: message {}", response.messageId());
  }
}
