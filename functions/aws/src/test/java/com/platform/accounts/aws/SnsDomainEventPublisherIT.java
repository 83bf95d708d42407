package com.platform.accounts.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.platform.accounts.core.event.DomainEvent;
import com.platform.accounts.testkit.AwsEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Events reach a subscriber, and the {@code type} attribute works in a subscription filter. */
class SnsDomainEventPublisherIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final AwsEmulator AWS = new AwsEmulator();

  @RegisterExtension final EmulatorClients clients = new EmulatorClients(AWS);

  private SqsClient sqs;

  @BeforeEach
  void setUp() {
    sqs =
        SqsClient.builder()
            .endpointOverride(AWS.endpoint())
            .region(Region.of(AWS.region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(AWS.accessKeyId(), AWS.secretAccessKey())))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  @AfterEach
  void tearDown() {
    sqs.close();
  }

  @Test
  void publishesTheEventAsJsonWithItsTypeAsAFilterableAttribute() throws Exception {
    // names of this run's own: no topic or queue an earlier run left on the emulator is reused
    String run = UUID.randomUUID().toString();
    String topicArn =
        clients.sns().createTopic(topic -> topic.name("domain-events-" + run)).topicArn();
    String allEvents = subscribedQueue(topicArn, "all-events-" + run, null);
    String accountsCreated =
        subscribedQueue(topicArn, "accounts-created-" + run, "{\"type\":[\"AccountCreated\"]}");
    SnsDomainEventPublisher publisher = new SnsDomainEventPublisher(clients.sns(), topicArn);
    Instant occurredAt = Instant.parse("2026-03-01T10:15:30.123Z");

    publisher.publish(
        new DomainEvent(
            "sgn_1:AccountCreated",
            "AccountCreated",
            "acc_1",
            occurredAt,
            Map.of("country", "DE", "termsVersion", "2026-01")));
    publisher.publish(
        new DomainEvent(
            "sgn_1:ContactVerified",
            "ContactVerified",
            "acc_1",
            occurredAt,
            Map.of("contact", "email", "channel", "EMAIL")));

    List<Message> all = receive(allEvents, 2);
    assertThat(all)
        .extracting(m -> m.messageAttributes().get("type").stringValue())
        .containsExactlyInAnyOrder("AccountCreated", "ContactVerified");
    List<Message> created = receive(accountsCreated, 1);
    assertThat(created).hasSize(1);
    JsonNode body = JSON.readTree(created.get(0).body());
    assertThat(body)
        .isEqualTo(
            JSON.readTree(
                """
        {"eventId": "sgn_1:AccountCreated", "type": "AccountCreated", "accountId": "acc_1",
         "occurredAt": "2026-03-01T10:15:30.123Z",
         "detail": {"country": "DE", "termsVersion": "2026-01"}}"""));
  }

  /** A queue subscribed with raw delivery, so it receives the published message as is. */
  private String subscribedQueue(String topicArn, String name, String filterPolicy) {
    String url = sqs.createQueue(queue -> queue.queueName(name)).queueUrl();
    String arn =
        sqs.getQueueAttributes(
                attributes -> attributes.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    Map<String, String> attributes =
        filterPolicy == null
            ? Map.of("RawMessageDelivery", "true")
            : Map.of("RawMessageDelivery", "true", "FilterPolicy", filterPolicy);
    clients
        .client(SnsClient.builder())
        .subscribe(
            subscription ->
                subscription
                    .topicArn(topicArn)
                    .protocol("sqs")
                    .endpoint(arn)
                    .attributes(attributes));
    return url;
  }

  /** What the queue delivered by the time {@code expected} messages arrived. */
  private List<Message> receive(String queueUrl, int expected) {
    List<Message> messages = new ArrayList<>();
    await(expected + " messages on " + queueUrl)
        .atMost(Duration.ofSeconds(10))
        .pollInSameThread()
        .until(
            () -> {
              messages.addAll(
                  sqs.receiveMessage(
                          receive ->
                              receive
                                  .queueUrl(queueUrl)
                                  .maxNumberOfMessages(10)
                                  .waitTimeSeconds(1)
                                  .messageAttributeNames("All"))
                      .messages());
              return messages.size() >= expected;
            });
    return messages;
  }
}
