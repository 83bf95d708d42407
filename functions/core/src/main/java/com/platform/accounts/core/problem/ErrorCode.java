package com.platform.accounts.core.problem;

/** The machine-readable error codes of the public contract (API.md), in one place. */
public final class ErrorCode {
  public static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";
  public static final String VALIDATION_FAILED = "VALIDATION_FAILED";
  public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
  public static final String IDEMPOTENCY_KEY_IN_USE = "IDEMPOTENCY_KEY_IN_USE";
  public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
  public static final String RATE_LIMITED = "RATE_LIMITED";
  public static final String NOT_FOUND = "NOT_FOUND";
  public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
  public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";

  public static final String INVALID_EMAIL = "INVALID_EMAIL";
  public static final String INVALID_PHONE = "INVALID_PHONE";
  public static final String PHONE_COUNTRY_MISMATCH = "PHONE_COUNTRY_MISMATCH";
  public static final String PHONE_REQUIRED = "PHONE_REQUIRED";
  public static final String PASSWORD_MISMATCH = "PASSWORD_MISMATCH";
  public static final String WEAK_PASSWORD = "WEAK_PASSWORD";
  public static final String TERMS_NOT_ACCEPTED = "TERMS_NOT_ACCEPTED";
  public static final String UNSUPPORTED_COUNTRY = "UNSUPPORTED_COUNTRY";
  public static final String INVALID_CHANNEL = "INVALID_CHANNEL";
  public static final String REQUIRED = "REQUIRED";
  public static final String INVALID_TYPE = "INVALID_TYPE";
  public static final String INVALID_VALUE = "INVALID_VALUE";
  public static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";

  public static final String INVALID_CODE = "INVALID_CODE";
  public static final String CODE_EXPIRED = "CODE_EXPIRED";
  public static final String INVALID_CREDENTIALS = "INVALID_CREDENTIALS";
  public static final String CHANNEL_ALREADY_VERIFIED = "CHANNEL_ALREADY_VERIFIED";
  public static final String ACCOUNT_ALREADY_EXISTS = "ACCOUNT_ALREADY_EXISTS";
  public static final String CONFLICT = "CONFLICT";

  public static final String CARD_ISSUED_IN_MAINLAND_CHINA = "CARD_ISSUED_IN_MAINLAND_CHINA";
  public static final String CARD_FUNDING_NOT_ACCEPTED = "CARD_FUNDING_NOT_ACCEPTED";
  public static final String CARD_ALREADY_REGISTERED = "CARD_ALREADY_REGISTERED";
  public static final String ACCOUNT_ALREADY_HAS_CARD = "ACCOUNT_ALREADY_HAS_CARD";
  public static final String CARD_COUNTRY_MISMATCH = "CARD_COUNTRY_MISMATCH";
  public static final String CARD_EXPIRED = "CARD_EXPIRED";
  public static final String CARD_DECLINED = "CARD_DECLINED";
  public static final String UNKNOWN_CARD_TOKEN = "UNKNOWN_CARD_TOKEN";
  public static final String VERIFICATION_FAILED = "VERIFICATION_FAILED";
  public static final String VERIFICATION_LOCKED = "VERIFICATION_LOCKED";
  public static final String VERIFICATION_EXPIRED = "VERIFICATION_EXPIRED";
  public static final String ALREADY_VERIFIED = "ALREADY_VERIFIED";
  public static final String INVALID_AMOUNT = "INVALID_AMOUNT";
  public static final String INVALID_CURRENCY = "INVALID_CURRENCY";
  public static final String PROCESSOR_UNAVAILABLE = "PROCESSOR_UNAVAILABLE";

  private ErrorCode() {}
}
