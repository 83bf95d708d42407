package com.platform.accounts.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.AccountStatus;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.CodeSent;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionServiceTest {
  private static final String PASSWORD = "correct horse battery staple";
  private final TestLifecycle t = new TestLifecycle();
  private final SessionService sessions = t.lifecycle.sessions();
  private final Authenticator authenticator = t.lifecycle.authenticator();
  private String accountId;

  @BeforeEach
  void signUp() {
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand("US", "ana@example.com", PASSWORD, PASSWORD, true, null, null),
                new Validation());
    accountId =
        t.lifecycle.signups().verify(sent.challengeId(), t.lastCode("ana@example.com")).accountId();
  }

  @Test
  void theRightPasswordOpensASessionForTwelveHours() {
    SessionToken token = sessions.login("ANA@example.com", PASSWORD);

    assertThat(token.expiresAt()).isEqualTo(t.clock.instant().plus(Duration.ofHours(12)));
    assertThat(authenticator.authenticate(token.token()).accountId()).isEqualTo(accountId);
  }

  @Test
  void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
    Problem wrong =
        catchThrowableOfType(
            Problem.class, () -> sessions.login("ana@example.com", "not the password"));
    Problem unknown =
        catchThrowableOfType(Problem.class, () -> sessions.login("who@example.com", PASSWORD));

    assertThat(wrong.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
    assertThat(unknown.code()).isEqualTo(wrong.code());
    assertThat(unknown.detail()).isEqualTo(wrong.detail());
  }

  @Test
  void logoutEndsEverySessionOfTheAccount() {
    SessionToken one = sessions.login("ana@example.com", PASSWORD);
    SessionToken two = sessions.login("ana@example.com", PASSWORD);
    Account account = authenticator.authenticate(one.token());

    sessions.logout(account);

    assertThat(
            catchThrowableOfType(Problem.class, () -> authenticator.authenticate(one.token()))
                .code())
        .isEqualTo(ErrorCode.UNAUTHENTICATED);
    assertThat(
            catchThrowableOfType(Problem.class, () -> authenticator.authenticate(two.token()))
                .code())
        .isEqualTo(ErrorCode.UNAUTHENTICATED);
    assertThat(
            authenticator
                .authenticate(sessions.login("ana@example.com", PASSWORD).token())
                .accountId())
        .isEqualTo(accountId);
  }

  @Test
  void anExpiredTokenIsRefused() {
    SessionToken token = sessions.login("ana@example.com", PASSWORD);
    t.clock.advanceBy(Duration.ofHours(12));

    assertThat(
            catchThrowableOfType(Problem.class, () -> authenticator.authenticate(token.token()))
                .code())
        .isEqualTo(ErrorCode.UNAUTHENTICATED);
  }

  @Test
  void aTamperedOrForeignTokenIsRefused() {
    String token = sessions.login("ana@example.com", PASSWORD).token();
    String tampered = token.substring(0, token.length() - 4) + "AAAA";
    TestLifecycle other = new TestLifecycle();

    assertThat(catchThrowableOfType(Problem.class, () -> authenticator.authenticate(tampered)))
        .isNotNull();
    assertThat(
            catchThrowableOfType(
                Problem.class, () -> other.lifecycle.authenticator().authenticate(token)))
        .isNotNull();
    assertThat(catchThrowableOfType(Problem.class, () -> authenticator.authenticate("garbage")))
        .isNotNull();
  }

  @Test
  void loginsPerEmailAreRateLimited() {
    for (int i = 0; i < 10; i++) {
      catchThrowableOfType(Problem.class, () -> sessions.login("ana@example.com", "wrong guess"));
    }
    Problem limited =
        catchThrowableOfType(Problem.class, () -> sessions.login("ana@example.com", PASSWORD));

    assertThat(limited.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(limited.retryAfterSeconds()).isPositive();
  }

  @Test
  void aMissingPasswordIsWrongCredentialsNotAFailure() {
    Problem p = catchThrowableOfType(Problem.class, () -> sessions.login("ana@example.com", null));

    assertThat(p.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
  }

  @Test
  void somethingThatIsNotAnEmailIsWrongCredentialsAndStillRateLimited() {
    for (int i = 0; i < 10; i++) {
      assertThat(
              catchThrowableOfType(Problem.class, () -> sessions.login("not an email", PASSWORD))
                  .code())
          .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
    }

    assertThat(
            catchThrowableOfType(Problem.class, () -> sessions.login("not an email", PASSWORD))
                .code())
        .isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(sessions.login("ana@example.com", PASSWORD).token()).isNotBlank();
  }

  @Test
  void aDeletedAccountCannotSignIn() {
    Account stored = t.table.accounts().find(accountId).orElseThrow();
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

    assertThat(
            catchThrowableOfType(Problem.class, () -> sessions.login("ana@example.com", PASSWORD))
                .code())
        .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
  }

  @Test
  void aPrintedSessionTokenShowsOnlyItsExpiry() {
    SessionToken token = sessions.login("ana@example.com", PASSWORD);

    assertThat(token.toString())
        .isEqualTo("SessionToken[expiresAt=" + token.expiresAt() + "]")
        .doesNotContain(token.token());
  }

  /** A sign-up proven by SMS that names the address with its own password. */
  private String phoneSignup(String email, String password, String phone) {
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand("US", email, password, password, true, "SMS", phone),
                new Validation());
    return t.lifecycle.signups().verify(sent.challengeId(), t.lastCode(phone)).accountId();
  }

  private String signedInTo(String email, String password) {
    return authenticator.authenticate(sessions.login(email, password).token()).accountId();
  }

  private ErrorCode refused(String email, String password) {
    return catchThrowableOfType(Problem.class, () -> sessions.login(email, password)).code();
  }

  @Test
  void whileNobodyProvedAnAddressTheAccountThatNamedItSignsInWithItsOwnPassword() {
    String namer = phoneSignup("zed@example.com", "first passphrase 11", "+12025550131");

    assertThat(signedInTo("Zed@example.com", "first passphrase 11")).isEqualTo(namer);
    assertThat(refused("zed@example.com", "third passphrase 33"))
        .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
  }

  @Test
  void anAccountPastTheCapIsReachedBySignInOnlyOnceItProvesTheAddressAndThenAlone() {
    String namer = phoneSignup("zoe@example.com", "first passphrase 11", "+12025550135");
    String late = phoneSignup("ZOE@example.com", "second passphrase 22", "+12025550136");
    assertThat(refused("zoe@example.com", "second passphrase 22"))
        .as("not before it proves the address")
        .isEqualTo(ErrorCode.INVALID_CREDENTIALS);

    Account account = t.table.accounts().find(late).orElseThrow();
    CodeSent sent = t.lifecycle.verifications().start(account, "EMAIL", null, new Validation());
    t.lifecycle.verifications().verify(account, sent.challengeId(), t.lastCode("zoe@example.com"));

    assertThat(signedInTo("zoe@example.com", "second passphrase 22")).isEqualTo(late);
    assertThat(refused("zoe@example.com", "first passphrase 11"))
        .as("the namer, even before the workflow takes the address from it")
        .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
    assertThat(t.table.accounts().findClaim("zoe@example.com").toRelease()).containsExactly(namer);
  }

  @Test
  void onceAnAccountProvedTheAddressSignInReachesItAloneAndNotTheAccountsThatOnlyNamedIt() {
    phoneSignup("yan@example.com", "squatter passphrase", "+12025550133");
    CodeSent owner =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand("US", "yan@example.com", PASSWORD, PASSWORD, true, null, null),
                new Validation());
    String ownerId =
        t.lifecycle
            .signups()
            .verify(owner.challengeId(), t.lastCode("yan@example.com"))
            .accountId();

    assertThat(signedInTo("yan@example.com", PASSWORD)).isEqualTo(ownerId);
    assertThat(refused("yan@example.com", "squatter passphrase"))
        .as("even before the workflow takes the address from it")
        .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
  }

  @Test
  void anAccountNamingAnAddressAnotherAccountProvedIsNotReachedBySignInByIt() {
    phoneSignup("ana@example.com", "late passphrase 44", "+12025550134");

    assertThat(refused("ana@example.com", "late passphrase 44"))
        .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
    assertThat(signedInTo("ana@example.com", PASSWORD)).isEqualTo(accountId);
  }
}
