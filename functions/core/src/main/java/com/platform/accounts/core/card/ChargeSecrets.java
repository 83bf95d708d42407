package com.platform.accounts.core.card;

import com.platform.accounts.core.crypto.TokenSealer;
import com.platform.accounts.core.money.Money;
import java.security.SecureRandom;

/**
 * The descriptor code and microcharge amount of one card check. They are kept sealed (AES-GCM) only
 * until both charges are known to be placed, so that a placement interrupted by a crash can be
 * replayed with the same idempotency keys; after that only their HMACs remain.
 */
public record ChargeSecrets(String code, long microchargeCents) {
  private static final SecureRandom RANDOM = new SecureRandom();

  public static ChargeSecrets random() {
    return new ChargeSecrets(String.format("%06d", RANDOM.nextInt(1_000_000)),
        1 + RANDOM.nextInt(99));
  }

  public Money microcharge() {
    return Money.ofMinor(microchargeCents, java.util.Currency.getInstance("USD"));
  }

  public String seal(TokenSealer sealer) {
    return sealer.seal(code + ":" + microchargeCents);
  }

  public static ChargeSecrets unseal(TokenSealer sealer, String sealed) {
    String[] parts = sealer.unseal(sealed).split(":");
    return new ChargeSecrets(parts[0], Long.parseLong(parts[1]));
  }

  @Override
  public String toString() {
    return "ChargeSecrets[***]";
  }
}
