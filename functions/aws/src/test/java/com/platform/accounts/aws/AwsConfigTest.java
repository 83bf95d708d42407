package com.platform.accounts.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsConfigTest {
  private final Map<String, String> env = new HashMap<>(Map.of(
      "CARD_VERIFICATION_STATE_MACHINE_ARN",
      "arn:aws:states:us-east-1:123456789012:stateMachine:card-verification",
      "MERCHANT_NAME", "ACMECLOUD"));

  {
    env.putAll(Map.of(
      "TABLE_NAME", "accounts",
      "EVENTS_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:events",
      "CONTACT_VERIFICATION_STATE_MACHINE_ARN",
      "arn:aws:states:us-east-1:123456789012:stateMachine:contact-verification",
      "SECRETS_PARAMETER_NAME", "/account-lifecycle/keys",
      "SENDER_EMAIL", "no-reply@example.com",
      "VOICE_ORIGINATION_IDENTITY", "+18005550199",
      "TERMS_VERSION", "2026-01"));
  }

  @Test
  void readsEveryVariable() {
    assertThat(AwsConfig.from(env)).isEqualTo(new AwsConfig("accounts",
        "arn:aws:sns:us-east-1:123456789012:events",
        "arn:aws:states:us-east-1:123456789012:stateMachine:contact-verification",
        "arn:aws:states:us-east-1:123456789012:stateMachine:card-verification",
        "/account-lifecycle/keys", "no-reply@example.com", "+18005550199", "2026-01",
        "ACMECLOUD"));
  }

  @Test
  void namesEveryMissingOrBlankVariable() {
    env.remove("TABLE_NAME");
    env.put("SENDER_EMAIL", " ");

    assertThatThrownBy(() -> AwsConfig.from(env))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("missing environment variables: TABLE_NAME, SENDER_EMAIL");
  }

  @Test
  void namesASingleMissingVariable() {
    env.remove("TERMS_VERSION");

    assertThatThrownBy(() -> AwsConfig.from(env))
        .hasMessage("missing environment variable: TERMS_VERSION");
  }
}
