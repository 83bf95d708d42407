package com.platform.accounts.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.card.PaymentMethod.PaymentMethodType;
import com.platform.accounts.core.card.PaymentMethodStatus;
import com.platform.accounts.core.event.DomainEvent;
import com.platform.accounts.core.memory.InMemoryOutbox;
import com.platform.accounts.core.messaging.OutboundMessage;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.signup.SignupCompleted;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.Channel;
import com.platform.accounts.core.verification.CodeSent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailReleaseTest {
  private static final String PASSWORD = "correct horse battery staple";
  private final TestLifecycle t = new TestLifecycle();

  /** A sign-up proven by SMS that named the address; its workflow's last step done. */
  private SignupCompleted phoneSignup(String email, String phone) {
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand("US", email, PASSWORD, PASSWORD, true, "SMS", phone),
                new Validation());
    SignupCompleted done = t.lifecycle.signups().verify(sent.challengeId(), t.lastCode(phone));
    t.lifecycle.verificationProcess().publishVerified(sent.challengeId());
    return done;
  }

  /** A sign-up proven by EMAIL; its workflow's last step done. */
  private SignupCompleted emailSignup(String email) {
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand("US", email, PASSWORD, PASSWORD, true, null, null),
                new Validation());
    SignupCompleted done = t.lifecycle.signups().verify(sent.challengeId(), t.lastCode(email));
    t.lifecycle.verificationProcess().publishVerified(sent.challengeId());
    return done;
  }

  private Account stored(String accountId) {
    return t.table.accounts().find(accountId).orElseThrow();
  }

  private PaymentMethod paypal(String accountId, PaymentMethodStatus status) {
    return new PaymentMethod(
        "pm_" + accountId,
        accountId,
        PaymentMethodType.PAYPAL,
        status,
        null,
        null,
        t.clock.instant(),
        0);
  }

  @Test
  void theOwnersSignupTakesTheAddressFromASquatterWhichIsToldAndClosed() {
    SignupCompleted squatter = phoneSignup("eve@example.com", "+12025550191");

    SignupCompleted owner = emailSignup("eve@example.com");

    Account closed = stored(squatter.accountId());
    assertThat(closed.status()).isEqualTo(AccountStatus.CLOSED);
    assertThat(closed.email()).isNull();
    assertThat(closed.emailVerified()).isFalse();
    assertThat(t.table.accounts().findClaim("eve@example.com"))
        .isEqualTo(new EmailClaim("eve@example.com", owner.accountId(), List.of(), 3));
    OutboundMessage told = t.lastMessage("+12025550191");
    assertThat(told.channel()).isEqualTo(Channel.SMS);
    assertThat(told.body()).contains(squatter.accountId()).contains("closed");
    assertThat(
            catchThrowableOfType(
                    Problem.class,
                    () -> t.lifecycle.authenticator().authenticate(squatter.session().token()))
                .code())
        .isEqualTo(ErrorCode.UNAUTHENTICATED);
    assertThat(t.events.all())
        .filteredOn(e -> e.accountId().equals(squatter.accountId()))
        .extracting(DomainEvent::type, DomainEvent::detail)
        .contains(tuple("AccountClosed", Map.of("reason", EmailRelease.EMAIL_PROVEN_ELSEWHERE)));
    List<InMemoryOutbox.Sent> mails = t.outbox.to("eve@example.com");
    assertThat(mails).as("the owner's code and welcome; nothing of the squatter's").hasSize(2);
    assertThat(mails.get(0).message().code()).isNotNull();
    assertThat(mails.get(1).message().subject()).isEqualTo("Welcome, your account is ready");
  }

  @Test
  void aSquatterWithAPaymentMethodKeepsItsAccountWithoutTheAddress() {
    SignupCompleted squatter = phoneSignup("fay@example.com", "+12025550192");
    t.table.paymentMethods().create(paypal(squatter.accountId(), PaymentMethodStatus.VERIFIED));

    emailSignup("fay@example.com");

    Account kept = stored(squatter.accountId());
    assertThat(kept.status()).isEqualTo(AccountStatus.ACTIVE);
    assertThat(kept.email()).isNull();
    assertThat(t.lastMessage("+12025550192").body())
        .contains(squatter.accountId())
        .contains("removed from yours");
    assertThat(t.lifecycle.authenticator().authenticate(squatter.session().token()).accountId())
        .isEqualTo(squatter.accountId());
  }

  @Test
  void anAccountPastTheCapProvingTheAddressByTheSecondVerificationTakesItFromTheNamer() {
    SignupCompleted namer = phoneSignup("gus@example.com", "+12025550193");
    SignupCompleted late = phoneSignup("gus@example.com", "+12025550194");
    assertThat(t.table.accounts().findClaim("gus@example.com").unproven())
        .as("the late sign-up is past the cap")
        .containsExactly(namer.accountId());
    Account account = stored(late.accountId());

    CodeSent sent = t.lifecycle.verifications().start(account, "EMAIL", null, new Validation());
    t.lifecycle.verifications().verify(account, sent.challengeId(), t.lastCode("gus@example.com"));
    t.lifecycle.verificationProcess().publishVerified(sent.challengeId());

    assertThat(t.table.accounts().findClaim("gus@example.com"))
        .isEqualTo(new EmailClaim("gus@example.com", late.accountId(), List.of(), 3));
    assertThat(stored(late.accountId()).status()).isEqualTo(AccountStatus.ACTIVE);
    assertThat(stored(late.accountId()).emailVerified()).isTrue();
    Account lost = stored(namer.accountId());
    assertThat(lost.status()).isEqualTo(AccountStatus.CLOSED);
    assertThat(lost.email()).isNull();
    assertThat(t.lastMessage("+12025550193").body()).contains(namer.accountId()).contains("closed");
    assertThat(t.lastMessage("gus@example.com").subject())
        .as("now proven, the mailbox hears about its account")
        .isEqualTo("Your email is verified");
  }

  @Test
  void theNamerProvingTheAddressByTheSecondVerificationOwnsItAndNobodyIsTold() {
    SignupCompleted namer = phoneSignup("ivy@example.com", "+12025550196");
    Account account = stored(namer.accountId());
    int texts = t.outbox.to("+12025550196").size();

    CodeSent sent = t.lifecycle.verifications().start(account, "EMAIL", null, new Validation());
    t.lifecycle.verifications().verify(account, sent.challengeId(), t.lastCode("ivy@example.com"));
    t.lifecycle.verificationProcess().publishVerified(sent.challengeId());

    assertThat(t.table.accounts().findClaim("ivy@example.com"))
        .isEqualTo(new EmailClaim("ivy@example.com", namer.accountId(), List.of(), 2));
    assertThat(stored(namer.accountId()).status()).isEqualTo(AccountStatus.ACTIVE);
    assertThat(t.outbox.to("+12025550196")).as("no loss to tell of").hasSize(texts);
  }

  @Test
  void aReleaseRunAgainTellsNobodyTwice() {
    phoneSignup("hal@example.com", "+12025550195");
    emailSignup("hal@example.com");
    List<InMemoryOutbox.Sent> before = t.outbox.all();

    new EmailRelease(t.table.accounts(), t.table.accountOverviews(), t.outbox, t.events, t.clock)
        .releaseUnproven("HAL@example.com", "sgn_retried");

    assertThat(t.outbox.all()).isEqualTo(before);
  }

  @Test
  void onlyAPaymentMethodVerifiedOrBeingVerifiedKeepsAnAccountOpen() {
    assertThat(EmailRelease.keepsSomethingElse(List.of())).isFalse();
    assertThat(
            EmailRelease.keepsSomethingElse(
                List.of(
                    paypal("acc_1", PaymentMethodStatus.FAILED),
                    paypal("acc_1", PaymentMethodStatus.REMOVED))))
        .isFalse();
    assertThat(
            EmailRelease.keepsSomethingElse(
                List.of(paypal("acc_1", PaymentMethodStatus.PENDING_VERIFICATION))))
        .isTrue();
    assertThat(
            EmailRelease.keepsSomethingElse(List.of(paypal("acc_1", PaymentMethodStatus.VERIFIED))))
        .isTrue();
  }
}
