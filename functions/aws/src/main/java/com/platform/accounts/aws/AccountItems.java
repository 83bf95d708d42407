package com.platform.accounts.aws;

import static com.platform.accounts.aws.Items.bool;
import static com.platform.accounts.aws.Items.enumValue;
import static com.platform.accounts.aws.Items.instant;
import static com.platform.accounts.aws.Items.n;
import static com.platform.accounts.aws.Items.number;
import static com.platform.accounts.aws.Items.putEnum;
import static com.platform.accounts.aws.Items.putInstant;
import static com.platform.accounts.aws.Items.putString;
import static com.platform.accounts.aws.Items.requiredString;
import static com.platform.accounts.aws.Items.s;
import static com.platform.accounts.aws.Items.string;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.AccountStatus;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items of an account: {@code ACCOUNT#<id>}/{@code ACCOUNT} holds the account, and {@code
 * EMAIL#<lower-cased email>}/{@code EMAIL} names the account that owns an email. The email item
 * exists only to make the email unique (a conditional put in the account's creating transaction)
 * and to find an account by email.
 */
final class AccountItems {
  static final String ACCOUNT_SK = "ACCOUNT";
  static final String EMAIL_SK = "EMAIL";
  static final String ACCOUNT_ID = "accountId";

  private AccountItems() {}

  static Map<String, AttributeValue> key(String accountId) {
    return Items.key("ACCOUNT#" + accountId, ACCOUNT_SK);
  }

  static Map<String, AttributeValue> emailKey(String normalizedEmail) {
    return Items.key("EMAIL#" + normalizedEmail, EMAIL_SK);
  }

  /** The email's uniqueness key: case never makes two addresses different owners. */
  static String normalizedEmail(Account account) {
    return account.email().toLowerCase(Locale.ROOT);
  }

  static Map<String, AttributeValue> emailItem(Account account) {
    Map<String, AttributeValue> item = Items.item("EMAIL#" + normalizedEmail(account), EMAIL_SK);
    item.put(ACCOUNT_ID, s(account.accountId()));
    return item;
  }

  /** The account as stored with {@code version}. */
  static Map<String, AttributeValue> toItem(Account a, long version) {
    Map<String, AttributeValue> item = Items.item("ACCOUNT#" + a.accountId(), ACCOUNT_SK);
    item.put(ACCOUNT_ID, s(a.accountId()));
    putString(item, "email", a.email());
    putString(item, "country", a.country());
    putString(item, "phone", a.phone());
    putString(item, "passwordHash", a.passwordHash());
    putEnum(item, "status", a.status());
    item.put("emailVerified", Items.bool(a.emailVerified()));
    item.put("phoneVerified", Items.bool(a.phoneVerified()));
    putString(item, "termsVersion", a.termsVersion());
    putInstant(item, "termsAcceptedAt", a.termsAcceptedAt());
    item.put("sessionVersion", n(a.sessionVersion()));
    putInstant(item, "createdAt", a.createdAt());
    item.put(Items.VERSION, n(version));
    return item;
  }

  static Account fromItem(Map<String, AttributeValue> item) {
    return new Account(
        requiredString(item, ACCOUNT_ID),
        string(item, "email"),
        string(item, "country"),
        string(item, "phone"),
        string(item, "passwordHash"),
        enumValue(item, "status", AccountStatus.class),
        bool(item, "emailVerified"),
        bool(item, "phoneVerified"),
        string(item, "termsVersion"),
        instant(item, "termsAcceptedAt"),
        number(item, "sessionVersion"),
        instant(item, "createdAt"),
        number(item, Items.VERSION));
  }
}
