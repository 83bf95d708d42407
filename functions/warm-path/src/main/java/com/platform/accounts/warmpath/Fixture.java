package com.platform.accounts.warmpath;

import com.platform.accounts.aws.Es256SessionIssuer;
import com.platform.accounts.aws.Es256SessionVerifier;
import com.platform.accounts.core.AccountLifecycle;
import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.crypto.Hmac;
import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.crypto.PasswordHasher;
import com.platform.accounts.core.memory.EphemeralServiceKeys;
import com.platform.accounts.core.memory.InMemoryTelemetry;
import com.platform.accounts.core.memory.SandboxCardProcessor;
import com.platform.accounts.core.port.SessionTokenVerifier;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.ratelimit.RateLimiter;
import com.platform.accounts.core.signup.SignupService;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.Challenge;
import com.platform.accounts.core.verification.Channel;
import com.platform.accounts.core.verification.CodeChallenges;
import com.platform.accounts.core.verification.CodeSent;
import com.platform.accounts.core.verification.PhoneBudgets;
import com.platform.accounts.core.verification.SignupDetails;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The core on the in-memory ports of the handlers' tests ({@link TestLifecycle}), but with sessions
 * signed and checked by the functions' own ES256 adapters: they make no call outside, only the
 * signature arithmetic that a warm function does on every authenticated request, which the tests'
 * in-memory tokens would leave out. And the state that a measured request finds in production: a
 * pending sign-up whose workflow waits for the code, a card whose charges are placed and whose
 * workflow waits for the owner (on an account whose phone is proven too), made through the core's
 * own services, except for what would only slow the set-up down without being measured: a sign-up's
 * Argon2 hash is computed once per JVM, and its code is not sent.
 */
final class Fixture {
  private static final String PASSWORD = "correct horse battery staple";

  /** Argon2 takes tens of milliseconds by design and is on none of the measured paths. */
  private static final String PASSWORD_HASH = new PasswordHasher().hash(PASSWORD);

  private static final String TERMS_VERSION = "2026-11-01";
  private static final Pattern DESCRIPTOR = Pattern.compile("INTL([0-9]{6})\\*.*");

  private final TestLifecycle t = new TestLifecycle();
  private final EphemeralServiceKeys keys = new EphemeralServiceKeys();
  private final AccountLifecycle core =
      new AccountLifecycle(
          new AccountLifecycle.Ports(
              t.table.accounts(),
              t.table.challenges(),
              t.table.rateLimits(),
              t.table.idempotency(),
              t.outbox,
              t.events,
              t.workflows,
              keys,
              t.clock,
              TERMS_VERSION,
              t.table.paymentMethods(),
              t.cards,
              "ACMECLOUD",
              t.table.accountOverviews(),
              new Es256SessionIssuer(keys, t.clock),
              new Es256SessionVerifier(keys.sessionVerificationKey(), t.clock)));

  /**
   * A verifier that has seen no token yet, as a new function instance has: the first check of a
   * token pays for the signature arithmetic, later checks of it do not.
   */
  SessionTokenVerifier newSessionVerifier() {
    return new Es256SessionVerifier(keys.sessionVerificationKey(), t.clock);
  }

  /** The same issuing of codes as sign-up's: a random code and its challenge-bound HMAC. */
  private final CodeChallenges codes =
      new CodeChallenges(
          t.table.challenges(),
          t.outbox,
          new RateLimiter(t.table.rateLimits(), t.clock),
          new PhoneBudgets(
              new RateLimiter(t.table.rateLimits(), t.clock),
              new Hmac(keys.hmacKey()),
              new InMemoryTelemetry(),
              t.clock,
              PhoneBudgets.Limits.defaults()),
          new Hmac(keys.hmacKey()),
          t.clock);

  /** A sign-up waiting for its code, and the code its owner received. */
  record PendingSignup(String signupId, String code) {}

  /** A card waiting for its owner's answer, and the code on the owner's statement. */
  record PendingCard(String paymentMethodId, String code) {}

  AccountLifecycle core() {
    return core;
  }

  /**
   * What {@code POST /v1/signups} leaves for a new email: its challenge (no workflow waits for the
   * code).
   */
  PendingSignup pendingSignup(String email) {
    String signupId = Ids.next(SignupService.PREFIX);
    CodeChallenges.IssuedCode code = codes.issue(signupId, Channel.EMAIL);
    SignupDetails details =
        new SignupDetails(
            email, "US", null, PASSWORD_HASH, TERMS_VERSION, t.clock.instant(), false);
    t.table
        .challenges()
        .create(
            codes.newChallenge(
                signupId, Challenge.Purpose.SIGNUP, null, details, Channel.EMAIL, email, code));
    return new PendingSignup(signupId, code.code());
  }

  /**
   * A new active US account with its email and its phone verified (adding a card needs both),
   * signed in: its session token. The phone is proven through the second verification by SMS.
   */
  String signedIn(String email) {
    PendingSignup signup = pendingSignup(email);
    String token = core.signups().verify(signup.signupId(), signup.code()).session().token();
    Account account = core.authenticator().authenticate(token);
    String phone = t.newPhone("US");
    CodeSent sent = core.verifications().start(account, "SMS", phone, new Validation());
    core.verifications().verify(account, sent.challengeId(), t.lastCode(phone));
    return token;
  }

  /**
   * Adds the card through the core (hold and microcharge placed on the sandbox processor) and reads
   * the code off the card's statement.
   */
  PendingCard pendingCard(String token, String cardNumber) {
    Account account = core.authenticator().authenticate(token);
    PaymentMethod card =
        core.chargePlacement()
            .add(account, t.cards.tokenize(cardNumber, 12, 2030, "123", "Ana Silva"));
    String microcharge = card.check().microchargeId();
    for (SandboxCardProcessor.Transaction line :
        t.cards.statement(cardNumber.substring(cardNumber.length() - 4))) {
      Matcher descriptor = DESCRIPTOR.matcher(line.description());
      if (line.id().equals(microcharge) && descriptor.matches()) {
        return new PendingCard(card.paymentMethodId(), descriptor.group(1));
      }
    }
    throw new IllegalStateException("the microcharge is not on the card's statement");
  }

  /** Removes a card, which frees the account's one card slot. */
  void removeCard(String token, String paymentMethodId) {
    core.accountPaymentMethods().remove(core.authenticator().authenticate(token), paymentMethodId);
  }
}
