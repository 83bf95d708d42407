package com.platform.accounts.core.ledger;

import com.platform.accounts.core.money.Money;
import java.time.Instant;

/**
 * One event of the resource ledger, as another service reported it. {@code resourceId} names the
 * resource (provisioned, released, subscription updated) or the charge (issued, paid). Which of the
 * other members are required depends on the type ({@link LedgerEvents#validate}). {@code
 * occurredAt} orders the events of one resource that can contradict each other (subscription
 * updates); the rest commute, so the ledger ends right in any order of arrival.
 */
public record LedgerEvent(
    String eventId,
    String accountId,
    LedgerEventType type,
    String resourceId,
    Billing billing,
    Boolean autoRenew,
    Instant endsAt,
    Money amount,
    Instant occurredAt) {}
