package com.platform.accounts.core.port;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.session.SessionToken;
import java.time.Duration;

/**
 * Issues the signed session token of a sign-in or a sign-up. The token names the account and the
 * account's session version at issue time, so raising the version (sign-out, deletion) ends every
 * session at once. Signing needs the service's secret key; checking a token does not ({@link
 * SessionTokenVerifier}).
 */
public interface SessionTokenIssuer {
  /** How long a session lasts. */
  Duration LIFETIME = Duration.ofHours(12);

  /** A token valid for {@link #LIFETIME} from now. */
  SessionToken issue(Account account);
}
