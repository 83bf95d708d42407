package com.platform.accounts.core.session;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.EmailClaim;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which account a sign-in reaches among those that hold its email: the owner, or the one account
 * that named it ({@link EmailClaim#MAX_UNPROVEN}), if the password matches. Every sign-in checks
 * the password exactly once, against the decoy hash when nobody holds the address, so the time
 * taken does not tell whether anybody does; that one Argon2 check is a sign-in's whole cost in CPU.
 */
final class SignInChoice {
  /** When a claim lists several candidates (none is written so), the oldest alone is weighed. */
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
    Optional<Account> candidate = candidates.stream().min(OLDEST_FIRST);
    boolean matches = passwordMatches.test(candidate.map(Account::passwordHash).orElse(null));
    return candidate.filter(c -> matches);
  }
}
