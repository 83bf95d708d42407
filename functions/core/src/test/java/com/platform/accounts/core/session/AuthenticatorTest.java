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
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a signed-in request needs besides a well-signed token: the session must still hold. */
class AuthenticatorTest {
  private static final String PASSWORD = "correct horse battery staple";
  private final TestLifecycle t = new TestLifecycle();
  private final Authenticator authenticator = t.lifecycle.authenticator();
  private Account account;
  private String token;

  @BeforeEach
  void signUpAndSignIn() {
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand("US", "ana@example.com", PASSWORD, PASSWORD, true, null, null),
                new Validation());
    String id =
        t.lifecycle.signups().verify(sent.challengeId(), t.lastCode("ana@example.com")).accountId();
    account = t.table.accounts().find(id).orElseThrow();
    token = t.lifecycle.sessions().login("ana@example.com", PASSWORD).token();
  }

  private ErrorCode refusal(String bearer) {
    return catchThrowableOfType(Problem.class, () -> authenticator.authenticate(bearer)).code();
  }

  private Account withStatus(AccountStatus status) {
    return new Account(
        account.accountId(),
        account.email(),
        account.country(),
        account.phone(),
        account.passwordHash(),
        status,
        account.emailVerified(),
        account.phoneVerified(),
        account.termsVersion(),
        account.termsAcceptedAt(),
        account.sessionVersion(),
        account.createdAt(),
        account.version());
  }

  @Test
  void aValidTokenNamesItsAccountAndItsSessionVersion() {
    assertThat(authenticator.authenticate(token)).isEqualTo(account);
    assertThat(authenticator.claims(token))
        .isEqualTo(new SessionClaims(account.accountId(), account.sessionVersion()));
  }

  @Test
  void whatIsNotAValidTokenIsUnauthenticatedNeverAFailure() {
    for (String junk : new String[] {null, "", "garbage", token + "x"}) {
      assertThat(refusal(junk)).as("%s", junk).isEqualTo(ErrorCode.UNAUTHENTICATED);
      assertThat(catchThrowableOfType(Problem.class, () -> authenticator.claims(junk)).code())
          .isEqualTo(ErrorCode.UNAUTHENTICATED);
    }
  }

  @Test
  void aSessionOfAnEarlierSessionVersionHasEndedThoughItsTokenIsStillWellSigned() {
    t.table.accounts().update(account.withNextSessionVersion(), Optional.empty());

    assertThat(refusal(token)).isEqualTo(ErrorCode.UNAUTHENTICATED);
  }

  @Test
  void aSessionOfADeletedAccountHasEnded() {
    t.table.accounts().update(withStatus(AccountStatus.DELETED), Optional.empty());

    assertThat(refusal(token)).isEqualTo(ErrorCode.UNAUTHENTICATED);
  }

  @Test
  void theSessionIsJudgedOnTheAccountReadWithTheRestOfItsData() {
    SessionClaims claims = authenticator.claims(token);

    assertThat(Authenticator.current(claims, Optional.of(account))).isEqualTo(account);
    assertThat(
            catchThrowableOfType(
                    Problem.class, () -> Authenticator.current(claims, Optional.empty()))
                .code())
        .as("no such account")
        .isEqualTo(ErrorCode.UNAUTHENTICATED);
    assertThat(
            catchThrowableOfType(
                    Problem.class,
                    () ->
                        Authenticator.current(
                            claims, Optional.of(withStatus(AccountStatus.DELETED))))
                .code())
        .as("deleted")
        .isEqualTo(ErrorCode.UNAUTHENTICATED);
    assertThat(
            catchThrowableOfType(
                    Problem.class,
                    () ->
                        Authenticator.current(
                            claims, Optional.of(account.withNextSessionVersion())))
                .code())
        .as("signed out")
        .isEqualTo(ErrorCode.UNAUTHENTICATED);
  }
}
