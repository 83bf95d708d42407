package com.platform.accounts.core.ledger;

/** How a resource is billed: paid ahead for a term (a subscription), or after its use. */
public enum Billing {
  PREPAID,
  POSTPAID
}
