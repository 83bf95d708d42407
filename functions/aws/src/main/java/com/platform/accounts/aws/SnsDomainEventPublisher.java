package com.platform.accounts.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.event.DomainEvent;
import com.platform.accounts.core.port.DomainEventPublisher;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/**
 * Domain events on the platform's SNS topic, as JSON: {@code {"eventId", "type", "accountId",
 * "occurredAt" (ISO-8601), "detail": {...}}}. The event type is also a message attribute, so a
 * subscriber's filter policy can choose event types without reading bodies.
 */
public final class SnsDomainEventPublisher implements DomainEventPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(SnsDomainEventPublisher.class);

  private final SnsClient sns;
  private final String topicArn;

  public SnsDomainEventPublisher(SnsClient sns, String topicArn) {
    this.sns = Objects.requireNonNull(sns, "sns");
    this.topicArn = Objects.requireNonNull(topicArn, "topicArn");
  }

  @Override
  public void publish(DomainEvent event) {
    PublishResponse response =
        sns.publish(
            request ->
                request
                    .topicArn(topicArn)
                    .message(toJson(event))
                    .messageAttributes(
                        Map.of(
                            "type",
                            MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(event.type())
                                .build())));
    // event ids derive from challenge ids, which are handles to a verification: not logged
    LOG.info("event published: {}, SNS message {}", event.type(), response.messageId());
  }

  static String toJson(DomainEvent event) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("eventId", event.eventId());
    root.put("type", event.type());
    root.put("accountId", event.accountId());
    root.put("occurredAt", event.occurredAt().toString());
    ObjectNode detail = root.putObject("detail");
    // sorted, so the same event always serialises to the same bytes
    new TreeMap<>(event.detail()).forEach(detail::put);
    try {
      return Json.MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event not serialisable", e);
    }
  }
}
