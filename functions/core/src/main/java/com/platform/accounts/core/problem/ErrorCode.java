package com.platform.accounts.core.problem;

/**
 * What went wrong, as the machine-readable {@code code} of the public contract (API.md). The core
 * names the failure; how a transport answers it (an HTTP status, say) is the caller's mapping.
 */
public enum ErrorCode {
  // the request as a whole
  MALFORMED_REQUEST,
  VALIDATION_FAILED,
  IDEMPOTENCY_KEY_REUSED,
  IDEMPOTENCY_KEY_IN_USE,
  UNAUTHENTICATED,
  RATE_LIMITED,
  NOT_FOUND,
  METHOD_NOT_ALLOWED,
  CONFLICT,
  // what the edge refuses before any function runs (API Gateway deployed, the local server locally)
  PAYLOAD_TOO_LARGE,
  URI_TOO_LONG,
  HEADERS_TOO_LARGE,
  /**
   * AWS WAF blocked the request (a managed rule: IP reputation, known bad inputs, common rules).
   */
  REQUEST_BLOCKED,

  // contacts, sign-up and sessions
  INVALID_CODE,
  CODE_EXPIRED,
  INVALID_CREDENTIALS,
  CHANNEL_ALREADY_VERIFIED,
  ACCOUNT_ALREADY_EXISTS,

  // configuring the account (adding a payment method) before both contacts are proven
  CONTACT_VERIFICATION_REQUIRED,

  // cards
  CARD_ISSUED_IN_MAINLAND_CHINA,
  CARD_FUNDING_NOT_ACCEPTED,
  CARD_ALREADY_REGISTERED,
  ACCOUNT_ALREADY_HAS_CARD,
  CARD_COUNTRY_MISMATCH,
  CARD_EXPIRED,
  CARD_DECLINED,
  VERIFICATION_FAILED,
  VERIFICATION_LOCKED,
  VERIFICATION_EXPIRED,
  ALREADY_VERIFIED,

  // deleting the account
  REAUTHENTICATION_FAILED,
  DELETION_BLOCKED,

  // PayPal
  PAYPAL_ALREADY_LINKED,
  INVALID_STATE,
  INVALID_SIGNATURE,

  // the resource ledger: an event about an account that does not exist
  UNKNOWN_ACCOUNT,

  // failures of ours or of a dependency: the request may be retried
  PROCESSOR_UNAVAILABLE,
  SERVICE_UNAVAILABLE,
  INTERNAL_ERROR;

  /**
   * Whether the same request may well be answered otherwise later with nothing changed by the
   * caller: a rate limit, a record busy with another request, a failure of ours or of a dependency.
   * Such an answer is not final, so it is never kept under an Idempotency-Key (API.md).
   */
  public boolean isPassing() {
    return switch (this) {
      case RATE_LIMITED,
          IDEMPOTENCY_KEY_IN_USE,
          CONFLICT,
          PROCESSOR_UNAVAILABLE,
          SERVICE_UNAVAILABLE,
          INTERNAL_ERROR ->
          true;
      default -> false;
    };
  }
}
