package com.platform.accounts.core.deletion;

/** Where an account's deletion stands (API.md, deletion). */
public enum DeletionStatus {
  /** Post-paid products were used this billing period: their final charges are still to come. */
  PENDING_FINAL_CHARGES,
  /** A final charge could not be collected: retried on a schedule, the owner told by email. */
  PENDING_PAYMENT,
  /** The account is deleted: sessions refused, personal data erased, the email free. */
  DELETED
}
