package com.platform.accounts.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * An amount of one currency, exact to its minor unit: BigDecimal, never a double. Written as a
 * decimal string with the currency's number of fraction digits, e.g. {@code 1.00 USD}.
 */
public record Money(BigDecimal amount, Currency currency) {

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    int digits = Math.max(0, currency.getDefaultFractionDigits());
    if (amount.scale() > digits && amount.stripTrailingZeros().scale() > digits) {
      throw new IllegalArgumentException("more fraction digits than " + currency + " has");
    }
    amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
  }

  public static Money of(String amount, String currency) {
    return new Money(new BigDecimal(amount), Currency.getInstance(currency));
  }

  public static Money usd(String amount) {
    return of(amount, "USD");
  }

  /** Minor units (cents for USD). */
  public long minorUnits() {
    return amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact();
  }

  public static Money ofMinor(long minor, Currency currency) {
    return new Money(BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()), currency);
  }

  /**
   * Parses a client's decimal string strictly: digits with at most the currency's fraction digits,
   * no sign, no exponent. Empty for anything else, so the caller can name the bad field.
   */
  public static Optional<Money> parse(String amount, String currencyCode) {
    Optional<Currency> currency = currency(currencyCode);
    if (amount == null || currency.isEmpty()) {
      return Optional.empty();
    }
    int digits = currency.get().getDefaultFractionDigits();
    String pattern = digits == 0 ? "[0-9]{1,12}" : "[0-9]{1,12}(\\.[0-9]{1," + digits + "})?";
    if (!amount.matches(pattern)) {
      return Optional.empty();
    }
    return Optional.of(new Money(new BigDecimal(amount), currency.get()));
  }

  /** An ISO 4217 currency that is in use, or empty. */
  public static Optional<Currency> currency(String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      return Optional.empty();
    }
    try {
      Currency currency = Currency.getInstance(code);
      return currency.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(currency);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public String plain() {
    return amount.toPlainString();
  }

  @Override
  public String toString() {
    return plain() + " " + currency.getCurrencyCode();
  }
}
