package com.platform.accounts.core.account;

import com.platform.accounts.core.messaging.MessageTemplates;
import com.platform.accounts.core.messaging.OutboundMessage;
import com.platform.accounts.core.verification.Channel;
import java.util.Map;
import java.util.Optional;

/**
 * Where the messages about an account go: to a contact the account proved, never to one it only
 * named. An email address nobody proved may belong to someone else entirely, so the only mail it
 * ever gets is a verification code, the one way to prove it.
 */
public final class AccountNotices {
  private AccountNotices() {}

  /**
   * The template rendered for the account's proven email, or else as an SMS to its proven phone;
   * empty when it proved neither.
   */
  public static Optional<OutboundMessage> render(
      String template, Account account, Map<String, String> values) {
    if (account.emailVerified() && account.email() != null) {
      return Optional.of(
          MessageTemplates.render(template, Channel.EMAIL, account.email(), values, null));
    }
    if (account.phoneVerified() && account.phone() != null) {
      return Optional.of(
          MessageTemplates.render(template, Channel.SMS, account.phone(), values, null));
    }
    return Optional.empty();
  }
}
