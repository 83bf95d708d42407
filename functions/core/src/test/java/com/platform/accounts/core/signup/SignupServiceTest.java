package com.platform.accounts.core.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.EmailClaim;
import com.platform.accounts.core.crypto.Hmac;
import com.platform.accounts.core.crypto.PasswordHasher;
import com.platform.accounts.core.memory.InMemoryOutbox;
import com.platform.accounts.core.messaging.OutboundMessage;
import com.platform.accounts.core.port.ChallengeStore;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldError;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.ratelimit.RateLimiter;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.Challenge;
import com.platform.accounts.core.verification.ChallengeStatus;
import com.platform.accounts.core.verification.Channel;
import com.platform.accounts.core.verification.CodeChallenges;
import com.platform.accounts.core.verification.CodeSent;
import com.platform.accounts.core.verification.PhoneBudgets;
import com.platform.accounts.core.verification.SignupDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignupServiceTest {
  private static final String PASSWORD = "correct horse battery staple";
  private final TestLifecycle t = new TestLifecycle();
  private final SignupService signups = t.lifecycle.signups();

  private CodeSent signUp(String email) {
    return signups.start(
        new SignupCommand("US", email, PASSWORD, PASSWORD, true, null, null), new Validation());
  }

  private Problem problemOf(Runnable action) {
    try {
      action.run();
    } catch (Problem p) {
      return p;
    }
    throw new AssertionError("expected a problem");
  }

  @Test
  void emailSignupSendsASixDigitCodeAndVerifyingCreatesAnActiveAccount() {
    CodeSent sent = signUp("Ana@Example.com");

    assertThat(sent.channel()).isEqualTo(Channel.EMAIL);
    assertThat(sent.destination()).isEqualTo("A***@example.com");
    assertThat(sent.codeExpiresAt()).isEqualTo(t.clock.instant().plus(Duration.ofMinutes(10)));
    assertThat(sent.resendAvailableAt()).isEqualTo(t.clock.instant().plusSeconds(60));
    String code = t.lastCode("Ana@example.com");
    assertThat(code).matches("[0-9]{6}");
    assertThat(t.lastMessage("Ana@example.com").body()).contains(code);
    assertThat(t.workflows.started).as("nothing runs before the proof").isEmpty();

    SignupCompleted done = signups.verify(sent.challengeId(), code);

    assertThat(t.workflows.started).as("the after-work").containsExactly(sent.challengeId());

    Account account = t.table.accounts().find(done.accountId()).orElseThrow();
    assertThat(account.email()).isEqualTo("Ana@example.com");
    assertThat(account.emailVerified()).isTrue();
    assertThat(account.phoneVerified()).isFalse();
    assertThat(account.termsVersion()).isEqualTo("2026-11-01");
    assertThat(account.termsAcceptedAt()).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
    assertThat(account.passwordHash()).startsWith("$argon2id$").doesNotContain(PASSWORD);
    assertThat(t.lifecycle.authenticator().authenticate(done.session().token()).accountId())
        .isEqualTo(done.accountId());
  }

  @Test
  void smsSignupProvesThePhone() {
    CodeSent sent =
        signups.start(
            new SignupCommand(
                "US", "bo@example.com", PASSWORD, PASSWORD, true, "SMS", "+12025550123"),
            new Validation());

    assertThat(sent.destination()).isEqualTo("+1********23");
    SignupCompleted done = signups.verify(sent.challengeId(), t.lastCode("+12025550123"));

    Account account = t.table.accounts().find(done.accountId()).orElseThrow();
    assertThat(account.phoneVerified()).isTrue();
    assertThat(account.emailVerified()).isFalse();
    assertThat(account.phone()).isEqualTo("+12025550123");
  }

  @Test
  void voiceSignupCallsWithTheCode() {
    signups.start(
        new SignupCommand(
            "US", "cy@example.com", PASSWORD, PASSWORD, true, "VOICE", "+12025550199"),
        new Validation());

    assertThat(t.lastMessage("+12025550199").channel()).isEqualTo(Channel.VOICE);
    assertThat(t.lastMessage("+12025550199").body()).startsWith("<speak>");
  }

  @Test
  void everyBadFieldIsReportedAtOnce() {
    Problem p =
        problemOf(
            () ->
                signups.start(
                    new SignupCommand(
                        "XX", "not-an-email", "short", "other", false, "PIGEON", null),
                    new Validation()));

    assertThat(p.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(p.errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactlyInAnyOrder(
            tuple("country", FieldErrorCode.UNSUPPORTED_COUNTRY),
            tuple("email", FieldErrorCode.INVALID_EMAIL),
            tuple("password", FieldErrorCode.WEAK_PASSWORD),
            tuple("passwordConfirmation", FieldErrorCode.PASSWORD_MISMATCH),
            tuple("termsAccepted", FieldErrorCode.TERMS_NOT_ACCEPTED),
            tuple("verificationChannel", FieldErrorCode.INVALID_CHANNEL));
    assertThat(t.outbox.all()).isEmpty();
  }

  @Test
  void aPhoneOfAnotherCountryIsAMismatch() {
    Problem p =
        problemOf(
            () ->
                signups.start(
                    new SignupCommand(
                        "US", "d@example.com", PASSWORD, PASSWORD, true, "SMS", "+442071838750"),
                    new Validation()));

    assertThat(p.errors())
        .extracting(FieldError::code)
        .containsExactly(FieldErrorCode.PHONE_COUNTRY_MISMATCH);
  }

  @Test
  void anImpossibleNumberIsInvalid() {
    Problem p =
        problemOf(
            () ->
                signups.start(
                    new SignupCommand(
                        "US", "d@example.com", PASSWORD, PASSWORD, true, "SMS", "+1202555"),
                    new Validation()));

    assertThat(p.errors())
        .extracting(FieldError::code)
        .containsExactly(FieldErrorCode.INVALID_PHONE);
  }

  @Test
  void smsWithoutAPhoneIsRefused() {
    Problem p =
        problemOf(
            () ->
                signups.start(
                    new SignupCommand("US", "d@example.com", PASSWORD, PASSWORD, true, "SMS", null),
                    new Validation()));

    assertThat(p.errors()).extracting(FieldError::field).containsExactly("phone");
  }

  @Test
  void thePasswordMayNotBeTheEmail() {
    Problem p =
        problemOf(
            () ->
                signups.start(
                    new SignupCommand(
                        "US",
                        "longname@example.com",
                        "LongName@example.com",
                        "LongName@example.com",
                        true,
                        null,
                        null),
                    new Validation()));

    assertThat(p.errors())
        .extracting(FieldError::code)
        .containsExactly(FieldErrorCode.WEAK_PASSWORD);
  }

  @Test
  void aUnicodeLocalPartIsNotAnEmailWeCanDeliverTo() {
    Problem p = problemOf(() -> signUp("josé@example.com"));

    assertThat(p.errors())
        .extracting(FieldError::code)
        .containsExactly(FieldErrorCode.INVALID_EMAIL);
  }

  @Test
  void aTakenEmailIsAnsweredLikeANewOneAndTheOwnerIsTold() {
    CodeSent first = signUp("ana@example.com");
    signups.verify(first.challengeId(), t.lastCode("ana@example.com"));
    int before = t.outbox.all().size();

    t.clock.advanceBy(Duration.ofMinutes(3));
    CodeSent again = signUp("ANA@example.com");

    assertThat(again.destination()).isEqualTo("A***@example.com");
    assertThat(again.codeExpiresAt()).isEqualTo(t.clock.instant().plus(Duration.ofMinutes(10)));
    assertThat(again.resendAvailableAt()).isEqualTo(t.clock.instant().plusSeconds(60));
    assertThat(t.outbox.all()).hasSize(before + 1);
    assertThat(t.lastMessage("ana@example.com").code()).isNull();
    assertThat(t.lastMessage("ana@example.com").subject()).contains("already have an account");
    for (int i = 0; i < 5; i++) {
      String guess = String.format("%06d", i);
      Problem p = problemOf(() -> signups.verify(again.challengeId(), guess));
      assertThat(p.code()).isEqualTo(i < 4 ? ErrorCode.INVALID_CODE : ErrorCode.CODE_EXPIRED);
    }
    assertThat(problemOf(() -> signups.verify(again.challengeId(), "123456")).code())
        .isEqualTo(ErrorCode.CODE_EXPIRED);
  }

  @Test
  void aWrongCodeCountsDownAndTheFifthIsTheEndOfTheCode() {
    CodeSent sent = signUp("e@example.com");
    String right = t.lastCode("e@example.com");
    String wrong = right.equals("000000") ? "111111" : "000000";

    for (int remaining = 4; remaining >= 1; remaining--) {
      Problem p = problemOf(() -> signups.verify(sent.challengeId(), wrong));
      assertThat(p.code()).isEqualTo(ErrorCode.INVALID_CODE);
      assertThat(p.extensions()).containsEntry("attemptsRemaining", remaining);
    }
    Problem fifth = problemOf(() -> signups.verify(sent.challengeId(), wrong));
    assertThat(fifth.code()).isEqualTo(ErrorCode.CODE_EXPIRED);
    assertThat(fifth.extensions()).doesNotContainKey("attemptsRemaining");
    Problem locked = problemOf(() -> signups.verify(sent.challengeId(), right));
    assertThat(locked.code()).isEqualTo(ErrorCode.CODE_EXPIRED);
  }

  @Test
  void aCodeWorksOnce() {
    CodeSent sent = signUp("f@example.com");
    String code = t.lastCode("f@example.com");
    signups.verify(sent.challengeId(), code);

    assertThat(problemOf(() -> signups.verify(sent.challengeId(), code)).code())
        .isEqualTo(ErrorCode.CODE_EXPIRED);
  }

  @Test
  void aCodeExpiresAfterTenMinutes() {
    CodeSent sent = signUp("g@example.com");
    String code = t.lastCode("g@example.com");
    t.clock.advanceBy(Duration.ofMinutes(10));

    assertThat(problemOf(() -> signups.verify(sent.challengeId(), code)).code())
        .isEqualTo(ErrorCode.CODE_EXPIRED);
  }

  @Test
  void aCodeOfTheWrongShapeDoesNotCostATry() {
    CodeSent sent = signUp("h@example.com");

    assertThat(problemOf(() -> signups.verify(sent.challengeId(), "12345")).code())
        .isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(
            t.table
                .challenges()
                .find(sent.challengeId(), t.clock.instant())
                .orElseThrow()
                .failedAttempts())
        .isZero();
  }

  @Test
  void resendingWithinSixtySecondsIsRateLimited() {
    CodeSent sent = signUp("i@example.com");
    t.clock.advanceBy(Duration.ofSeconds(20));

    Problem p = problemOf(() -> signups.resend(sent.challengeId(), null, null, new Validation()));

    assertThat(p.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(p.retryAfterSeconds()).isBetween(40L, 41L);
  }

  @Test
  void aResentCodeReplacesTheOldOneAndResetsTheTries() {
    CodeSent sent = signUp("j@example.com");
    String old = t.lastCode("j@example.com");
    problemOf(() -> signups.verify(sent.challengeId(), old.equals("000000") ? "111111" : "000000"));
    t.clock.advanceBy(Duration.ofSeconds(61));

    signups.resend(sent.challengeId(), null, null, new Validation());
    String fresh = t.lastCode("j@example.com");

    if (!fresh.equals(old)) {
      assertThat(problemOf(() -> signups.verify(sent.challengeId(), old)).extensions())
          .containsEntry("attemptsRemaining", 4);
    }
    assertThat(signups.verify(sent.challengeId(), fresh).accountId()).startsWith("acc_");
  }

  @Test
  void aResendCanSwitchToSmsForTheSameSignup() {
    CodeSent sent = signUp("k@example.com");
    t.clock.advanceBy(Duration.ofSeconds(61));

    CodeSent resent = signups.resend(sent.challengeId(), "SMS", "+12025550111", new Validation());

    assertThat(resent.channel()).isEqualTo(Channel.SMS);
    SignupCompleted done = signups.verify(sent.challengeId(), t.lastCode("+12025550111"));
    assertThat(t.table.accounts().find(done.accountId()).orElseThrow().phoneVerified()).isTrue();
  }

  @Test
  void aDestinationGetsAtMostFiveCodesAnHour() {
    for (int i = 0; i < 5; i++) {
      signUp("l@example.com");
    }
    Problem p = problemOf(() -> signUp("l@example.com"));
    assertThat(p.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(p.retryAfterSeconds()).isEqualTo(3600);

    t.clock.advanceBy(Duration.ofHours(1));
    assertThat(signUp("l@example.com").channel()).isEqualTo(Channel.EMAIL);
  }

  @Test
  void anUnknownSignupIsNotFound() {
    assertThatThrownBy(() -> signups.verify("sgn_AAAAAAAAAAAAAAAAAAAAAA", "123456"))
        .isInstanceOf(Problem.class)
        .extracting("code")
        .isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void twoSignupsForOneEmailMakeOneAccount() {
    CodeSent first = signUp("m@example.com");
    String firstCode = t.lastCode("m@example.com");
    CodeSent second = signUp("m@example.com");
    String secondCode = t.lastCode("m@example.com");

    signups.verify(first.challengeId(), firstCode);
    Problem p = problemOf(() -> signups.verify(second.challengeId(), secondCode));

    assertThat(p.code()).isEqualTo(ErrorCode.ACCOUNT_ALREADY_EXISTS);
    assertThat(t.table.accounts().findByEmail("m@example.com")).isPresent();
  }

  @Test
  void aPhoneSignupNamingAnEmailAnotherAccountProvedIsAnsweredLikeAnyOtherAndMailsNothing() {
    CodeSent first = signUp("sam@example.com");
    String owner = signups.verify(first.challengeId(), t.lastCode("sam@example.com")).accountId();
    int mails = t.outbox.to("sam@example.com").size();

    CodeSent again =
        signups.start(
            new SignupCommand(
                "US", "sam@example.com", PASSWORD, PASSWORD, true, "SMS", "+12025550177"),
            new Validation());
    SignupCompleted done = signups.verify(again.challengeId(), t.lastCode("+12025550177"));

    assertThat(again.channel()).isEqualTo(Channel.SMS);
    Account account = t.table.accounts().find(done.accountId()).orElseThrow();
    assertThat(account.email()).isEqualTo("sam@example.com");
    assertThat(account.emailVerified()).isFalse();
    assertThat(account.phoneVerified()).isTrue();
    assertThat(t.outbox.to("sam@example.com")).as("nothing to the owner's mailbox").hasSize(mails);
    EmailClaim claim = t.table.accounts().findClaim("sam@example.com");
    assertThat(claim.ownerId()).isEqualTo(owner);
    assertThat(claim.unproven()).as("sign-in by the address reaches its owner only").isEmpty();
  }

  @Test
  void aPhoneSignupNamingAnUnprovenEmailNamesItAndMailsNothing() {
    CodeSent sent =
        signups.start(
            new SignupCommand(
                "US", "tam@example.com", PASSWORD, PASSWORD, true, "VOICE", "+12025550178"),
            new Validation());

    SignupCompleted done = signups.verify(sent.challengeId(), t.lastCode("+12025550178"));

    assertThat(t.table.accounts().findClaim("tam@example.com"))
        .isEqualTo(new EmailClaim("tam@example.com", null, List.of(done.accountId()), 1));
    assertThat(t.outbox.to("tam@example.com")).isEmpty();
  }

  @Test
  void onlyOneAccountNamesAnAddressButAPhoneSignupPastItStillMakesItsAccountAlike() {
    List<SignupCompleted> done = new ArrayList<>();
    for (String phone : List.of("+12025550180", "+12025550181")) {
      CodeSent sent =
          signups.start(
              new SignupCommand("US", "uma@example.com", PASSWORD, PASSWORD, true, "SMS", phone),
              new Validation());
      done.add(signups.verify(sent.challengeId(), t.lastCode(phone)));
    }
    String first = done.get(0).accountId();
    SignupCompleted late = done.get(1);

    assertThat(t.table.accounts().findClaim("uma@example.com"))
        .isEqualTo(new EmailClaim("uma@example.com", null, List.of(first), 1));
    Account made = t.table.accounts().find(late.accountId()).orElseThrow();
    assertThat(made.isActive()).isTrue();
    assertThat(made.email()).isEqualTo("uma@example.com");
    assertThat(made.emailVerified()).isFalse();
    assertThat(made.phoneVerified()).isTrue();
    assertThat(t.lifecycle.authenticator().authenticate(late.session().token()).accountId())
        .as("signed in like the first")
        .isEqualTo(late.accountId());
    assertThat(t.outbox.to("uma@example.com")).isEmpty();
  }

  @Test
  void theSendLimitIsPerMailboxWhateverTheLetterCase() {
    for (int i = 0; i < 5; i++) {
      signUp(i % 2 == 0 ? "Carl@example.com" : "carl@EXAMPLE.com");
    }

    assertThat(problemOf(() -> signUp("CARL@example.com")).code())
        .isEqualTo(ErrorCode.RATE_LIMITED);
  }

  @Test
  void aMalformedOrHugeIdIsNotFound() {
    assertThat(problemOf(() -> signups.verify("x".repeat(2000), "123456")).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(
            problemOf(() -> signups.resend("sgn_../../etc", null, null, new Validation())).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void anEmailSignupWithoutAPhoneKeepsNoPhone() {
    CodeSent sent = signUp("na@example.com");

    SignupCompleted done = signups.verify(sent.challengeId(), t.lastCode("na@example.com"));

    assertThat(t.table.accounts().find(done.accountId()).orElseThrow().phone()).isNull();
  }

  @Test
  void aPhoneGivenWithAnEmailSignupIsKeptUnprovenInE164() {
    CodeSent sent =
        signups.start(
            new SignupCommand(
                "US", "ob@example.com", PASSWORD, PASSWORD, true, "EMAIL", "+12025550140"),
            new Validation());

    SignupCompleted done = signups.verify(sent.challengeId(), t.lastCode("ob@example.com"));

    Account account = t.table.accounts().find(done.accountId()).orElseThrow();
    assertThat(account.phone()).isEqualTo("+12025550140");
    assertThat(account.phoneVerified()).isFalse();
    assertThat(account.emailVerified()).isTrue();
    assertThat(account.sessionVersion()).isZero();
    assertThat(account.isActive()).isTrue();
    assertThat(account.createdAt()).isEqualTo(t.clock.instant());
    assertThat(t.outbox.to("+12025550140")).as("an unproven phone gets nothing").isEmpty();
  }

  @Test
  void fieldsTheApiAlreadyRejectedAreNotJudgedAgain() {
    Validation validation = new Validation();
    for (String field :
        new String[] {
          "country",
          "email",
          "passwordConfirmation",
          "termsAccepted",
          "verificationChannel",
          "phone"
        }) {
      validation.reject(field, FieldErrorCode.INVALID_TYPE, "Wrong type.");
    }

    Problem p =
        problemOf(
            () ->
                signups.start(
                    new SignupCommand(
                        "XX", "not-an-email", PASSWORD, "other", false, "PIGEON", "12"),
                    validation));

    assertThat(p.errors())
        .extracting(FieldError::code)
        .containsOnly(FieldErrorCode.INVALID_TYPE)
        .hasSize(6);
  }

  @Test
  void aPasswordTheApiAlreadyRejectedIsNotJudgedAgain() {
    Validation validation =
        new Validation().reject("password", FieldErrorCode.INVALID_TYPE, "Wrong type.");

    Problem p =
        problemOf(
            () ->
                signups.start(
                    new SignupCommand("US", "oa@example.com", "short", "other", true, null, null),
                    validation));

    assertThat(p.errors())
        .extracting(FieldError::code)
        .containsExactly(FieldErrorCode.INVALID_TYPE);
  }

  @Test
  void aMissingPasswordIsRequiredAndNotComparedWithItsConfirmation() {
    Problem p =
        problemOf(
            () ->
                signups.start(
                    new SignupCommand("US", "pa@example.com", null, PASSWORD, true, null, null),
                    new Validation()));

    assertThat(p.errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("password", FieldErrorCode.REQUIRED));
  }

  @Test
  void aPhoneIsNotJudgedAgainstACountryThatIsRefused() {
    Problem p =
        problemOf(
            () ->
                signups.start(
                    new SignupCommand(
                        "CU", "qa@example.com", PASSWORD, PASSWORD, true, "SMS", "+12025550141"),
                    new Validation()));

    assertThat(p.errors()).extracting(FieldError::field).containsExactly("country");
  }

  @Test
  void aNumberOfAnotherCountryAndAnImpossibleNumberAreExplainedDifferently() {
    Problem mismatch =
        problemOf(
            () ->
                signups.start(
                    new SignupCommand(
                        "US", "ra@example.com", PASSWORD, PASSWORD, true, "SMS", "+442071838750"),
                    new Validation()));
    Problem invalid =
        problemOf(
            () ->
                signups.start(
                    new SignupCommand(
                        "US", "ra@example.com", PASSWORD, PASSWORD, true, "SMS", "+1202555"),
                    new Validation()));

    assertThat(mismatch.errors())
        .extracting(FieldError::message)
        .containsExactly("The number does not belong to the chosen country.");
    assertThat(invalid.errors())
        .extracting(FieldError::message)
        .containsExactly(
            "Enter a valid phone number of the country, e.g. (201) 555-0123 or +12015550123.");
  }

  @Test
  void evenTheRightCodeNeverCompletesATakenEmailsSignupByEmail() {
    signups.verify(signUp("sb@example.com").challengeId(), t.lastCode("sb@example.com"));
    t.clock.advanceBy(Duration.ofMinutes(1));
    CodeSent again = signUp("sb@example.com");
    // no code was sent for it; plant one whose value the test knows
    Challenge planted =
        t.table.challenges().find(again.challengeId(), t.clock.instant()).orElseThrow();
    String hash =
        new Hmac(t.lifecycle.ports().keys().hmacKey())
            .digest(again.challengeId(), "EMAIL", "424242");
    t.table
        .challenges()
        .update(
            planted.withNewCode(
                Channel.EMAIL,
                planted.destination(),
                hash,
                planted.codeExpiresAt(),
                planted.lastSentAt()));

    Problem p = problemOf(() -> signups.verify(again.challengeId(), "424242"));

    assertThat(p.code()).as("answered like a wrong guess").isEqualTo(ErrorCode.INVALID_CODE);
    assertThat(p.extensions()).containsEntry("attemptsRemaining", 4);
  }

  @Test
  void aResendForAnUnknownSignupIsNotFound() {
    assertThat(
            problemOf(
                    () ->
                        signups.resend("sgn_AAAAAAAAAAAAAAAAAAAAAA", null, null, new Validation()))
                .code())
        .isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void aResendNamesOnlyASignupAnotherKindOfChallengeIsNotFound() {
    Instant now = t.clock.instant();
    Challenge contactWithSignupId =
        new Challenge(
            "sgn_BBBBBBBBBBBBBBBBBBBBBB",
            Challenge.Purpose.CONTACT,
            "acc_1",
            null,
            Channel.EMAIL,
            "tc@example.com",
            "h",
            now.plusSeconds(600),
            0,
            false,
            now.minusSeconds(120),
            1,
            ChallengeStatus.PENDING,
            now,
            now.plusSeconds(86_400),
            0);
    Challenge signupWithOtherId =
        new Challenge(
            "ver_CCCCCCCCCCCCCCCCCCCCCC",
            Challenge.Purpose.SIGNUP,
            null,
            new SignupDetails("tc@example.com", "US", null, "h", "2026-11-01", now, false),
            Channel.EMAIL,
            "tc@example.com",
            "h",
            now.plusSeconds(600),
            0,
            false,
            now.minusSeconds(120),
            1,
            ChallengeStatus.PENDING,
            now,
            now.plusSeconds(86_400),
            0);
    t.table.challenges().create(contactWithSignupId);
    t.table.challenges().create(signupWithOtherId);

    for (String id :
        new String[] {contactWithSignupId.challengeId(), signupWithOtherId.challengeId()}) {
      assertThat(problemOf(() -> signups.resend(id, null, null, new Validation())).code())
          .as(id)
          .isEqualTo(ErrorCode.NOT_FOUND);
    }
    assertThat(t.outbox.all()).isEmpty();
  }

  @Test
  void aCompletedSignupSendsNoMoreCodes() {
    CodeSent sent = signUp("uc@example.com");
    signups.verify(sent.challengeId(), t.lastCode("uc@example.com"));
    t.clock.advanceBy(Duration.ofSeconds(61));
    int before = t.outbox.all().size();

    assertThat(
            problemOf(() -> signups.resend(sent.challengeId(), null, null, new Validation()))
                .code())
        .isEqualTo(ErrorCode.CODE_EXPIRED);
    assertThat(t.outbox.all()).hasSize(before);
  }

  @Test
  void aResendToAnUnknownChannelIsRefusedAndSendsNothing() {
    CodeSent sent = signUp("vd@example.com");
    t.clock.advanceBy(Duration.ofSeconds(61));

    Problem p =
        problemOf(() -> signups.resend(sent.challengeId(), "PIGEON", null, new Validation()));

    assertThat(p.errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("channel", FieldErrorCode.INVALID_CHANNEL));
    assertThat(t.outbox.to("vd@example.com")).hasSize(1);
  }

  @Test
  void aResendWhoseFieldsTheApiRejectedIsRefusedWithThoseErrorsOnly() {
    CodeSent sent = signUp("we@example.com");
    t.clock.advanceBy(Duration.ofSeconds(61));
    Validation validation =
        new Validation()
            .reject("channel", FieldErrorCode.INVALID_TYPE, "Wrong type.")
            .reject("phone", FieldErrorCode.INVALID_TYPE, "Wrong type.");

    Problem p = problemOf(() -> signups.resend(sent.challengeId(), null, null, validation));

    assertThat(p.errors())
        .extracting(FieldError::code)
        .containsExactly(FieldErrorCode.INVALID_TYPE, FieldErrorCode.INVALID_TYPE);
    assertThat(t.outbox.to("we@example.com")).hasSize(1);
  }

  @Test
  void switchingAnEmailSignupToSmsNeedsAPhone() {
    CodeSent sent = signUp("xf@example.com");
    t.clock.advanceBy(Duration.ofSeconds(61));

    Problem p = problemOf(() -> signups.resend(sent.challengeId(), "SMS", null, new Validation()));

    assertThat(p.errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("phone", FieldErrorCode.REQUIRED));
  }

  @Test
  void aResendWithAnotherPhoneSendsToItAndKeepsIt() {
    CodeSent sent =
        signups.start(
            new SignupCommand(
                "US", "yg@example.com", PASSWORD, PASSWORD, true, "SMS", "+12025550142"),
            new Validation());
    t.clock.advanceBy(Duration.ofSeconds(61));

    CodeSent resent = signups.resend(sent.challengeId(), null, "+12025550143", new Validation());

    assertThat(resent.destination()).isEqualTo("+1********43");
    assertThat(t.outbox.to("yg@example.com")).as("a new email's mailbox is told nothing").isEmpty();
    SignupCompleted done = signups.verify(sent.challengeId(), t.lastCode("+12025550143"));
    assertThat(t.table.accounts().find(done.accountId()).orElseThrow().phone())
        .isEqualTo("+12025550143");
  }

  @Test
  void aResendByEmailOfAPhoneSignupKeepsThePhoneUnproven() {
    CodeSent sent =
        signups.start(
            new SignupCommand(
                "US", "zh@example.com", PASSWORD, PASSWORD, true, "SMS", "+12025550144"),
            new Validation());
    t.clock.advanceBy(Duration.ofSeconds(61));

    signups.resend(sent.challengeId(), "EMAIL", null, new Validation());
    SignupCompleted done = signups.verify(sent.challengeId(), t.lastCode("zh@example.com"));

    Account account = t.table.accounts().find(done.accountId()).orElseThrow();
    assertThat(account.phone()).isEqualTo("+12025550144");
    assertThat(account.phoneVerified()).isFalse();
    assertThat(account.emailVerified()).isTrue();
  }

  @Test
  void resendsCountAgainstTheDestinationsHourlyLimit() {
    CodeSent sent = signUp("ai@example.com");
    for (int i = 0; i < 4; i++) {
      t.clock.advanceBy(Duration.ofSeconds(61));
      signups.resend(sent.challengeId(), null, null, new Validation());
    }
    t.clock.advanceBy(Duration.ofSeconds(61));

    Problem p = problemOf(() -> signups.resend(sent.challengeId(), null, null, new Validation()));

    assertThat(p.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(t.outbox.to("ai@example.com")).hasSize(5);
  }

  @Test
  void aResendThatLostARaceWithAnotherResendIsRateLimited() {
    CodeSent sent = signUp("bj@example.com");
    t.clock.advanceBy(Duration.ofSeconds(61));
    ChallengeStore racing =
        new ChallengeStore() {
          @Override
          public Optional<Challenge> find(String challengeId, Instant now) {
            return t.table.challenges().find(challengeId, now);
          }

          @Override
          public void create(Challenge challenge) {
            t.table.challenges().create(challenge);
          }

          @Override
          public void update(Challenge challenge) {
            throw new ConcurrentModificationException("challenge " + challenge.challengeId());
          }
        };
    SignupService losing =
        new SignupService(
            t.table.accounts(),
            racing,
            new CodeChallenges(
                racing,
                t.outbox,
                new RateLimiter(t.table.rateLimits(), t.clock),
                new PhoneBudgets(
                    new RateLimiter(t.table.rateLimits(), t.clock),
                    new Hmac(t.lifecycle.ports().keys().hmacKey()),
                    t.lifecycle.telemetry(),
                    t.clock,
                    PhoneBudgets.Limits.defaults()),
                new Hmac(t.lifecycle.ports().keys().hmacKey()),
                t.clock),
            new PasswordHasher(),
            null,
            t.lifecycle.verificationProcess(),
            t.clock,
            "2026-11-01");

    Problem p = problemOf(() -> losing.resend(sent.challengeId(), null, null, new Validation()));

    assertThat(p.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(p.retryAfterSeconds()).isEqualTo(60);
    assertThat(t.outbox.to("bj@example.com")).hasSize(1);
  }

  @Test
  void aResendOfATakenEmailsSignupTellsTheOwnerAgainWithoutACodeUpToTheMailboxLimit() {
    signups.verify(signUp("ck@example.com").challengeId(), t.lastCode("ck@example.com"));
    CodeSent again = signUp("ck@example.com");
    for (int i = 0; i < 3; i++) {
      t.clock.advanceBy(Duration.ofSeconds(61));
      signups.resend(again.challengeId(), null, null, new Validation());
    }

    List<InMemoryOutbox.Sent> mails = t.outbox.to("ck@example.com");
    assertThat(mails).as("the code, then a notice for the sign-up and each resend").hasSize(5);
    assertThat(mails.subList(1, 5))
        .allSatisfy(
            sent -> {
              assertThat(sent.message().subject()).contains("already have an account");
              assertThat(sent.message().code()).isNull();
            });
  }

  @Test
  void phoneSignupsAndResendsNamingATakenEmailSendNothingToItsMailbox() {
    signups.verify(signUp("dl@example.com").challengeId(), t.lastCode("dl@example.com"));
    for (int i = 0; i < 4; i++) {
      signups.start(
          new SignupCommand(
              "US", "dl@example.com", PASSWORD, PASSWORD, true, "SMS", "+1202555015" + i),
          new Validation());
    }
    CodeSent sms =
        signups.start(
            new SignupCommand(
                "US", "dl@example.com", PASSWORD, PASSWORD, true, "SMS", "+12025550159"),
            new Validation());
    t.clock.advanceBy(Duration.ofSeconds(61));
    signups.resend(sms.challengeId(), null, null, new Validation());

    assertThat(t.outbox.to("dl@example.com")).as("only the owner's own code").hasSize(1);
    assertThat(t.outbox.to("+12025550159")).hasSize(2);
  }

  @Test
  void aPhoneTheApiAlreadyRejectedIsNotJudgedAgain() {
    Validation validation =
        new Validation().reject("phone", FieldErrorCode.INVALID_TYPE, "Wrong type.");

    Problem p =
        problemOf(
            () ->
                signups.start(
                    new SignupCommand(
                        "US", "ec@example.com", PASSWORD, PASSWORD, true, "EMAIL", "12"),
                    validation));

    assertThat(p.errors())
        .extracting(FieldError::code)
        .containsExactly(FieldErrorCode.INVALID_TYPE);
  }

  @Test
  void aPhoneIsNotJudgedAgainstACountryTheApiAlreadyRejected() {
    Validation validation =
        new Validation().reject("country", FieldErrorCode.INVALID_TYPE, "Wrong type.");

    Problem p =
        problemOf(
            () ->
                signups.start(
                    new SignupCommand(
                        "US", "fd@example.com", PASSWORD, PASSWORD, true, "SMS", "+442071838750"),
                    validation));

    assertThat(p.errors()).extracting(FieldError::field).containsExactly("country");
  }

  @Test
  void aSecondVerificationCannotBeCompletedAsASignup() {
    Account account =
        t.table
            .accounts()
            .find(
                signups
                    .verify(signUp("ge@example.com").challengeId(), t.lastCode("ge@example.com"))
                    .accountId())
            .orElseThrow();
    CodeSent contact =
        t.lifecycle.verifications().start(account, "SMS", "+12025550160", new Validation());

    Problem p = problemOf(() -> signups.verify(contact.challengeId(), t.lastCode("+12025550160")));

    assertThat(p.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(t.table.accounts().find(account.accountId()).orElseThrow().phoneVerified())
        .isFalse();
  }

  @Test
  void aPhoneSignupForATakenEmailSwitchedToEmailSendsTheOwnerANoticeAndNeverCompletesByEmail() {
    signups.verify(signUp("hf@example.com").challengeId(), t.lastCode("hf@example.com"));
    CodeSent sms =
        signups.start(
            new SignupCommand(
                "US", "hf@example.com", PASSWORD, PASSWORD, true, "SMS", "+12025550161"),
            new Validation());
    t.clock.advanceBy(Duration.ofSeconds(61));

    CodeSent resent = signups.resend(sms.challengeId(), "EMAIL", null, new Validation());

    assertThat(resent.destination()).isEqualTo("h***@example.com");
    assertThat(t.outbox.to("hf@example.com")).as("the owner's code, then a notice").hasSize(2);
    assertThat(t.lastMessage("hf@example.com").subject()).contains("already have an account");
    assertThat(t.lastMessage("hf@example.com").code()).isNull();
    assertThat(problemOf(() -> signups.verify(sms.challengeId(), "123456")).code())
        .isEqualTo(ErrorCode.INVALID_CODE);
  }

  @Test
  void resendsByPhoneDoNotUseUpTheSendsOfANewEmailsMailbox() {
    CodeSent sent =
        signups.start(
            new SignupCommand(
                "US", "ig@example.com", PASSWORD, PASSWORD, true, "SMS", "+12025550170"),
            new Validation());
    // a sign-up moves to another number at most twice; the other resends stay on the last one
    for (int i = 1; i <= 5; i++) {
      t.clock.advanceBy(Duration.ofSeconds(61));
      signups.resend(sent.challengeId(), null, i <= 2 ? "+1202555017" + i : null, new Validation());
    }
    t.clock.advanceBy(Duration.ofSeconds(61));

    signups.resend(sent.challengeId(), "EMAIL", null, new Validation());

    assertThat(t.outbox.to("ig@example.com")).hasSize(1);
    assertThat(t.lastCode("ig@example.com")).matches("[0-9]{6}");
  }

  @Test
  void theOwnersEmailSignupForAnAddressOthersOnlyNamedGetsItsCodeAndOwnsTheAddress() {
    CodeSent squat =
        signups.start(
            new SignupCommand(
                "US", "own@example.com", PASSWORD, PASSWORD, true, "SMS", "+12025550190"),
            new Validation());
    String squatter = signups.verify(squat.challengeId(), t.lastCode("+12025550190")).accountId();

    CodeSent mine = signUp("own@example.com");
    OutboundMessage code = t.lastMessage("own@example.com");
    SignupCompleted done = signups.verify(mine.challengeId(), code.code());

    assertThat(code.code()).as("a code, not an already-exists notice").matches("[0-9]{6}");
    assertThat(t.outbox.to("own@example.com")).as("the code alone").hasSize(1);
    assertThat(t.table.accounts().find(done.accountId()).orElseThrow().emailVerified()).isTrue();
    EmailClaim claim = t.table.accounts().findClaim("own@example.com");
    assertThat(claim.ownerId()).isEqualTo(done.accountId());
    assertThat(claim.toRelease()).containsExactly(squatter);
  }
}
