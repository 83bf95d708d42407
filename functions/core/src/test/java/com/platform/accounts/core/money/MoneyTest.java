package com.platform.accounts.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void clientAmountsAreParsedStrictly() {
    assertThat(Money.parse("0.36", "USD")).contains(Money.usd("0.36"));
    assertThat(Money.parse("1", "USD")).contains(Money.usd("1.00"));
    assertThat(Money.parse("0.365", "USD")).as("three decimals").isEmpty();
    assertThat(Money.parse("-0.36", "USD")).as("negative").isEmpty();
    assertThat(Money.parse("3.6e-1", "USD")).as("exponent").isEmpty();
    assertThat(Money.parse("0.36", "XYZ")).as("no such currency").isEmpty();
    assertThat(Money.parse("0.36", "usd")).as("lower case").isEmpty();
    assertThat(Money.parse("135", "JPY")).contains(Money.of("135", "JPY"));
    assertThat(Money.parse("1.5", "JPY")).as("yen has no decimals").isEmpty();
  }

  @Test
  void amountsKeepTheCurrencysScale() {
    assertThat(Money.usd("1").plain()).isEqualTo("1.00");
    assertThat(Money.of("1.50", "USD")).isEqualTo(Money.usd("1.5"));
  }

  @Test
  void anAmountWithMoreDigitsThanTheCurrencyHasIsRefusedUnlessTheyAreZeros() {
    assertThatThrownBy(() -> Money.usd("1.005")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.of("1.5", "JPY")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Money.usd("1.500")).isEqualTo(Money.usd("1.50"));
    assertThat(Money.of("135.0", "JPY").plain()).isEqualTo("135");
  }

  @Test
  void anAmountAndACurrencyAreBothRequired() {
    Currency usd = Currency.getInstance("USD");
    assertThatThrownBy(() -> new Money(null, usd)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Money(BigDecimal.ONE, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void minorUnitsFollowTheCurrency() {
    assertThat(Money.usd("12.34").minorUnits()).isEqualTo(1234);
    assertThat(Money.of("135", "JPY").minorUnits()).isEqualTo(135);
    assertThat(Money.ofMinor(1234, Currency.getInstance("JPY"))).isEqualTo(Money.of("1234", "JPY"));
    assertThat(Money.ofMinor(1234, Currency.getInstance("KWD")).plain()).isEqualTo("1.234");
  }

  @Test
  void aClientAmountHasAtMostTwelveWholeDigits() {
    assertThat(Money.parse("999999999999.99", "USD")).isPresent();
    assertThat(Money.parse("1000000000000", "USD")).isEmpty();
    assertThat(Money.parse("", "USD")).isEmpty();
    assertThat(Money.parse(".5", "USD")).isEmpty();
    assertThat(Money.parse(null, "USD")).isEmpty();
    assertThat(Money.parse("1.234", "KWD")).contains(Money.of("1.234", "KWD"));
  }

  @Test
  void onlyCurrenciesInUseAreCurrencies() {
    assertThat(Money.currency("EUR")).contains(Currency.getInstance("EUR"));
    assertThat(Money.currency("JPY")).contains(Currency.getInstance("JPY"));
    assertThat(Money.currency("XAU")).as("gold has no minor unit").isEmpty();
    assertThat(Money.currency("XYZ")).isEmpty();
    assertThat(Money.currency("EURO")).isEmpty();
    assertThat(Money.currency(null)).isEmpty();
    assertThat(Money.parse("1", "XAU")).isEmpty();
  }

  @Test
  void moneyIsWrittenAsItsPlainAmountAndItsCode() {
    assertThat(Money.usd("1")).hasToString("1.00 USD");
    assertThat(Money.of("1E+3", "USD").plain()).isEqualTo("1000.00");
  }

  @Property
  void minorUnitsRoundTrip(@ForAll @LongRange(min = 0, max = 10_000_000) long cents) {
    Money money = Money.ofMinor(cents, Currency.getInstance("USD"));
    assertThat(money.minorUnits()).isEqualTo(cents);
    assertThat(Money.parse(money.plain(), "USD")).contains(money);
  }
}
