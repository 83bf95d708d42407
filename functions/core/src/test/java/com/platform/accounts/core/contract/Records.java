package com.platform.accounts.core.contract;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.AccountStatus;
import com.platform.accounts.core.card.Funding;
import com.platform.accounts.core.card.OwnershipCheck;
import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.card.PaymentMethod.PaymentMethodType;
import com.platform.accounts.core.card.PaymentMethodStatus;
import com.platform.accounts.core.card.StoredCard;
import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.paypal.PayPalLink;
import com.platform.accounts.core.verification.Challenge;
import com.platform.accounts.core.verification.ChallengeStatus;
import com.platform.accounts.core.verification.Channel;
import com.platform.accounts.core.verification.SignupDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;

/**
 * Records for the contract suites, with every field set to a distinct value (instants to the
 * nanosecond) so that a round trip that drops or rounds anything shows.
 */
final class Records {
  /** A start time with a nanosecond part: stores must not round instants. */
  static final Instant START = Instant.parse("2026-03-01T10:15:30.123456789Z");

  static final Duration CHALLENGE_LIFETIME = Duration.ofHours(24);

  private Records() {}

  static String accountId() {
    return Ids.next("acc");
  }

  static String challengeId() {
    return Ids.next("sgn");
  }

  /** A unique address with upper-case letters, so case-folding shows. */
  static String email() {
    return "Jane.Doe+" + Ids.next("t").substring(2, 12) + "@Example.COM";
  }

  static Account account(String accountId, String email) {
    return new Account(
        accountId,
        email,
        "DE",
        "+4915112345678",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo",
        AccountStatus.ACTIVE,
        true,
        false,
        "2026-01",
        START.minusMillis(1500).plusNanos(7),
        3,
        START.minusSeconds(60).plusNanos(11),
        0);
  }

  /** An account made by a phone sign-up: its phone proven, its email only named. */
  static Account phoneAccount(String accountId, String email) {
    return new Account(
        accountId,
        email,
        "DE",
        "+4915112345679",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$cGhvbmVoYXNo",
        AccountStatus.ACTIVE,
        false,
        true,
        "2026-01",
        START.minusMillis(900).plusNanos(3),
        0,
        START.minusSeconds(30).plusNanos(13),
        0);
  }

  /** An account with every optional field null. */
  static Account sparseAccount(String accountId, String email) {
    return new Account(
        accountId,
        email,
        "US",
        null,
        "hash",
        AccountStatus.DELETED,
        false,
        true,
        null,
        null,
        0,
        START,
        0);
  }

  static SignupDetails signup(String email) {
    return new SignupDetails(
        email, "DE", "+4915112345678", "$argon2id$hash", "2026-01", START.minusNanos(999), false);
  }

  /** A pending sign-up challenge as the services create it (version 0, not stored yet). */
  static Challenge signupChallenge(String challengeId, String email, Instant now) {
    return new Challenge(
        challengeId,
        Challenge.Purpose.SIGNUP,
        null,
        signup(email),
        Channel.EMAIL,
        email,
        "hmac-of-code",
        now.plus(Duration.ofMinutes(10)),
        0,
        false,
        now,
        1,
        ChallengeStatus.PENDING,
        now,
        now.plus(CHALLENGE_LIFETIME),
        0);
  }

  /** A pending second-verification challenge of an existing account. */
  static Challenge contactChallenge(String challengeId, String accountId, Instant now) {
    return new Challenge(
        challengeId,
        Challenge.Purpose.CONTACT,
        accountId,
        null,
        Channel.VOICE,
        "+4915112345678",
        "hmac-of-voice-code",
        now.plus(Duration.ofMinutes(10)),
        2,
        false,
        now,
        3,
        ChallengeStatus.PENDING,
        now,
        now.plus(CHALLENGE_LIFETIME),
        0);
  }

  static String paymentMethodId() {
    return Ids.next("pm");
  }

  /** A keyed card fingerprint as the services store it (never the processor's own). */
  static String fingerprintHash() {
    return Ids.next("fp");
  }

  /**
   * A card pending verification with both charges placed and every field set, its charges due for
   * release at {@code releaseDueAt} (version 0, not stored yet).
   */
  static PaymentMethod pendingCard(
      String accountId, String fingerprintHash, Instant createdAt, Instant releaseDueAt) {
    OwnershipCheck check =
        new OwnershipCheck(
            "hold_1",
            "ch_2",
            "hmac-of-descriptor-code",
            "hmac-of-microcharge",
            2,
            createdAt.plusNanos(3),
            releaseDueAt,
            null,
            createdAt.plus(Duration.ofDays(7)).plusNanos(5));
    return new PaymentMethod(
        paymentMethodId(),
        accountId,
        PaymentMethodType.CARD,
        PaymentMethodStatus.PENDING_VERIFICATION,
        card(fingerprintHash),
        check,
        createdAt,
        0);
  }

  static PaymentMethod pendingCard(String accountId, String fingerprintHash) {
    return pendingCard(
        accountId,
        fingerprintHash,
        START.minusNanos(17),
        START.plus(Duration.ofHours(24)).plusNanos(19));
  }

  /**
   * A card as it is first stored, before any charge is placed: no hold, no microcharge, no task
   * token, not released.
   */
  static PaymentMethod newCard(String accountId, String fingerprintHash) {
    OwnershipCheck check =
        new OwnershipCheck(
            null,
            null,
            "hmac-of-descriptor-code",
            "hmac-of-microcharge",
            0,
            START,
            START.plus(Duration.ofHours(24)),
            null,
            START.plus(Duration.ofDays(7)));
    return new PaymentMethod(
        paymentMethodId(),
        accountId,
        PaymentMethodType.CARD,
        PaymentMethodStatus.PENDING_VERIFICATION,
        card(fingerprintHash),
        check,
        START,
        0);
  }

  /** A card added with a token of its own (each token adds one card, ever). */
  static StoredCard card(String fingerprintHash) {
    return card(fingerprintHash, tokenHash());
  }

  static StoredCard card(String fingerprintHash, String tokenHash) {
    return new StoredCard(
        "tok_visa_4242",
        "VISA",
        "4242",
        12,
        2031,
        "US",
        Funding.DEBIT,
        fingerprintHash,
        "Ana Silva",
        Currency.getInstance("AUD"),
        tokenHash);
  }

  /** A keyed hash of a card token as the services store it (never the token). */
  static String tokenHash() {
    return Ids.next("th");
  }

  /** A failed card with every optional field of the card and of its check null. */
  static PaymentMethod sparseCard(String accountId) {
    OwnershipCheck check = new OwnershipCheck(null, null, null, null, 5, null, null, null, null);
    return new PaymentMethod(
        paymentMethodId(),
        accountId,
        PaymentMethodType.CARD,
        PaymentMethodStatus.FAILED,
        new StoredCard(null, null, null, 1, 2030, null, null, null, null, null, null),
        check,
        START,
        0);
  }

  /** A PayPal billing agreement: no card, no check. */
  static PaymentMethod paypal(String accountId, Instant createdAt) {
    return new PaymentMethod(
        paymentMethodId(),
        accountId,
        PaymentMethodType.PAYPAL,
        PaymentMethodStatus.VERIFIED,
        null,
        null,
        createdAt,
        0);
  }

  /**
   * A PayPal link waiting for its payer, as linking starts it: due when its approval window ends
   * (version 0, not stored yet).
   */
  static PaymentMethod pendingPayPal(String accountId, Instant createdAt) {
    return PaymentMethod.payPal(
        paymentMethodId(),
        accountId,
        PaymentMethodStatus.PENDING_APPROVAL,
        PayPalLink.started(
            Ids.next("st"),
            "hmac-of-state",
            createdAt.plus(PayPalLink.APPROVAL_WINDOW).plusNanos(23),
            "https://app.example.com/paypal/done?x=1&y=%C3%A9",
            "https://app.example.com/paypal/cancelled"),
        createdAt);
  }

  /** A PayPal method with every field of its link set, to a distinct value each. */
  static PaymentMethod payPalWithEveryField(String accountId, PaymentMethodStatus status) {
    return PaymentMethod.payPal(
        paymentMethodId(),
        accountId,
        status,
        new PayPalLink(
            Ids.next("st"),
            "hmac-of-state",
            START.plus(PayPalLink.APPROVAL_WINDOW).plusNanos(29),
            "https://app.example.com/paypal/done",
            "https://app.example.com/paypal/cancelled",
            START.plusSeconds(40).plusNanos(31),
            Ids.next("pt"),
            "payer+ünïcode@example.com",
            "PAYPAL_REFUSED",
            START.plusSeconds(50).plusNanos(37)),
        START.minusNanos(41));
  }

  /** A failed PayPal method whose link has every field null. */
  static PaymentMethod sparsePayPal(String accountId) {
    return PaymentMethod.payPal(
        paymentMethodId(),
        accountId,
        PaymentMethodStatus.FAILED,
        new PayPalLink(null, null, null, null, null, null, null, null, null, null),
        START);
  }

  /** A reference as the services build it: a kind and a keyed HMAC, never a secret. */
  static String reference() {
    return "PAYPAL_STATE#" + Ids.next("hm");
  }

  static PaymentMethod withVersion(PaymentMethod pm, long version) {
    return new PaymentMethod(
        pm.paymentMethodId(),
        pm.accountId(),
        pm.type(),
        pm.status(),
        pm.card(),
        pm.check(),
        pm.paypal(),
        pm.createdAt(),
        version);
  }

  static PaymentMethod withId(PaymentMethod pm, String paymentMethodId) {
    return new PaymentMethod(
        paymentMethodId,
        pm.accountId(),
        pm.type(),
        pm.status(),
        pm.card(),
        pm.check(),
        pm.paypal(),
        pm.createdAt(),
        pm.version());
  }

  /** The same card, added with the token of this hash. */
  static PaymentMethod withTokenHash(PaymentMethod pm, String tokenHash) {
    return new PaymentMethod(
        pm.paymentMethodId(),
        pm.accountId(),
        pm.type(),
        pm.status(),
        card(pm.card().fingerprintHash(), tokenHash),
        pm.check(),
        pm.paypal(),
        pm.createdAt(),
        pm.version());
  }

  static Challenge withVersion(Challenge c, long version) {
    return new Challenge(
        c.challengeId(),
        c.purpose(),
        c.accountId(),
        c.signup(),
        c.channel(),
        c.destination(),
        c.codeHash(),
        c.codeExpiresAt(),
        c.failedAttempts(),
        c.codeUsed(),
        c.lastSentAt(),
        c.sendCount(),
        c.status(),
        c.createdAt(),
        c.expiresAt(),
        version);
  }

  static Account withVersion(Account a, long version) {
    return new Account(
        a.accountId(),
        a.email(),
        a.country(),
        a.phone(),
        a.passwordHash(),
        a.status(),
        a.emailVerified(),
        a.phoneVerified(),
        a.termsVersion(),
        a.termsAcceptedAt(),
        a.sessionVersion(),
        a.createdAt(),
        version);
  }
}
