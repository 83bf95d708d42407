package com.platform.accounts.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountriesTest {

  @Test
  void anIsoCountryWithPhoneNumbersIsSupported() {
    assertThat(Countries.isSupported("US")).isTrue();
    assertThat(Countries.isSupported("DE")).isTrue();
  }

  @Test
  void embargoedJurisdictionsAreNotServed() {
    for (String country : new String[] {"CU", "IR", "KP", "SY"}) {
      assertThat(Countries.isSupported(country)).as(country).isFalse();
    }
  }

  @Test
  void whatIsNotAnIsoCountryCodeIsNotSupported() {
    assertThat(Countries.isSupported(null)).isFalse();
    assertThat(Countries.isSupported("XX")).isFalse();
    assertThat(Countries.isSupported("UK")).as("the ISO code is GB").isFalse();
    assertThat(Countries.isSupported("us")).isFalse();
  }

  @Test
  void aTerritoryWithoutPhoneNumbersCannotOpenAnAccount() {
    // Antarctica is an ISO country, but no number can be proven there
    assertThat(PhoneNumbers.isSupportedRegion("AQ")).isFalse();
    assertThat(Countries.isSupported("AQ")).isFalse();
  }
}
