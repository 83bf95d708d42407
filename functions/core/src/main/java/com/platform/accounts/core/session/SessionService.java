package com.platform.accounts.core.session;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.contact.EmailAddress;
import com.platform.accounts.core.crypto.Hmac;
import com.platform.accounts.core.crypto.PasswordHasher;
import com.platform.accounts.core.port.AccountStore;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.port.OptimisticRetry;
import com.platform.accounts.core.port.SessionTokenIssuer;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Login and logout. Sign-in with an email reaches the account that proved it or, while none has,
 * the account that named it at sign-up, if the password matches. Unknown emails and wrong passwords
 * get the same answer after the same work, one Argon2 check ({@link SignInChoice}), so the answer
 * never tells whether an email is registered.
 */
public final class SessionService {
  static final int LOGINS_PER_EMAIL = 10;
  static final Duration LOGIN_WINDOW = Duration.ofMinutes(15);
  private final AccountStore accounts;
  private final PasswordHasher passwords;
  private final SessionTokenIssuer tokens;
  private final RateLimiter rateLimiter;
  private final Hmac hmac;

  public SessionService(
      AccountStore accounts,
      PasswordHasher passwords,
      SessionTokenIssuer tokens,
      RateLimiter rateLimiter,
      Hmac hmac) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.tokens = tokens;
    this.rateLimiter = rateLimiter;
    this.hmac = hmac;
  }

  public SessionToken login(String email, String password) {
    Optional<EmailAddress> address = EmailAddress.parse(email);
    String key = address.map(EmailAddress::key).orElse(String.valueOf(email));
    rateLimiter.acquire("login:" + hmac.digest("login", key), LOGINS_PER_EMAIL, LOGIN_WINDOW);
    List<Account> candidates =
        address
            .map(a -> accounts.findClaim(a.key()).signInCandidates())
            .filter(ids -> !ids.isEmpty())
            .map(accounts::findAll)
            .orElse(List.of())
            .stream()
            .filter(Account::isActive)
            .toList();
    String given = password == null ? "" : password;
    Account account =
        SignInChoice.choose(candidates, hash -> passwords.matches(given, hash))
            .orElseThrow(SessionService::invalidCredentials);
    return tokens.issue(account);
  }

  /**
   * Ends the sessions of the account. A token carries only the session version, so signing out ends
   * every session of the account: the safe choice for a shared or lost device.
   */
  public void logout(Account account) {
    try {
      accounts.update(account.withNextSessionVersion(), Optional.empty());
    } catch (ConcurrentModificationException lost) {
      try {
        // the account changed since it was read: end its sessions on what is stored, unless
        // another request ended them already
        OptimisticRetry.run(
            () -> {
              Account current =
                  accounts.find(account.accountId()).orElseThrow(Problem::unauthenticated);
              if (current.sessionVersion() == account.sessionVersion()) {
                accounts.update(current.withNextSessionVersion(), Optional.empty());
              }
            });
      } catch (ConcurrentModificationException exhausted) {
        throw Problem.of(ErrorCode.CONFLICT, "Busy", "Try again.");
      }
    }
  }

  private static Problem invalidCredentials() {
    return Problem.of(
        ErrorCode.INVALID_CREDENTIALS,
        "Invalid credentials",
        "The email or password is not right.");
  }
}
