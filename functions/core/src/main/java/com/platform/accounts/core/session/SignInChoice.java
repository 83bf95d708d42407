package com.platform.accounts.core.session;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.EmailClaim;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which account a sign-in reaches among those that hold its email: the one whose password matches,
 * the oldest when several do. Every sign-in checks the password exactly {@link #CHECKS} times, a
 * missing candidate against the decoy hash, so the time taken does not tell how many accounts hold
 * the address, nor whether any does.
 */
final class SignInChoice {
  /** At most one owner, or at most {@link EmailClaim#MAX_UNPROVEN} accounts that named it. */
  static final int CHECKS = EmailClaim.MAX_UNPROVEN;

  private static final Comparator<Account> OLDEST_FIRST =
      Comparator.comparing(Account::createdAt).thenComparing(Account::accountId);

  private SignInChoice() {}

  /**
   * @param candidates the active accounts that a sign-in with the address weighs ({@link
   *     EmailClaim#signInCandidates})
   * @param passwordMatches whether the password given matches a stored hash; asked with null for
   *     the decoy, which never matches but costs the same
   */
  static Optional<Account> choose(List<Account> candidates, Predicate<String> passwordMatches) {
    List<Account> ordered = candidates.stream().sorted(OLDEST_FIRST).limit(CHECKS).toList();
    Account chosen = null;
    for (int i = 0; i < CHECKS; i++) {
      Account candidate = i < ordered.size() ? ordered.get(i) : null;
      boolean matches = passwordMatches.test(candidate == null ? null : candidate.passwordHash());
      if (matches && candidate != null && chosen == null) {
        chosen = candidate;
      }
    }
    return Optional.ofNullable(chosen);
  }
}
