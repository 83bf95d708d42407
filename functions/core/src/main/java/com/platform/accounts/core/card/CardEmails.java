package com.platform.accounts.core.card;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.messaging.MessageTemplates;
import com.platform.accounts.core.port.AccountStore;
import com.platform.accounts.core.port.MessageSender;
import com.platform.accounts.core.verification.Channel;
import java.util.Map;

/** The emails about a card: the charges placed, verified, not verified. */
final class CardEmails {
  private final AccountStore accounts;
  private final MessageSender sender;
  private final String merchantName;

  CardEmails(AccountStore accounts, MessageSender sender, String merchantName) {
    this.accounts = accounts;
    this.sender = sender;
    this.merchantName = merchantName;
  }

  /**
   * To the account's email, if it proved it: a mailbox nobody proved may be someone else's, and
   * gets nothing but verification codes.
   */
  void send(String template, Account account, PaymentMethod pm) {
    if (account.emailVerified() && account.email() != null) {
      sender.send(
          MessageTemplates.render(template, Channel.EMAIL, account.email(), values(pm), null));
    }
  }

  /** To the card's account, read for its email; an account gone meanwhile gets nothing. */
  void sendToOwner(String template, PaymentMethod pm) {
    accounts.find(pm.accountId()).ifPresent(account -> send(template, account, pm));
  }

  private Map<String, String> values(PaymentMethod pm) {
    return Map.of(
        "brand",
        pm.card().brand(),
        "last4",
        pm.card().last4(),
        "merchant",
        merchantName,
        "hold",
        CardVerification.HOLD.plain(),
        "days",
        Long.toString(CardVerification.OPEN_FOR.toDays()));
  }
}
