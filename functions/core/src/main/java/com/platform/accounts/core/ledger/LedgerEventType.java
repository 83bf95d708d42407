package com.platform.accounts.core.ledger;

/** What another service reports about an account's resources and charges (API.md, ledger). */
public enum LedgerEventType {
  RESOURCE_PROVISIONED,
  RESOURCE_RELEASED,
  SUBSCRIPTION_UPDATED,
  CHARGE_ISSUED,
  CHARGE_PAID
}
