package com.platform.accounts.core.account;

import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Configuring the account: adding a payment method (a card, or PayPal once it exists). The seed
 * asks for the second verification here: the contact not proven at sign-up is proven before the
 * account is configured. Every payment-method flow calls {@link #requireBothContactsProven} first,
 * before it reads, charges or records anything.
 */
public final class AccountConfiguration {
  /** The {@code missing} member of the problem: the contacts still to prove, email first. */
  public static final String MISSING = "missing";

  private AccountConfiguration() {}

  /**
   * @throws Problem {@code CONTACT_VERIFICATION_REQUIRED} naming the contacts to prove ({@code
   *     EMAIL}, {@code PHONE})
   */
  public static void requireBothContactsProven(Account account) {
    List<String> missing = new ArrayList<>(2);
    if (!account.emailVerified()) {
      missing.add("EMAIL");
    }
    if (!account.phoneVerified()) {
      missing.add("PHONE");
    }
    if (missing.isEmpty()) {
      return;
    }
    String what =
        missing.size() == 2
            ? "your email address and your phone number"
            : missing.contains("PHONE") ? "your phone number" : "your email address";
    throw Problem.of(
            ErrorCode.CONTACT_VERIFICATION_REQUIRED,
            "Contact verification required",
            "Verify " + what + " (POST /v1/account/verifications) before adding a payment method.")
        .with(MISSING, List.copyOf(missing));
  }
}
