package com.platform.accounts.handlers.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.core.ledger.LedgerEvent;
import com.platform.accounts.core.ledger.LedgerEvents;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Validation;
import java.time.Clock;
import java.util.Objects;

/**
 * A ledger event's JSON, as the internal route and the queue receive it, read into a {@link
 * LedgerEvent}: the same limits and checks on both ways in (a {@link
 * com.platform.accounts.core.problem.Problem} for anything wrong, naming every bad field).
 */
public final class LedgerEventReader {
  private final Clock clock;

  public LedgerEventReader(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The event of this JSON text.
   *
   * @throws com.platform.accounts.core.problem.Problem MALFORMED_REQUEST for text that is not one
   *     JSON object of at most 16 KiB, VALIDATION_FAILED for bad fields
   */
  public LedgerEvent read(String json) {
    RequestBody body = RequestBody.parse(json, false);
    Validation validation = body.validation();
    LedgerEvents.Submitted submitted =
        new LedgerEvents.Submitted(
            body.string("eventId"),
            body.string("accountId"),
            body.string("type"),
            body.string("resourceId"),
            body.string("billing"),
            body.bool("autoRenew"),
            body.string("endsAt"),
            amount(body.node().get("amount"), validation),
            body.string("occurredAt"));
    return LedgerEvents.validate(submitted, validation, clock.instant());
  }

  /** {@code {"amount": "12.40", "currency": "USD"}}; anything else is a type error. */
  private static LedgerEvents.Amount amount(JsonNode node, Validation validation) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      validation.reject(
          "amount",
          FieldErrorCode.INVALID_TYPE,
          "Must be an object: {\"amount\": \"12.40\", \"currency\": \"USD\"}.");
      return null;
    }
    return new LedgerEvents.Amount(
        member(node, "amount", validation), member(node, "currency", validation));
  }

  private static String member(JsonNode node, String name, Validation validation) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      validation.reject(
          "amount." + name, FieldErrorCode.INVALID_TYPE, "Must be a string, e.g. \"12.40\".");
      return null;
    }
    return value.textValue();
  }
}
