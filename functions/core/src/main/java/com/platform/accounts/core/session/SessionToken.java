package com.platform.accounts.core.session;

import java.time.Instant;

/** A signed session token as handed to the client, with its expiry. */
public record SessionToken(String token, Instant expiresAt) {
  @Override
  public String toString() {
    return "SessionToken[expiresAt=" + expiresAt + "]";
  }
}
