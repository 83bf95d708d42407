package com.platform.accounts.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parses moto-data.json: the ses and sns parts of a real moto 5.2.5 data.json, recorded after SES
 * v1 and v2 simple sends, a multipart base64 raw send through SES v2, a quoted-printable raw send
 * through SES v1, and two SNS SMS publishes.
 */
class MotoStateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsSimpleAndRawEmailsInTheOrderMotoKeepsThem() throws IOException {
    List<SentEmail> emails = MotoState.sentEmails(fixture());

    assertThat(emails)
        .containsExactly(
            new SentEmail(
                "noreply@example.com",
                List.of("a@example.com", "b@example.com", "c@example.com", "audit@example.com"),
                "Confirm your e-mail",
                "Your code is 123456"),
            new SentEmail(
                "noreply@example.com", List.of("d@example.com"), "Welcome", "<p>Welcome</p>"),
            new SentEmail(
                "noreply@example.com",
                List.of("e@example.com"),
                "Bestätigen Sie Ihre E-Mail-Adresse",
                "<p>Ihr Code lautet <b>654321</b> – danke</p>"),
            new SentEmail(
                "noreply@example.com",
                List.of("f@example.com"),
                "Dein Code ist da",
                "Dein Code: 111222 — gültig 10 Minuten"));
  }

  @Test
  void readsSmsMessages() throws IOException {
    assertThat(MotoState.sentSms(fixture()))
        .containsExactly(
            new SentSms("+15555550100", "Your code is 123456"),
            new SentSms("+447700900123", "Ihr Code: 654321"));
  }

  @Test
  void emptyAfterResetOrBeforeTheServiceWasUsed() throws IOException {
    JsonNode afterReset =
        JSON.readTree("{\"ses\": {\"Message\": [], \"RawMessage\": []}, \"sns\": {\"SMS\": []}}");
    JsonNode untouched = JSON.readTree("{\"s3\": {}}");

    assertThat(MotoState.sentEmails(afterReset)).isEmpty();
    assertThat(MotoState.sentSms(afterReset)).isEmpty();
    assertThat(MotoState.sentEmails(untouched)).isEmpty();
    assertThat(MotoState.sentSms(untouched)).isEmpty();
  }

  @Test
  void rawMessageWithoutSourceTakesTheFromHeader() throws IOException {
    JsonNode state =
        JSON.readTree(
            "{\"ses\": {\"RawMessage\": [{\"source\": null, \"destinations\": [],"
                + " \"raw_data\": \"From: Team <team@example.com>\\r\\nSubject: Hi\\r\\n\\r\\nHello\\r\\n\"}]}}");

    assertThat(MotoState.sentEmails(state))
        .containsExactly(new SentEmail("team@example.com", List.of(), "Hi", "Hello"));
  }

  @Test
  void bareAddressDropsTheDisplayName() {
    assertThat(MotoState.bareAddress("Jane Doe <jane@example.com>")).isEqualTo("jane@example.com");
    assertThat(MotoState.bareAddress("\"Doe, Jane\" <jane@example.com>"))
        .isEqualTo("jane@example.com");
    assertThat(MotoState.bareAddress(" jane@example.com ")).isEqualTo("jane@example.com");
    assertThat(MotoState.bareAddress(null)).isNull();
  }

  private static JsonNode fixture() throws IOException {
    try (InputStream in = MotoStateTest.class.getResourceAsStream("moto-data.json")) {
      assertThat(in).as("moto-data.json on the test class path").isNotNull();
      return JSON.readTree(in);
    }
  }
}
