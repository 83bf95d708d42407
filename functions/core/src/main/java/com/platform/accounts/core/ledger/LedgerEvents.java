package com.platform.accounts.core.ledger;

import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.money.Money;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Validation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The check of an event another service reports (API.md, Resource ledger): every bad field at once
 * (400 VALIDATION_FAILED), whichever way the event came in (the internal route or the queue).
 */
public final class LedgerEvents {
  /** Ids of other services: short, and nothing that could be read as a key separator. */
  private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9._:~-]{1,128}");

  private static final String USD = "USD";

  private LedgerEvents() {}

  /**
   * An event as submitted: text where the contract has text, before any of it is checked. A member
   * of the wrong JSON type was recorded in the validation by the reader, and reads as null here.
   */
  public record Submitted(
      String eventId,
      String accountId,
      String type,
      String resourceId,
      String billing,
      Boolean autoRenew,
      String endsAt,
      Amount amount,
      String occurredAt) {}

  /** The {@code amount} member as submitted: {@code {"amount": "12.40", "currency": "USD"}}. */
  public record Amount(String amount, String currency) {}

  /**
   * The event, or VALIDATION_FAILED naming every bad field (those the reader found included).
   *
   * @param receivedAt when the event was received: its {@code occurredAt} when it gives none
   */
  public static LedgerEvent validate(Submitted s, Validation validation, Instant receivedAt) {
    String eventId = externalId(validation, "eventId", s.eventId());
    String accountId = required(validation, "accountId", s.accountId());
    if (accountId != null && !Ids.wellFormed(accountId)) {
      validation.reject("accountId", FieldErrorCode.INVALID_VALUE, "Not an account id.");
    }
    LedgerEventType type =
        enumValue(
            validation, "type", required(validation, "type", s.type()), LedgerEventType.class);
    String resourceId = externalId(validation, "resourceId", s.resourceId());
    Billing billing = enumValue(validation, "billing", s.billing(), Billing.class);
    Instant endsAt = instant(validation, "endsAt", s.endsAt());
    Instant occurredAt = instant(validation, "occurredAt", s.occurredAt());
    Money amount = amount(validation, s.amount());
    if (type == LedgerEventType.RESOURCE_PROVISIONED && billing == null) {
      missing(validation, "billing", "Required for RESOURCE_PROVISIONED: PREPAID or POSTPAID.");
    }
    if (type == LedgerEventType.SUBSCRIPTION_UPDATED
        && s.autoRenew() == null
        && s.endsAt() == null
        && !validation.hasError("autoRenew")) {
      validation.reject(
          "autoRenew",
          FieldErrorCode.REQUIRED,
          "SUBSCRIPTION_UPDATED needs autoRenew, endsAt or both.");
    }
    if (type == LedgerEventType.CHARGE_ISSUED && s.amount() == null) {
      missing(validation, "amount", "Required for CHARGE_ISSUED: {\"amount\", \"currency\"}.");
    }
    validation.throwIfInvalid();
    boolean subscription =
        type == LedgerEventType.RESOURCE_PROVISIONED
            || type == LedgerEventType.SUBSCRIPTION_UPDATED;
    boolean charge = type == LedgerEventType.CHARGE_ISSUED || type == LedgerEventType.CHARGE_PAID;
    // members that do not apply to the type are dropped, so that a store never applies them
    return new LedgerEvent(
        eventId,
        accountId,
        type,
        resourceId,
        charge ? null : billing,
        subscription ? s.autoRenew() : null,
        subscription ? endsAt : null,
        charge ? amount : null,
        occurredAt == null ? receivedAt : occurredAt);
  }

  private static String required(Validation validation, String field, String value) {
    if (value == null || value.isEmpty()) {
      missing(validation, field, "Required.");
      return null;
    }
    return value;
  }

  private static void missing(Validation validation, String field, String message) {
    if (!validation.hasError(field)) {
      validation.reject(field, FieldErrorCode.REQUIRED, message);
    }
  }

  private static String externalId(Validation validation, String field, String value) {
    String id = required(validation, field, value);
    if (id != null && !EXTERNAL_ID.matcher(id).matches()) {
      validation.reject(
          field,
          FieldErrorCode.INVALID_VALUE,
          "Use 1 to 128 letters, digits and the characters . _ : ~ -");
      return null;
    }
    return id;
  }

  private static <E extends Enum<E>> E enumValue(
      Validation validation, String field, String value, Class<E> type) {
    if (value == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    StringBuilder names = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      names.append(names.isEmpty() ? "" : ", ").append(constant.name());
    }
    validation.reject(field, FieldErrorCode.INVALID_VALUE, "Must be one of " + names + ".");
    return null;
  }

  private static Instant instant(Validation validation, String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      validation.reject(field, FieldErrorCode.INVALID_VALUE, "Must be an ISO-8601 UTC timestamp.");
      return null;
    }
  }

  /** USD only, non-negative, at most 2 decimals, as a decimal string. */
  private static Money amount(Validation validation, Amount amount) {
    if (amount == null) {
      return null;
    }
    boolean currencyOk = USD.equals(amount.currency());
    if (!currencyOk && !validation.hasError("amount.currency")) {
      validation.reject(
          "amount.currency",
          amount.currency() == null ? FieldErrorCode.REQUIRED : FieldErrorCode.INVALID_CURRENCY,
          "Charges are in USD.");
    }
    if (validation.hasError("amount.amount")) {
      return null;
    }
    if (amount.amount() == null) {
      validation.reject("amount.amount", FieldErrorCode.REQUIRED, "Required, e.g. \"12.40\".");
      return null;
    }
    Optional<Money> parsed = Money.parse(amount.amount(), USD);
    if (parsed.isEmpty()) {
      validation.reject(
          "amount.amount",
          FieldErrorCode.INVALID_AMOUNT,
          "A non-negative decimal string with at most 2 decimals, e.g. \"12.40\".");
      return null;
    }
    return currencyOk ? parsed.get() : null;
  }
}
