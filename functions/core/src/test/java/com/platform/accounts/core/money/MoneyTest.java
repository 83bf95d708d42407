package com.platform.accounts.core.money;

import static org.assertj.core.api.Assertions.assertThat;

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

  @Property
  void minorUnitsRoundTrip(@ForAll @LongRange(min = 0, max = 10_000_000) long cents) {
    Money money = Money.ofMinor(cents, Currency.getInstance("USD"));
    assertThat(money.minorUnits()).isEqualTo(cents);
    assertThat(Money.parse(money.plain(), "USD")).contains(money);
  }
}
