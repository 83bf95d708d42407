package com.platform.accounts.handlers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The AWS calls of each user request, by call as the SDK names it ({@code "DynamoDb Query"}): the
 * table of README.md's section "AWS round trips per operation". {@code RoundTripsIT} proves each
 * row on the emulator (a request that makes one call more, or one fewer, fails it) and {@code
 * RoundTripsReadmeTest} that the README shows exactly {@link #markdown()}.
 */
final class RoundTrips {
  /** A request, the function that serves it, and the calls it makes once the function runs. */
  record Row(String request, String function, Map<String, Integer> calls) {
    int total() {
      return calls.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  static final Row GET_ACCOUNT =
      new Row("GET /v1/account", "AccountApi", calls("DynamoDb Query", 1));
  static final Row SIGN_IN =
      new Row(
          "POST /v1/sessions (sign-in)",
          "SessionApi",
          calls("DynamoDb GetItem", 2, "DynamoDb UpdateItem", 1));
  static final Row SIGN_OUT =
      new Row(
          "DELETE /v1/sessions/current (sign-out)",
          "SessionApi",
          calls("DynamoDb GetItem", 1, "DynamoDb PutItem", 1));
  static final Row START_SIGNUP =
      new Row(
          "POST /v1/signups (code by email)",
          "SignupApi",
          calls(
              "DynamoDb GetItem",
              1,
              "DynamoDb PutItem",
              1,
              "DynamoDb UpdateItem",
              1,
              "SesV2 SendEmail",
              1));
  static final Row START_SIGNUP_IDEMPOTENT =
      new Row(
          "POST /v1/signups with an Idempotency-Key",
          "SignupApi",
          calls(
              "DynamoDb GetItem",
              2,
              "DynamoDb PutItem",
              3,
              "DynamoDb UpdateItem",
              1,
              "SesV2 SendEmail",
              1));
  static final Row VERIFY_SIGNUP =
      new Row(
          "POST /v1/signups/{signupId}/verify",
          "SignupApi",
          calls("DynamoDb GetItem", 1, "DynamoDb TransactWriteItems", 1, "Sfn StartExecution", 1));
  static final Row START_SECOND_VERIFICATION =
      new Row(
          "POST /v1/account/verifications (code by SMS)",
          "AccountVerificationsApi",
          calls(
              "DynamoDb GetItem",
              1,
              "DynamoDb PutItem",
              1,
              "DynamoDb UpdateItem",
              5,
              "Sns Publish",
              1));
  static final Row VERIFY_SECOND_VERIFICATION =
      new Row(
          "POST /v1/account/verifications/{verificationId}/verify",
          "AccountVerificationsApi",
          calls("DynamoDb GetItem", 3, "DynamoDb TransactWriteItems", 1, "Sfn StartExecution", 1));
  static final Row ADD_CARD =
      new Row(
          "POST /v1/account/payment-methods/cards",
          "PaymentMethodsApi",
          calls(
              "DynamoDb GetItem",
              8,
              "DynamoDb PutItem",
              2,
              "DynamoDb Query",
              1,
              "DynamoDb TransactWriteItems",
              1,
              "Sfn StartExecution",
              1));
  static final Row VERIFY_CARD =
      new Row(
          "POST /v1/account/payment-methods/{paymentMethodId}/verify",
          "PaymentMethodsApi",
          calls(
              "DynamoDb GetItem",
              6,
              "DynamoDb PutItem",
              2,
              "SesV2 SendEmail",
              1,
              "Sns Publish",
              1));

  static final List<Row> ROWS =
      List.of(
          GET_ACCOUNT,
          SIGN_IN,
          SIGN_OUT,
          START_SIGNUP,
          START_SIGNUP_IDEMPOTENT,
          VERIFY_SIGNUP,
          START_SECOND_VERIFICATION,
          VERIFY_SECOND_VERIFICATION,
          ADD_CARD,
          VERIFY_CARD);

  /**
   * What each function calls while it is built, once per execution environment (before the
   * snapshot, with SnapStart): the secret keys from SSM, where it uses them.
   */
  static final Map<String, Map<String, Integer>> AT_START = new LinkedHashMap<>();

  static {
    AT_START.put("AccountApi", calls());
    AT_START.put("SessionApi", calls("Ssm GetParameter", 1));
    AT_START.put("SignupApi", calls("Ssm GetParameter", 1));
    AT_START.put("AccountVerificationsApi", calls("Ssm GetParameter", 1));
    AT_START.put("PaymentMethodsApi", calls("Ssm GetParameter", 1));
  }

  private static final Map<String, String> SERVICES =
      Map.of(
          "DynamoDb",
          "DynamoDB",
          "SesV2",
          "SES",
          "Sfn",
          "Step Functions",
          "Sns",
          "SNS",
          "Ssm",
          "SSM",
          "PinpointSmsVoiceV2",
          "End User Messaging");

  private RoundTrips() {}

  /** The calls {@code "Service Operation", count, ...}. */
  static Map<String, Integer> calls(Object... callsAndCounts) {
    Map<String, Integer> calls = new TreeMap<>();
    for (int i = 0; i < callsAndCounts.length; i += 2) {
      calls.put((String) callsAndCounts[i], (Integer) callsAndCounts[i + 1]);
    }
    return Map.copyOf(calls);
  }

  /** README.md's table: one row per request, then the calls at a function's start. */
  static String markdown() {
    StringBuilder out =
        new StringBuilder()
            .append("| request | function | AWS calls per request | total |\n")
            .append("|---|---|---|---:|\n");
    for (Row row : ROWS) {
      out.append("| ")
          .append(row.request())
          .append(" | ")
          .append(row.function())
          .append(" | ")
          .append(describe(row.calls()))
          .append(" | ")
          .append(row.total())
          .append(" |\n");
    }
    out.append("\n| function | AWS calls at start-up (once per execution environment) |\n")
        .append("|---|---|\n");
    AT_START.forEach(
        (function, calls) ->
            out.append("| ").append(function).append(" | ").append(describe(calls)).append(" |\n"));
    return out.toString();
  }

  /** {@code "DynamoDB: 2 GetItem, 1 Query; SES: 1 SendEmail"}, services and calls sorted. */
  static String describe(Map<String, Integer> calls) {
    if (calls.isEmpty()) {
      return "none";
    }
    Map<String, List<String>> byService = new TreeMap<>();
    new TreeMap<>(calls)
        .forEach(
            (call, count) -> {
              String[] parts = call.split(" ", 2);
              byService
                  .computeIfAbsent(
                      SERVICES.getOrDefault(parts[0], parts[0]), s -> new ArrayList<>())
                  .add(count + " " + parts[1]);
            });
    List<String> services = new ArrayList<>();
    byService.forEach((service, list) -> services.add(service + ": " + String.join(", ", list)));
    return String.join("; ", services);
  }
}
