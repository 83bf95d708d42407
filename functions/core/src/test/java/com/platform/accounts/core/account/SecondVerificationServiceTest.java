package com.platform.accounts.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldError;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.Channel;
import com.platform.accounts.core.verification.CodeSent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecondVerificationServiceTest {
  private static final String PASSWORD = "correct horse battery staple";
  private final TestLifecycle t = new TestLifecycle();
  private final SecondVerificationService verifications = t.lifecycle.verifications();

  private Account signUp(String email, String channel, String phone) {
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand("US", email, PASSWORD, PASSWORD, true, channel, phone),
                new Validation());
    String id =
        t.lifecycle
            .signups()
            .verify(
                sent.challengeId(),
                t.lastCode(
                    phone == null || "EMAIL".equals(channel) || channel == null ? email : phone))
            .accountId();
    return t.table.accounts().find(id).orElseThrow();
  }

  @Test
  void anEmailVerifiedAccountProvesAPhoneBySms() {
    Account account = signUp("ana@example.com", null, null);

    CodeSent sent = verifications.start(account, "SMS", "+12025550123", new Validation());
    VerifiedContacts contacts =
        verifications.verify(account, sent.challengeId(), t.lastCode("+12025550123"));

    assertThat(contacts).isEqualTo(new VerifiedContacts(true, true));
    Account stored = t.table.accounts().find(account.accountId()).orElseThrow();
    assertThat(stored.phone()).isEqualTo("+12025550123");
    assertThat(stored.phoneVerified()).isTrue();
    assertThat(t.workflows.started).contains(sent.challengeId());
  }

  @Test
  void aPhoneVerifiedAccountProvesItsEmail() {
    Account account = signUp("bo@example.com", "VOICE", "+12025550124");

    CodeSent sent = verifications.start(account, "EMAIL", null, new Validation());
    assertThat(sent.channel()).isEqualTo(Channel.EMAIL);
    VerifiedContacts contacts =
        verifications.verify(account, sent.challengeId(), t.lastCode("bo@example.com"));

    assertThat(contacts).isEqualTo(new VerifiedContacts(true, true));
  }

  @Test
  void theSignupChannelCannotBeVerifiedAgain() {
    Account account = signUp("cy@example.com", null, null);

    Problem p =
        catchThrowableOfType(
            Problem.class, () -> verifications.start(account, "EMAIL", null, new Validation()));

    assertThat(p.code()).isEqualTo(ErrorCode.CHANNEL_ALREADY_VERIFIED);
  }

  @Test
  void aPhoneOfAnotherCountryIsRefused() {
    Account account = signUp("di@example.com", null, null);

    Problem p =
        catchThrowableOfType(
            Problem.class,
            () -> verifications.start(account, "SMS", "+61412345678", new Validation()));

    assertThat(p.errors())
        .extracting(FieldError::code)
        .containsExactly(FieldErrorCode.PHONE_COUNTRY_MISMATCH);
  }

  @Test
  void anotherAccountsVerificationIsNotFound() {
    Account ana = signUp("ed@example.com", null, null);
    Account bo = signUp("fi@example.com", null, null);
    CodeSent sent = verifications.start(ana, "SMS", "+12025550125", new Validation());

    Problem p =
        catchThrowableOfType(
            Problem.class,
            () -> verifications.verify(bo, sent.challengeId(), t.lastCode("+12025550125")));

    assertThat(p.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(t.table.accounts().find(bo.accountId()).orElseThrow().phoneVerified()).isFalse();
  }

  @Test
  void aChannelMustBeChosenFromTheThree() {
    Account account = signUp("gu@example.com", null, null);

    Problem missing =
        catchThrowableOfType(
            Problem.class,
            () -> verifications.start(account, null, "+12025550126", new Validation()));
    Problem unknown =
        catchThrowableOfType(
            Problem.class,
            () -> verifications.start(account, "PIGEON", "+12025550126", new Validation()));

    assertThat(missing.errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("channel", FieldErrorCode.REQUIRED));
    assertThat(unknown.errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("channel", FieldErrorCode.INVALID_CHANNEL));
    assertThat(t.outbox.to("+12025550126")).isEmpty();
  }

  @Test
  void aChannelAlreadyRejectedByTheApiIsNotJudgedAgain() {
    Account account = signUp("ha@example.com", null, null);
    Validation validation =
        new Validation().reject("channel", FieldErrorCode.INVALID_TYPE, "Must be a string.");

    Problem p =
        catchThrowableOfType(
            Problem.class, () -> verifications.start(account, null, null, validation));

    assertThat(p.errors())
        .extracting(FieldError::code)
        .containsExactly(FieldErrorCode.INVALID_TYPE);
  }

  @Test
  void aPhoneIsNeededToProveAPhone() {
    Account account = signUp("io@example.com", null, null);

    Problem p =
        catchThrowableOfType(
            Problem.class, () -> verifications.start(account, "VOICE", null, new Validation()));

    assertThat(p.errors())
        .extracting(FieldError::field, FieldError::code, FieldError::message)
        .containsExactly(
            tuple("phone", FieldErrorCode.REQUIRED, "A phone number is needed for VOICE."));
  }

  @Test
  void aPhoneAlreadyRejectedByTheApiIsNotJudgedAgain() {
    Account account = signUp("ja@example.com", null, null);
    Validation validation =
        new Validation().reject("phone", FieldErrorCode.INVALID_TYPE, "Must be a string.");

    Problem p =
        catchThrowableOfType(
            Problem.class, () -> verifications.start(account, "SMS", null, validation));

    assertThat(p.errors())
        .extracting(FieldError::code)
        .containsExactly(FieldErrorCode.INVALID_TYPE);
  }

  @Test
  void anImpossibleNumberIsAnsweredWithTheFormsThatWork() {
    Account account = signUp("ka@example.com", null, null);

    Problem p =
        catchThrowableOfType(
            Problem.class, () -> verifications.start(account, "SMS", "202-555", new Validation()));

    assertThat(p.errors())
        .extracting(FieldError::code, FieldError::message)
        .containsExactly(
            tuple(
                FieldErrorCode.INVALID_PHONE,
                "Enter a valid phone number of the country, e.g. (201) 555-0123 or"
                    + " +12015550123."));
  }

  @Test
  void aPhoneOfAnotherCountryIsNamedAsSuch() {
    Account account = signUp("la@example.com", null, null);

    Problem p =
        catchThrowableOfType(
            Problem.class,
            () -> verifications.start(account, "SMS", "+61412345678", new Validation()));

    assertThat(p.errors())
        .extracting(FieldError::message)
        .containsExactly("The number does not belong to the account's country.");
  }

  @Test
  void aVerifiedPhoneIsNotProvenAgainEvenWithoutANumberGiven() {
    Account account = signUp("ma@example.com", "SMS", "+12025550127");

    Problem p =
        catchThrowableOfType(
            Problem.class, () -> verifications.start(account, "VOICE", null, new Validation()));

    assertThat(p.code()).isEqualTo(ErrorCode.CHANNEL_ALREADY_VERIFIED);
    assertThat(p.detail()).isEqualTo("This account's phone is verified already.");
  }

  @Test
  void aVerifiedEmailIsNamedWhenItIsAskedAgain() {
    Account account = signUp("na@example.com", null, null);

    Problem p =
        catchThrowableOfType(
            Problem.class, () -> verifications.start(account, "EMAIL", null, new Validation()));

    assertThat(p.detail()).isEqualTo("This account's email is verified already.");
  }

  @Test
  void theCodeIsSentToTheNumberAndTheCallerSeesItMasked() {
    Account account = signUp("oz@example.com", null, null);

    CodeSent sent = verifications.start(account, "SMS", "+12025550128", new Validation());

    assertThat(sent.challengeId()).startsWith("ver_");
    assertThat(sent.channel()).isEqualTo(Channel.SMS);
    assertThat(sent.destination()).isEqualTo("+1********28");
    assertThat(t.lastMessage("+12025550128").channel()).isEqualTo(Channel.SMS);
    assertThat(t.lastCode("+12025550128")).matches("[0-9]{6}");
  }

  @Test
  void aPhoneProvenByVoiceIsKeptAsTheAccountsPhone() {
    Account account = signUp("pe@example.com", null, null);
    CodeSent sent = verifications.start(account, "VOICE", "+12025550129", new Validation());

    verifications.verify(account, sent.challengeId(), t.lastCode("+12025550129"));

    Account stored = t.table.accounts().find(account.accountId()).orElseThrow();
    assertThat(stored.phone()).isEqualTo("+12025550129");
    assertThat(stored.phoneVerified()).isTrue();
    assertThat(stored.emailVerified()).isTrue();
  }

  @Test
  void aProvenEmailKeepsTheAccountsPhone() {
    Account account = signUp("qu@example.com", "SMS", "+12025550130");
    CodeSent sent = verifications.start(account, "EMAIL", null, new Validation());

    verifications.verify(account, sent.challengeId(), t.lastCode("qu@example.com"));

    Account stored = t.table.accounts().find(account.accountId()).orElseThrow();
    assertThat(stored.emailVerified()).isTrue();
    assertThat(stored.phone()).isEqualTo("+12025550130");
  }

  @Test
  void theAfterWorkStartsWhenTheSecondContactIsProvenAndNotBefore() {
    Account account = signUp("ra@example.com", null, null);
    CodeSent sent = verifications.start(account, "SMS", "+12025550131", new Validation());
    assertThat(t.workflows.started).doesNotContain(sent.challengeId());

    verifications.verify(account, sent.challengeId(), t.lastCode("+12025550131"));

    assertThat(t.workflows.started).containsOnlyOnce(sent.challengeId());
  }

  @Test
  void aThrottledStartOfTheAfterWorkIs503AndTheRetriedProofProvesThePhoneOnce() {
    Account account = signUp("ri@example.com", null, null);
    CodeSent sent = verifications.start(account, "SMS", "+12025550133", new Validation());
    String code = t.lastCode("+12025550133");
    t.workflows.refuseNextStarts(1);

    Problem refused =
        catchThrowableOfType(
            Problem.class, () -> verifications.verify(account, sent.challengeId(), code));

    assertThat(refused.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    assertThat(refused.retryAfterSeconds()).isPositive();
    assertThat(t.table.accounts().find(account.accountId()).orElseThrow().phoneVerified())
        .as("nothing written")
        .isFalse();
    assertThat(verifications.verify(account, sent.challengeId(), code))
        .isEqualTo(new VerifiedContacts(true, true));
    assertThat(t.workflows.started).containsOnlyOnce(sent.challengeId());
    assertThat(t.outbox.to("+12025550133")).as("one code sent").hasSize(1);
  }

  @Test
  void aWrongCodeCountsDownAndLeavesTheAccountAsItWas() {
    Account account = signUp("sa@example.com", null, null);
    CodeSent sent = verifications.start(account, "SMS", "+12025550132", new Validation());
    String right = t.lastCode("+12025550132");

    Problem p =
        catchThrowableOfType(
            Problem.class,
            () ->
                verifications.verify(
                    account, sent.challengeId(), right.equals("000000") ? "111111" : "000000"));

    assertThat(p.code()).isEqualTo(ErrorCode.INVALID_CODE);
    assertThat(p.extensions()).containsEntry("attemptsRemaining", 4);
    assertThat(t.table.accounts().find(account.accountId()).orElseThrow().phoneVerified())
        .isFalse();
  }

  @Test
  void theFifthWrongCodeIsTheEndOfTheCodeAndTheRightOneNoLongerProvesThePhone() {
    Account account = signUp("sf@example.com", null, null);
    CodeSent sent = verifications.start(account, "SMS", "+12025550133", new Validation());
    String right = t.lastCode("+12025550133");
    String wrong = right.equals("000000") ? "111111" : "000000";
    List<ErrorCode> answers = new ArrayList<>();

    for (int i = 0; i < 6; i++) {
      String guess = i < 5 ? wrong : right;
      answers.add(
          catchThrowableOfType(
                  Problem.class, () -> verifications.verify(account, sent.challengeId(), guess))
              .code());
    }

    assertThat(answers)
        .containsExactly(
            ErrorCode.INVALID_CODE,
            ErrorCode.INVALID_CODE,
            ErrorCode.INVALID_CODE,
            ErrorCode.INVALID_CODE,
            ErrorCode.CODE_EXPIRED,
            ErrorCode.CODE_EXPIRED);
    assertThat(t.table.accounts().find(account.accountId()).orElseThrow().phoneVerified())
        .isFalse();
  }

  @Test
  void aNationalNumberIsReadWithTheAccountsCountryAndKeptInE164() {
    Account account = signUp("sn@example.com", null, null);

    CodeSent sent = verifications.start(account, "SMS", "(202) 555-0134", new Validation());

    assertThat(t.outbox.to("+12025550134")).hasSize(1);
    verifications.verify(account, sent.challengeId(), t.lastCode("+12025550134"));
    assertThat(t.table.accounts().find(account.accountId()).orElseThrow().phone())
        .isEqualTo("+12025550134");
  }

  @Test
  void aSignupCannotBeCompletedAsASecondVerification() {
    CodeSent signup =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand("US", "ta@example.com", PASSWORD, PASSWORD, true, null, null),
                new Validation());
    Account other = signUp("ub@example.com", null, null);

    Problem p =
        catchThrowableOfType(
            Problem.class,
            () -> verifications.verify(other, signup.challengeId(), t.lastCode("ta@example.com")));

    assertThat(p.code()).isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void anAccountClosedMeanwhileCannotProveAContact() {
    Account account = signUp("va@example.com", null, null);
    CodeSent sent = verifications.start(account, "SMS", "+12025550133", new Validation());
    Account stored = t.table.accounts().find(account.accountId()).orElseThrow();
    t.table
        .accounts()
        .update(
            new Account(
                stored.accountId(),
                stored.email(),
                stored.country(),
                stored.phone(),
                stored.passwordHash(),
                AccountStatus.DELETED,
                stored.emailVerified(),
                stored.phoneVerified(),
                stored.termsVersion(),
                stored.termsAcceptedAt(),
                stored.sessionVersion(),
                stored.createdAt(),
                stored.version()),
            Optional.empty());

    Problem p =
        catchThrowableOfType(
            Problem.class,
            () -> verifications.verify(account, sent.challengeId(), t.lastCode("+12025550133")));

    assertThat(p.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
  }

  @Test
  void aNumberGetsAtMostFiveCodesAnHourWhoeverAsks() {
    Account account = signUp("wa@example.com", null, null);
    for (int i = 0; i < 5; i++) {
      verifications.start(account, i % 2 == 0 ? "SMS" : "VOICE", "+12025550134", new Validation());
    }

    Problem p =
        catchThrowableOfType(
            Problem.class,
            () -> verifications.start(account, "SMS", "+12025550134", new Validation()));

    assertThat(p.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(t.outbox.to("+12025550134")).hasSize(5);
  }

  @Test
  void aPhoneVerifiedAccountProvingItsEmailClaimsTheAddress() {
    Account account = signUp("cid@example.com", "SMS", "+12025550141");
    assertThat(t.table.accounts().findClaim("cid@example.com").unproven())
        .containsExactly(account.accountId());

    CodeSent sent = verifications.start(account, "EMAIL", null, new Validation());
    verifications.verify(account, sent.challengeId(), t.lastCode("cid@example.com"));

    EmailClaim claim = t.table.accounts().findClaim("cid@example.com");
    assertThat(claim.ownerId()).isEqualTo(account.accountId());
    assertThat(claim.unproven()).isEmpty();
  }

  @Test
  void anEmailAnotherAccountProvedGetsTheCodeButProvingItIsRefusedToTheMailboxHolder() {
    Account owner = signUp("dee@example.com", null, null);
    Account named = signUp("dee@example.com", "SMS", "+12025550142");

    CodeSent sent = verifications.start(named, "EMAIL", null, new Validation());
    assertThat(sent.destination()).isEqualTo("d***@example.com");
    String code = t.lastCode("dee@example.com");
    assertThat(code).as("a code, like for any address").matches("[0-9]{6}");
    Problem refused =
        catchThrowableOfType(
            Problem.class, () -> verifications.verify(named, sent.challengeId(), code));

    assertThat(refused.code()).isEqualTo(ErrorCode.ACCOUNT_ALREADY_EXISTS);
    assertThat(t.table.accounts().find(named.accountId()).orElseThrow().emailVerified()).isFalse();
    assertThat(t.table.accounts().findClaim("dee@example.com").ownerId())
        .isEqualTo(owner.accountId());
  }

  @Test
  void aCodeSentBeforeAnotherAccountProvedTheAddressCannotTakeItFromThatAccount() {
    Account named = signUp("eli@example.com", "SMS", "+12025550143");
    CodeSent sent = verifications.start(named, "EMAIL", null, new Validation());
    String code = t.lastCode("eli@example.com");
    Account owner = signUp("eli@example.com", null, null);

    Problem refused =
        catchThrowableOfType(
            Problem.class, () -> verifications.verify(named, sent.challengeId(), code));

    assertThat(refused.code()).isEqualTo(ErrorCode.ACCOUNT_ALREADY_EXISTS);
    assertThat(t.table.accounts().findClaim("eli@example.com").ownerId())
        .isEqualTo(owner.accountId());
  }

  @Test
  void anAccountThatLostItsEmailHasNoEmailToVerify() {
    Account named = signUp("flo@example.com", "SMS", "+12025550144");
    t.table.accounts().updateReleasingEmail(named.withoutEmail(), "flo@example.com");
    Account released = t.table.accounts().find(named.accountId()).orElseThrow();

    Problem refused =
        catchThrowableOfType(
            Problem.class, () -> verifications.start(released, "EMAIL", null, new Validation()));

    assertThat(refused.errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("channel", FieldErrorCode.INVALID_CHANNEL));
    assertThat(t.outbox.to("flo@example.com")).isEmpty();
  }
}
