package com.platform.accounts.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.event.DomainEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnsDomainEventPublisherTest {
  @Test
  void serialisesTheEventWithSortedDetail() {
    DomainEvent event =
        new DomainEvent(
            "sgn_1:ContactVerified",
            "ContactVerified",
            "acc_1",
            Instant.parse("2026-03-01T10:15:30Z"),
            Map.of("contact", "phone", "channel", "SMS"));

    assertThat(SnsDomainEventPublisher.toJson(event))
        .isEqualTo(
            "{\"eventId\":\"sgn_1:ContactVerified\",\"type\":\"ContactVerified\","
                + "\"accountId\":\"acc_1\",\"occurredAt\":\"2026-03-01T10:15:30Z\","
                + "\"detail\":{\"channel\":\"SMS\",\"contact\":\"phone\"}}");
  }
}
