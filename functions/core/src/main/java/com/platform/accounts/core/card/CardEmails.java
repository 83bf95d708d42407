package com.platform.accounts.core.card;

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

  void send(String template, String email, PaymentMethod pm) {
    sender.send(MessageTemplates.render(template, Channel.EMAIL, email, values(pm), null));
  }

  /** To the card's account, read for its email; an account gone meanwhile gets nothing. */
  void sendToOwner(String template, PaymentMethod pm) {
    accounts.find(pm.accountId()).ifPresent(account -> send(template, account.email(), pm));
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
