package com.platform.accounts.core.card;

import com.platform.accounts.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * What the owner tells to prove the card: the descriptor code, the USD amount, or local amounts.
 */
public sealed interface OwnershipProof {

  /** The 6 digits after INTL in the statement descriptor. */
  record DescriptorCode(String code) implements OwnershipProof {
    @Override
    public String toString() {
      return "DescriptorCode[***]";
    }
  }

  /** The microcharge in USD. */
  record UsdAmount(Money amount) implements OwnershipProof {}

  /**
   * Both charges as the statement shows them in the card's currency. The USD microcharge is {@code
   * microcharge / hold} (the hold is exactly 1.00 USD), rounded half-up to cents.
   */
  record LocalAmounts(Currency currency, BigDecimal hold, BigDecimal microcharge)
      implements OwnershipProof {

    public Money usdMicrocharge() {
      return new Money(
          microcharge.divide(hold, 2, RoundingMode.HALF_UP), Currency.getInstance("USD"));
    }
  }
}
