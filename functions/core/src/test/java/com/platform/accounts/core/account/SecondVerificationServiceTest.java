package com.platform.accounts.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldError;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.Channel;
import com.platform.accounts.core.verification.CodeSent;
import org.junit.jupiter.api.Test;

class SecondVerificationServiceTest {
  private static final String PASSWORD = "correct horse battery staple";
  private final TestLifecycle t = new TestLifecycle();
  private final SecondVerificationService verifications = t.lifecycle.verifications();

  private Account signUp(String email, String channel, String phone) {
    CodeSent sent = t.lifecycle.signups().start(new SignupCommand("US", email, PASSWORD, PASSWORD,
        true, channel, phone), new Validation());
    String id = t.lifecycle.signups().verify(sent.challengeId(),
        t.lastCode(phone == null || "EMAIL".equals(channel) || channel == null ? email : phone))
        .accountId();
    return t.table.accounts().find(id).orElseThrow();
  }

  @Test
  void anEmailVerifiedAccountProvesAPhoneBySms() {
    Account account = signUp("ana@example.com", null, null);

    CodeSent sent = verifications.start(account, "SMS", "+12025550123", new Validation());
    VerifiedContacts contacts = verifications.verify(account, sent.challengeId(),
        t.lastCode("+12025550123"));

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
    VerifiedContacts contacts = verifications.verify(account, sent.challengeId(),
        t.lastCode("bo@example.com"));

    assertThat(contacts).isEqualTo(new VerifiedContacts(true, true));
  }

  @Test
  void theSignupChannelCannotBeVerifiedAgain() {
    Account account = signUp("cy@example.com", null, null);

    Problem p = catchThrowableOfType(Problem.class,
        () -> verifications.start(account, "EMAIL", null, new Validation()));

    assertThat(p.code()).isEqualTo(ErrorCode.CHANNEL_ALREADY_VERIFIED);
  }

  @Test
  void aPhoneOfAnotherCountryIsRefused() {
    Account account = signUp("di@example.com", null, null);

    Problem p = catchThrowableOfType(Problem.class,
        () -> verifications.start(account, "SMS", "+61412345678", new Validation()));

    assertThat(p.errors()).extracting(FieldError::code)
        .containsExactly(FieldErrorCode.PHONE_COUNTRY_MISMATCH);
  }

  @Test
  void anotherAccountsVerificationIsNotFound() {
    Account ana = signUp("ed@example.com", null, null);
    Account bo = signUp("fi@example.com", null, null);
    CodeSent sent = verifications.start(ana, "SMS", "+12025550125", new Validation());

    Problem p = catchThrowableOfType(Problem.class, () -> verifications.verify(bo,
        sent.challengeId(), t.lastCode("+12025550125")));

    assertThat(p.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(t.table.accounts().find(bo.accountId()).orElseThrow().phoneVerified()).isFalse();
  }
}
