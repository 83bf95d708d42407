package com.platform.accounts.core.card;

import com.platform.accounts.core.money.Money;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Validation;
import java.util.Currency;
import java.util.Optional;

/**
 * The owner's answer to a card's ownership check as the request gave it, before it is checked: a
 * form is null when it was not sent, and a member that was not text reads as null.
 */
public record OwnershipAnswer(Code code, Amount amount, LocalAmounts localAmounts) {

  /** The descriptor code as sent. */
  public record Code(String value) {
    @Override
    public String toString() {
      return "Code[***]";
    }
  }

  /** The microcharge as sent, meant to be in USD. */
  public record Amount(String amount, String currency) {}

  /** The hold and the microcharge as the statement shows them, in the card's currency. */
  public record LocalAmounts(String currency, String hold, String microcharge) {}

  /**
   * The proof the owner chose: exactly one of code, amount or localAmounts, each checked strictly.
   * Every bad field is added to {@code validation}, which then fails the request, so a malformed
   * answer never costs a try.
   */
  public OwnershipProof proof(Validation validation) {
    int given = (code != null ? 1 : 0) + (amount != null ? 1 : 0) + (localAmounts != null ? 1 : 0);
    if (given != 1) {
      validation.reject(
          "code",
          given == 0 ? FieldErrorCode.REQUIRED : FieldErrorCode.INVALID_VALUE,
          "Give exactly one of code, amount or localAmounts.");
      validation.throwIfInvalid();
    }
    OwnershipProof proof;
    if (code != null) {
      proof = descriptorCode(validation);
    } else if (amount != null) {
      proof = usdAmount(validation);
    } else {
      proof = localAmounts(validation);
    }
    validation.throwIfInvalid();
    return proof;
  }

  private OwnershipProof descriptorCode(Validation validation) {
    if (code.value() == null || !code.value().matches("[0-9]{6}")) {
      validation.reject(
          "code",
          FieldErrorCode.INVALID_CODE,
          "The code is the 6 digits after INTL in the charge's description.");
      return null;
    }
    return new OwnershipProof.DescriptorCode(code.value());
  }

  private OwnershipProof usdAmount(Validation validation) {
    Optional<Currency> currency = Money.currency(amount.currency());
    if (currency.isEmpty() || !currency.get().getCurrencyCode().equals("USD")) {
      validation.reject(
          "amount.currency",
          FieldErrorCode.INVALID_CURRENCY,
          "The amount is in USD; for another currency send localAmounts.");
    }
    Optional<Money> money = Money.parse(amount.amount(), "USD");
    if (money.isEmpty()) {
      validation.reject(
          "amount.amount",
          FieldErrorCode.INVALID_AMOUNT,
          "A decimal string with at most 2 decimals, e.g. \"0.36\".");
    }
    return validation.isClean() ? new OwnershipProof.UsdAmount(money.get()) : null;
  }

  private OwnershipProof localAmounts(Validation validation) {
    Optional<Currency> currency = Money.currency(localAmounts.currency());
    if (currency.isEmpty()) {
      validation.reject(
          "localAmounts.currency",
          FieldErrorCode.INVALID_CURRENCY,
          "An ISO 4217 currency code, e.g. \"AUD\".");
    }
    String currencyCode = currency.map(Currency::getCurrencyCode).orElse("USD");
    Optional<Money> hold =
        Money.parse(localAmounts.hold(), currencyCode).filter(m -> m.amount().signum() > 0);
    Optional<Money> micro = Money.parse(localAmounts.microcharge(), currencyCode);
    if (hold.isEmpty()) {
      validation.reject(
          "localAmounts.hold",
          FieldErrorCode.INVALID_AMOUNT,
          "The hold as the statement shows it, e.g. \"1.35\".");
    }
    if (micro.isEmpty()) {
      validation.reject(
          "localAmounts.microcharge",
          FieldErrorCode.INVALID_AMOUNT,
          "The small charge as the statement shows it, e.g. \"0.49\".");
    }
    if (hold.isPresent()
        && micro.isPresent()
        && micro.get().amount().compareTo(hold.get().amount()) >= 0) {
      // the microcharge is under 1.00 USD and the hold exactly 1.00 USD, in any currency
      validation.reject(
          "localAmounts.microcharge",
          FieldErrorCode.INVALID_AMOUNT,
          "The smaller charge is the microcharge and the larger one the hold; "
              + "the microcharge must be less than the hold.");
    }
    return validation.isClean()
        ? new OwnershipProof.LocalAmounts(currency.get(), hold.get().amount(), micro.get().amount())
        : null;
  }
}
