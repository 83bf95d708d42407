package com.platform.accounts.core.memory;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.port.SessionTokenIssuer;
import com.platform.accounts.core.port.SessionTokenVerifier;
import com.platform.accounts.core.session.SessionClaims;
import com.platform.accounts.core.session.SessionToken;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session tokens for the core's unit tests: random opaque strings remembered with their claims and
 * expiry. A token this instance did not issue (tampered, from another instance) or one past its
 * lifetime is refused, as the signed tokens of the real adapter are; their signature and format are
 * tested with that adapter.
 */
public final class InMemorySessionTokens implements SessionTokenIssuer, SessionTokenVerifier {
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Issued> issued = new ConcurrentHashMap<>();
  private final Clock clock;

  private record Issued(SessionClaims claims, Instant expiresAt) {}

  public InMemorySessionTokens(Clock clock) {
    this.clock = clock;
  }

  @Override
  public SessionToken issue(Account account) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant expiresAt = clock.instant().plus(LIFETIME);
    issued.put(
        token,
        new Issued(new SessionClaims(account.accountId(), account.sessionVersion()), expiresAt));
    return new SessionToken(token, expiresAt);
  }

  @Override
  public Optional<SessionClaims> verify(String token) {
    Issued found = token == null ? null : issued.get(token);
    if (found == null || !clock.instant().isBefore(found.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(found.claims());
  }
}
