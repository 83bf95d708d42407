package com.platform.accounts.core.problem;

/**
 * Why one field of a request is refused: the {@code code} of an entry of a VALIDATION_FAILED
 * problem's {@code errors} (API.md).
 */
public enum FieldErrorCode {
  REQUIRED,
  INVALID_TYPE,
  INVALID_VALUE,

  INVALID_EMAIL,
  INVALID_PHONE,
  PHONE_COUNTRY_MISMATCH,
  PASSWORD_MISMATCH,
  WEAK_PASSWORD,
  TERMS_NOT_ACCEPTED,
  DISCLAIMER_NOT_ACCEPTED,
  UNSUPPORTED_COUNTRY,
  INVALID_CHANNEL,
  INVALID_CODE,

  UNKNOWN_CARD_TOKEN,
  /** The local stand-in for the processor's card form: a number failing the Luhn check. */
  INVALID_CARD_NUMBER,
  INVALID_AMOUNT,
  INVALID_CURRENCY,

  /** A URL the browser would be sent to that is not on the frontend's origin. */
  URL_NOT_ALLOWED
}
