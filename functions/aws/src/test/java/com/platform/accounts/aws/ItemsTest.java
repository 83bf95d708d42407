package com.platform.accounts.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemsTest {
  @Test
  void ttlSecondsRoundUpSoTtlNeverDeletesEarly() {
    Map<String, AttributeValue> item = new HashMap<>();

    Items.putExpiry(item, Instant.parse("2026-03-01T10:00:00.000000001Z"));

    assertThat(item.get("expiresAt").n())
        .isEqualTo(Long.toString(Instant.parse("2026-03-01T10:00:01Z").getEpochSecond()));
  }

  @Test
  void wholeSecondsStayAsTheyAre() {
    Map<String, AttributeValue> item = new HashMap<>();

    Items.putExpiry(item, Instant.parse("2026-03-01T10:00:00Z"));

    assertThat(item.get("expiresAt").n())
        .isEqualTo(Long.toString(Instant.parse("2026-03-01T10:00:00Z").getEpochSecond()));
  }

  @Test
  void theExactExpiryRoundTripsToTheNanosecond() {
    Map<String, AttributeValue> item = new HashMap<>();
    Instant expiresAt = Instant.parse("2026-03-01T10:15:30.123456789Z");

    Items.putExpiry(item, expiresAt);

    assertThat(Items.expiry(item)).isEqualTo(expiresAt);
    assertThat(Items.live(item, expiresAt.minusNanos(1))).isTrue();
    assertThat(Items.live(item, expiresAt)).isFalse();
  }

  @Test
  void instantsBeforeTheEpochRoundTrip() {
    Map<String, AttributeValue> item = new HashMap<>();
    Instant expiresAt = Instant.parse("1969-12-31T23:59:59.5Z");

    Items.putExpiry(item, expiresAt);

    assertThat(Items.expiry(item)).isEqualTo(expiresAt);
  }
}
