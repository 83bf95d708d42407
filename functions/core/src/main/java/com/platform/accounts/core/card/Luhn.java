package com.platform.accounts.core.card;

/**
 * The Luhn (mod 10) check digit that ends every card number: it catches a mistyped digit or two
 * swapped neighbours before a number reaches the processor.
 */
public final class Luhn {
  private Luhn() {}

  /** Whether {@code number}, digits only, ends in its check digit. */
  public static boolean valid(String number) {
    return number != null
        && number.length() >= 2
        && allDigits(number)
        && sum(number, false) % 10 == 0;
  }

  /** The check digit that makes {@code payload} (digits only) followed by it a valid number. */
  public static int checkDigit(String payload) {
    if (payload == null || payload.isEmpty() || !allDigits(payload)) {
      throw new IllegalArgumentException("the payload of a Luhn check digit is digits only");
    }
    return (10 - sum(payload, true) % 10) % 10;
  }

  /** Sums from the right, doubling every second digit: the last one too when it has no check. */
  private static int sum(String digits, boolean doubleLast) {
    int sum = 0;
    boolean doubled = doubleLast;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubled) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      doubled = !doubled;
    }
    return sum;
  }

  private static boolean allDigits(String text) {
    return text.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
