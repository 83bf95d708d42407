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
import com.platform.accounts.core.account.EmailClaim;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items of an account: {@code ACCOUNT#<id>}/{@code ACCOUNT} holds the account, and {@code
 * EMAIL#<lower-cased email>}/{@code EMAIL} holds the address's claim ({@link EmailClaim}): {@code
 * accountId}, the account that proved the address, once one did; {@code unprovenBy}, a string set
 * of the accounts that named it without proving it; and its {@code version}. The claim is one item,
 * so that every condition on who holds the address (none proved it, the claim is as read) is a
 * condition on that item, written in the same transaction as the account that changes it.
 *
 * <p>An item written before claims had a version holds {@code accountId} alone and reads as version
 * 0.
 */
final class AccountItems {
  static final String ACCOUNT_SK = "ACCOUNT";
  static final String EMAIL_SK = "EMAIL";
  static final String ACCOUNT_ID = "accountId";
  static final String UNPROVEN_BY = "unprovenBy";
  private static final Map<String, String> CLAIM_NAMES =
      Map.of("#owner", ACCOUNT_ID, "#version", Items.VERSION, "#unproven", UNPROVEN_BY);

  private AccountItems() {}

  static Map<String, AttributeValue> key(String accountId) {
    return Items.key("ACCOUNT#" + accountId, ACCOUNT_SK);
  }

  static Map<String, AttributeValue> emailKey(String normalizedEmail) {
    return Items.key("EMAIL#" + normalizedEmail, EMAIL_SK);
  }

  static EmailClaim claimFromItem(String normalizedEmail, Map<String, AttributeValue> item) {
    AttributeValue unproven = item.get(UNPROVEN_BY);
    return new EmailClaim(
        normalizedEmail,
        string(item, ACCOUNT_ID),
        unproven == null || !unproven.hasSs() ? List.of() : unproven.ss(),
        item.containsKey(Items.VERSION) ? number(item, Items.VERSION) : 0);
  }

  /** The claim owned by the account, which no longer merely names it. */
  static Change claimProvenBy(String accountId) {
    return new Change(
        "SET #owner = :owner ADD #version :one DELETE #unproven :self",
        CLAIM_NAMES,
        Map.of(
            ":owner",
            s(accountId),
            ":one",
            n(1),
            ":self",
            AttributeValue.fromSs(List.of(accountId))));
  }

  /** The claim with one more account that named the address without proving it. */
  static Change claimNamedBy(String accountId) {
    return new Change(
        "ADD #unproven :self, #version :one",
        Map.of("#unproven", UNPROVEN_BY, "#version", Items.VERSION),
        Map.of(":one", n(1), ":self", AttributeValue.fromSs(List.of(accountId))));
  }

  /** The claim without an account that lost the address to its owner. */
  static Change claimReleasing(String accountId) {
    return new Change(
        "DELETE #unproven :self ADD #version :one",
        Map.of("#unproven", UNPROVEN_BY, "#version", Items.VERSION),
        Map.of(":one", n(1), ":self", AttributeValue.fromSs(List.of(accountId))));
  }

  /** The claim without its owner, a deleted account: the address is free again. */
  static Change claimErasingOwner(String accountId) {
    return new Change(
        "REMOVE #owner DELETE #unproven :self ADD #version :one",
        CLAIM_NAMES,
        Map.of(":one", n(1), ":self", AttributeValue.fromSs(List.of(accountId))));
  }

  /** The account still owns the address. */
  static Condition claimOwnedBy(String accountId) {
    return new Condition(
        "#owner = :selfId", Map.of("#owner", ACCOUNT_ID), Map.of(":selfId", s(accountId)));
  }

  /** The account still does not own the address. */
  static Condition claimNotOwnedBy(String accountId) {
    return new Condition(
        "attribute_not_exists(#owner) OR #owner <> :selfId",
        Map.of("#owner", ACCOUNT_ID),
        Map.of(":selfId", s(accountId)));
  }

  /** Nobody proved the address yet. */
  static Condition claimUnproven() {
    return new Condition("attribute_not_exists(#owner)", Map.of("#owner", ACCOUNT_ID), Map.of());
  }

  /** The claim is still the one read (which nobody had proved). */
  static Condition claimIs(EmailClaim read) {
    if (read.version() == 0) {
      return new Condition(
          "attribute_not_exists(#version) AND attribute_not_exists(#owner)",
          Map.of("#version", Items.VERSION, "#owner", ACCOUNT_ID),
          Map.of());
    }
    return new Condition(
        "#version = :expected AND attribute_not_exists(#owner)",
        Map.of("#version", Items.VERSION, "#owner", ACCOUNT_ID),
        Map.of(":expected", n(read.version())));
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
