package com.platform.accounts.aws;

import static com.platform.accounts.aws.Items.bool;
import static com.platform.accounts.aws.Items.enumValue;
import static com.platform.accounts.aws.Items.instant;
import static com.platform.accounts.aws.Items.integer;
import static com.platform.accounts.aws.Items.n;
import static com.platform.accounts.aws.Items.number;
import static com.platform.accounts.aws.Items.putEnum;
import static com.platform.accounts.aws.Items.putInstant;
import static com.platform.accounts.aws.Items.putString;
import static com.platform.accounts.aws.Items.requiredString;
import static com.platform.accounts.aws.Items.s;
import static com.platform.accounts.aws.Items.string;

import com.platform.accounts.core.verification.Challenge;
import com.platform.accounts.core.verification.ChallengeStatus;
import com.platform.accounts.core.verification.Channel;
import com.platform.accounts.core.verification.SignupDetails;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items of a one-time-code challenge: {@code CHALLENGE#<id>}/{@code CHALLENGE}, with a sign-up's
 * details nested in a map attribute so that the challenge stays one item, read and written whole.
 */
final class ChallengeItems {
  static final String SK = "CHALLENGE";
  private static final String SIGNUP = "signup";

  private ChallengeItems() {}

  static Map<String, AttributeValue> key(String challengeId) {
    return Items.key("CHALLENGE#" + challengeId, SK);
  }

  /** The challenge as stored with {@code version}. */
  static Map<String, AttributeValue> toItem(Challenge c, long version) {
    Map<String, AttributeValue> item = Items.item("CHALLENGE#" + c.challengeId(), SK);
    item.put("challengeId", s(c.challengeId()));
    putEnum(item, "purpose", c.purpose());
    putString(item, "accountId", c.accountId());
    if (c.signup() != null) {
      item.put(SIGNUP, AttributeValue.fromM(signupToMap(c.signup())));
    }
    putEnum(item, "channel", c.channel());
    putString(item, "destination", c.destination());
    putString(item, "codeHash", c.codeHash());
    putInstant(item, "codeExpiresAt", c.codeExpiresAt());
    item.put("failedAttempts", n(c.failedAttempts()));
    item.put("codeUsed", Items.bool(c.codeUsed()));
    putInstant(item, "lastSentAt", c.lastSentAt());
    item.put("sendCount", n(c.sendCount()));
    putEnum(item, "status", c.status());
    putInstant(item, "createdAt", c.createdAt());
    Items.putExpiry(item, c.expiresAt());
    item.put(Items.VERSION, n(version));
    return item;
  }

  static Challenge fromItem(Map<String, AttributeValue> item) {
    AttributeValue signup = item.get(SIGNUP);
    return new Challenge(
        requiredString(item, "challengeId"),
        enumValue(item, "purpose", Challenge.Purpose.class),
        string(item, "accountId"),
        signup == null || !signup.hasM() ? null : signupFromMap(signup.m()),
        enumValue(item, "channel", Channel.class),
        string(item, "destination"),
        string(item, "codeHash"),
        instant(item, "codeExpiresAt"),
        integer(item, "failedAttempts"),
        bool(item, "codeUsed"),
        instant(item, "lastSentAt"),
        integer(item, "sendCount"),
        enumValue(item, "status", ChallengeStatus.class),
        instant(item, "createdAt"),
        Items.expiry(item),
        number(item, Items.VERSION));
  }

  private static Map<String, AttributeValue> signupToMap(SignupDetails d) {
    Map<String, AttributeValue> map = new HashMap<>();
    putString(map, "email", d.email());
    putString(map, "country", d.country());
    putString(map, "phone", d.phone());
    putString(map, "passwordHash", d.passwordHash());
    putString(map, "termsVersion", d.termsVersion());
    putInstant(map, "termsAcceptedAt", d.termsAcceptedAt());
    map.put("emailTaken", Items.bool(d.emailTaken()));
    return map;
  }

  private static SignupDetails signupFromMap(Map<String, AttributeValue> map) {
    return new SignupDetails(
        string(map, "email"),
        string(map, "country"),
        string(map, "phone"),
        string(map, "passwordHash"),
        string(map, "termsVersion"),
        instant(map, "termsAcceptedAt"),
        bool(map, "emailTaken"));
  }
}
