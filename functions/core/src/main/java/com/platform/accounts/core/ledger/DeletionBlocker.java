package com.platform.accounts.core.ledger;

import com.platform.accounts.core.money.Money;
import java.time.Instant;

/**
 * What keeps an account from being deleted (API.md, Deletion): a prepaid subscription still running
 * ({@code resourceId}, {@code autoRenew}, {@code endsAt}), a post-paid resource still active
 * ({@code resourceId}), or charges issued and not paid ({@code amount}). Members that do not apply
 * to the code are null.
 */
public record DeletionBlocker(
    Code code, String resourceId, Boolean autoRenew, Instant endsAt, Money amount) {

  /** The blocker's machine-readable code, as API.md names it. */
  public enum Code {
    PREPAID_SUBSCRIPTION_ACTIVE,
    POSTPAID_RESOURCE_ACTIVE,
    OUTSTANDING_BALANCE
  }

  public static DeletionBlocker prepaidSubscription(
      String resourceId, Boolean autoRenew, Instant endsAt) {
    return new DeletionBlocker(
        Code.PREPAID_SUBSCRIPTION_ACTIVE, resourceId, autoRenew, endsAt, null);
  }

  public static DeletionBlocker postpaidResource(String resourceId) {
    return new DeletionBlocker(Code.POSTPAID_RESOURCE_ACTIVE, resourceId, null, null, null);
  }

  public static DeletionBlocker outstandingBalance(Money amount) {
    return new DeletionBlocker(Code.OUTSTANDING_BALANCE, null, null, null, amount);
  }

  /** What the account holder does about it, for people (the check's answer may show it). */
  public String action() {
    return switch (code) {
      case PREPAID_SUBSCRIPTION_ACTIVE ->
          Boolean.TRUE.equals(autoRenew)
              ? "Turn off auto-renew, then wait until the subscription ends."
              : "Wait until the subscription ends.";
      case POSTPAID_RESOURCE_ACTIVE -> "Release the resource.";
      case OUTSTANDING_BALANCE -> "Pay the outstanding charges.";
    };
  }
}
