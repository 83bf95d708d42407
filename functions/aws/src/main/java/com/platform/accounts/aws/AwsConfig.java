package com.platform.accounts.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the AWS adapters need to know about their deployment, from the function's environment
 * variables (set by template.yaml).
 *
 * @param tableName the single DynamoDB table of the service
 * @param eventsTopicArn the SNS topic that carries domain events to the rest of the platform
 * @param contactVerificationStateMachineArn the contact-verification Step Functions state machine
 * @param secretsParameterName the SSM SecureString parameter holding the service keys
 * @param senderEmail the verified SES identity that emails come from
 * @param voiceOriginationIdentity the phone number (or its id/ARN) that voice calls come from
 * @param termsVersion the version of the terms a sign-up accepts
 */
public record AwsConfig(
    String tableName,
    String eventsTopicArn,
    String contactVerificationStateMachineArn,
    String cardVerificationStateMachineArn,
    String secretsParameterName,
    String senderEmail,
    String voiceOriginationIdentity,
    String termsVersion,
    String merchantName) {

  public static final String TABLE_NAME = "TABLE_NAME";
  public static final String EVENTS_TOPIC_ARN = "EVENTS_TOPIC_ARN";
  public static final String CONTACT_VERIFICATION_STATE_MACHINE_ARN =
      "CONTACT_VERIFICATION_STATE_MACHINE_ARN";
  public static final String SECRETS_PARAMETER_NAME = "SECRETS_PARAMETER_NAME";
  public static final String SENDER_EMAIL = "SENDER_EMAIL";
  public static final String VOICE_ORIGINATION_IDENTITY = "VOICE_ORIGINATION_IDENTITY";
  public static final String TERMS_VERSION = "TERMS_VERSION";
  public static final String CARD_VERIFICATION_STATE_MACHINE_ARN =
      "CARD_VERIFICATION_STATE_MACHINE_ARN";
  public static final String MERCHANT_NAME = "MERCHANT_NAME";

  public static AwsConfig fromEnvironment() {
    return from(environment());
  }

  /** The function's environment variables: the adapters read them here and nowhere else. */
  static Map<String, String> environment() {
    return System.getenv();
  }

  /**
   * Reads every variable and reports all the missing ones at once, so a broken deployment is fixed
   * in one go rather than one variable per cold start.
   *
   * @throws IllegalStateException naming each variable that is missing or blank
   */
  public static AwsConfig from(Map<String, String> env) {
    List<String> missing = new ArrayList<>();
    AwsConfig config = new AwsConfig(
        required(env, TABLE_NAME, missing),
        required(env, EVENTS_TOPIC_ARN, missing),
        required(env, CONTACT_VERIFICATION_STATE_MACHINE_ARN, missing),
        required(env, CARD_VERIFICATION_STATE_MACHINE_ARN, missing),
        required(env, SECRETS_PARAMETER_NAME, missing),
        required(env, SENDER_EMAIL, missing),
        required(env, VOICE_ORIGINATION_IDENTITY, missing),
        required(env, TERMS_VERSION, missing),
        required(env, MERCHANT_NAME, missing));
    if (!missing.isEmpty()) {
      throw new IllegalStateException("missing environment variable"
          + (missing.size() > 1 ? "s: " : ": ") + String.join(", ", missing));
    }
    return config;
  }

  private static String required(Map<String, String> env, String name, List<String> missing) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      missing.add(name);
      return null;
    }
    return value.strip();
  }
}
