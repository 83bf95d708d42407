package com.platform.accounts.core.card;

import com.platform.accounts.core.money.Money;
import java.security.SecureRandom;
import java.util.Currency;

/**
 * The descriptor code and microcharge amount of one card check. They live only in the request that
 * places the charges; what is stored is their keyed HMACs.
 */
public record ChargeSecrets(String code, long microchargeCents) {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A random code and a random microcharge of {@code minCents} to {@code maxCents} cents. */
  public static ChargeSecrets random(long minCents, long maxCents) {
    return new ChargeSecrets(
        String.format("%06d", RANDOM.nextInt(1_000_000)),
        minCents + RANDOM.nextInt((int) (maxCents - minCents + 1)));
  }

  public Money microcharge() {
    return Money.ofMinor(microchargeCents, Currency.getInstance("USD"));
  }

  @Override
  public String toString() {
    return "ChargeSecrets[***]";
  }
}
