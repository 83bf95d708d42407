package com.platform.accounts.core.verification;

import java.util.Optional;

/**
 * Where a one-time code goes. EMAIL proves the email address; SMS and VOICE both prove the phone.
 */
public enum Channel {
  EMAIL,
  SMS,
  VOICE;

  public boolean provesPhone() {
    return this != EMAIL;
  }

  public static Optional<Channel> parse(String value) {
    for (Channel c : values()) {
      if (c.name().equals(value)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
