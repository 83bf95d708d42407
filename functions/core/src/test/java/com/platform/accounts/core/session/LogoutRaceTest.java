package com.platform.accounts.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.CodeSent;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Logout when the account changed between the request's read and its write. */
class LogoutRaceTest {
  private static final String PASSWORD = "correct horse battery staple";
  private final TestLifecycle t = new TestLifecycle();
  private final SessionService sessions = t.lifecycle.sessions();
  private SessionToken token;
  private Account readByTheRequest;

  @BeforeEach
  void signUpAndSignIn() {
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand("US", "ana@example.com", PASSWORD, PASSWORD, true, null, null),
                new Validation());
    t.lifecycle.signups().verify(sent.challengeId(), t.lastCode("ana@example.com"));
    token = sessions.login("ana@example.com", PASSWORD);
    readByTheRequest = t.lifecycle.authenticator().authenticate(token.token());
  }

  @Test
  void anotherWriteInBetweenStillEndsTheSessions() {
    t.table.accounts().update(readByTheRequest.withVerifiedPhone("+14155550100"), Optional.empty());

    sessions.logout(readByTheRequest);

    assertThat(stored().sessionVersion()).isEqualTo(readByTheRequest.sessionVersion() + 1);
    assertThat(stored().phoneVerified()).as("the other write is kept").isTrue();
    assertThat(
            catchThrowableOfType(
                    Problem.class, () -> t.lifecycle.authenticator().authenticate(token.token()))
                .code())
        .isEqualTo(ErrorCode.UNAUTHENTICATED);
  }

  @Test
  void aLogoutThatLostToAnotherLogoutEndsNothingMore() {
    sessions.logout(t.lifecycle.authenticator().authenticate(token.token()));

    sessions.logout(readByTheRequest);

    assertThat(stored().sessionVersion()).isEqualTo(readByTheRequest.sessionVersion() + 1);
  }

  private Account stored() {
    return t.table.accounts().find(readByTheRequest.accountId()).orElseThrow();
  }
}
