package com.platform.accounts.core.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.platform.accounts.core.problem.FieldErrorCode;
import java.util.regex.Pattern;

/** Checks that a phone number is a real E.164 number of the account's country (libphonenumber). */
public final class PhoneNumbers {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  /** The outcome: the number in E.164, or the error code that explains why it is refused. */
  public record Result(String e164, FieldErrorCode errorCode) {
    public boolean valid() {
      return errorCode == null;
    }
  }

  private PhoneNumbers() {}

  public static Result check(String raw, String country) {
    if (raw == null || !E164.matcher(raw).matches()) {
      return new Result(null, FieldErrorCode.INVALID_PHONE);
    }
    PhoneNumber number;
    try {
      number = UTIL.parse(raw, null);
    } catch (NumberParseException e) {
      return new Result(null, FieldErrorCode.INVALID_PHONE);
    }
    if (!UTIL.isValidNumber(number)) {
      return new Result(null, FieldErrorCode.INVALID_PHONE);
    }
    if (!UTIL.isValidNumberForRegion(number, country)) {
      return new Result(null, FieldErrorCode.PHONE_COUNTRY_MISMATCH);
    }
    return new Result(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), null);
  }

  /**
   * The number as shown back to its owner: country code and last two digits, {@code +1*******23}.
   */
  public static String mask(String e164) {
    if (e164 == null || e164.length() < 5) {
      return "***";
    }
    return e164.substring(0, 2) + "*".repeat(e164.length() - 4) + e164.substring(e164.length() - 2);
  }

  public static boolean isSupportedRegion(String country) {
    return UTIL.getSupportedRegions().contains(country);
  }
}
