package com.platform.accounts.core.contact;

import java.util.Locale;
import java.util.Set;

/** Countries where the platform can open accounts: ISO 3166-1 alpha-2, less embargoed ones. */
public final class Countries {
  private static final Set<String> ISO = Set.of(Locale.getISOCountries());

  /** Comprehensively sanctioned jurisdictions the platform may not serve. */
  private static final Set<String> EMBARGOED = Set.of("CU", "IR", "KP", "SY");

  private Countries() {}

  public static boolean isSupported(String country) {
    return country != null
        && ISO.contains(country)
        && !EMBARGOED.contains(country)
        && PhoneNumbers.isSupportedRegion(country);
  }
}
