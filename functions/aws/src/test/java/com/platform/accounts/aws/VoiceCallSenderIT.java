package com.platform.accounts.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.platform.accounts.core.messaging.MessageTemplates;
import com.platform.accounts.core.messaging.OutboundMessage;
import com.platform.accounts.core.verification.Channel;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.PinpointSmsVoiceV2Exception;

/**
 * The voice adapter against a stand-in of End User Messaging SMS and Voice v2 (no emulator has it):
 * the request the SDK really sends, and what a failing service does.
 */
class VoiceCallSenderIT {
  private static final String TARGET = "PinpointSMSVoiceV2.SendVoiceMessage";
  private static final String JSON_1_0 = "application/x-amz-json-1.0";
  private static final String ORIGINATION = "+18005550199";

  @RegisterExtension
  static final WireMockExtension SERVICE =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private AwsClients clients;
  private VoiceCallSender sender;

  @BeforeEach
  void setUp() {
    clients =
        AwsClients.forEndpoint(URI.create(SERVICE.baseUrl()), "us-east-1", "AKIDEXAMPLE", "secret");
    sender = new VoiceCallSender(clients.client(PinpointSmsVoiceV2Client.builder()), ORIGINATION);
  }

  @AfterEach
  void tearDown() {
    clients.close();
  }

  @Test
  void sendsTheSsmlTemplateFromTheOriginationIdentity() {
    SERVICE.stubFor(
        post("/")
            .withHeader("X-Amz-Target", equalTo(TARGET))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", JSON_1_0)
                    .withBody("{\"MessageId\":\"voice-message-1\"}")));
    OutboundMessage call =
        MessageTemplates.render(
            "verification-code",
            Channel.VOICE,
            "+4915112345678",
            Map.of("code", "123456", "minutes", "10"),
            "123456");

    sender.send(call);

    SERVICE.verify(
        1,
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo(TARGET))
            .withHeader("Content-Type", containing(JSON_1_0))
            .withHeader("Authorization", containing("/us-east-1/sms-voice/aws4_request"))
            .withRequestBody(
                equalToJson(
                    """
            {"DestinationPhoneNumber": "+4915112345678",
             "OriginationIdentity": "+18005550199",
             "MessageBody": %s,
             "MessageBodyTextType": "SSML",
             "VoiceId": "JOANNA"}"""
                        .formatted(jsonString(call.body())))));
    assertThat(call.body()).startsWith("<speak>").contains("123456");
  }

  @Test
  void plainTextIsSentAsText() {
    SERVICE.stubFor(
        post("/")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", JSON_1_0)
                    .withBody("{\"MessageId\":\"voice-message-2\"}")));

    sender.send(new OutboundMessage(Channel.VOICE, "+4915112345678", null, "Hello.", null));

    SERVICE.verify(
        postRequestedFor(urlEqualTo("/"))
            .withRequestBody(
                equalToJson(
                    "{\"MessageBody\": \"Hello.\", \"MessageBodyTextType\": \"TEXT\"}",
                    false,
                    true)));
  }

  @Test
  void aServiceFailureSurfacesAsAnException() {
    SERVICE.stubFor(
        post("/")
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", JSON_1_0)
                    .withBody(
                        "{\"__type\":\"InternalServerException\",\"Message\":\"unavailable\"}")));
    OutboundMessage call =
        new OutboundMessage(Channel.VOICE, "+4915112345678", null, "<speak>Hi</speak>", null);

    assertThatThrownBy(() -> sender.send(call))
        .isInstanceOfSatisfying(
            PinpointSmsVoiceV2Exception.class, e -> assertThat(e.statusCode()).isEqualTo(500));
  }

  private static String jsonString(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
