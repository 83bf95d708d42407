package com.platform.accounts.core.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.platform.accounts.core.problem.FieldErrorCode;
import java.util.regex.Pattern;

/**
 * Reads a phone number as people write it, for the account's country (libphonenumber), and checks
 * that it is a real number of that country; the result is E.164.
 */
public final class PhoneNumbers {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  /** The longest text accepted; infrastructure/openapi.yaml's Phone schema has the same limit. */
  public static final int MAX_LENGTH = 32;

  /**
   * How a number may be written (API.md; the Phone schema's pattern): an optional {@code +}, then 4
   * to 17 digits (from a short national number to 15 of E.164 and a national prefix) with spaces,
   * dashes, dots or parentheses between them. libphonenumber alone would also take letters ({@code
   * 1-800-FLOWERS}), extensions and text around the number, none of which may reach a stored
   * number.
   */
  static final Pattern WRITTEN = Pattern.compile("^\\+?[ ().-]*([0-9][ ().-]*){4,17}$");

  /** The outcome: the number in E.164, or the error code that explains why it is refused. */
  public record Result(String e164, FieldErrorCode errorCode) {
    public boolean valid() {
      return errorCode == null;
    }
  }

  private PhoneNumbers() {}

  /**
   * The number in E.164 if it is a valid number of {@code country}, written in international form
   * ({@code +1 (202) 555-0123}) or in the country's national form ({@code 202-555-0123}, {@code 1
   * 202 555 0123}); {@code PHONE_COUNTRY_MISMATCH} for a valid number of another country, {@code
   * INVALID_PHONE} for anything else.
   */
  public static Result check(String raw, String country) {
    if (raw == null || raw.length() > MAX_LENGTH || !WRITTEN.matcher(raw).matches()) {
      return invalid();
    }
    PhoneNumber number;
    try {
      number = UTIL.parse(raw, country);
    } catch (NumberParseException e) {
      return invalid();
    }
    if (number.hasExtension() || !UTIL.isValidNumber(number)) {
      return invalid();
    }
    if (!UTIL.isValidNumberForRegion(number, country)) {
      return new Result(null, FieldErrorCode.PHONE_COUNTRY_MISMATCH);
    }
    return new Result(UTIL.format(number, PhoneNumberFormat.E164), null);
  }

  private static Result invalid() {
    return new Result(null, FieldErrorCode.INVALID_PHONE);
  }

  /**
   * What to tell someone whose number is {@code INVALID_PHONE}: the two forms that work, shown with
   * an example number of the country ({@code (201) 555-0123 or +12015550123} for the US).
   */
  public static String howToWrite(String country) {
    PhoneNumber example =
        UTIL.getExampleNumberForType(country, PhoneNumberUtil.PhoneNumberType.MOBILE);
    if (example == null) {
      return "Enter a valid phone number of the country, e.g. in international form.";
    }
    return "Enter a valid phone number of the country, e.g. "
        + UTIL.format(example, PhoneNumberFormat.NATIONAL)
        + " or "
        + UTIL.format(example, PhoneNumberFormat.E164)
        + ".";
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

  /** The country (ISO 3166-1 alpha-2) of a valid E.164 number, or "ZZ" when it has none. */
  public static String region(String e164) {
    try {
      String region = UTIL.getRegionCodeForNumber(UTIL.parse(e164, "ZZ"));
      return region == null ? "ZZ" : region;
    } catch (NumberParseException e) {
      return "ZZ";
    }
  }

  public static boolean isSupportedRegion(String country) {
    return UTIL.getSupportedRegions().contains(country);
  }
}
