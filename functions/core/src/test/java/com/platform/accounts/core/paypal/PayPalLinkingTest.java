package com.platform.accounts.core.paypal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.card.Capabilities;
import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.card.PaymentMethodStatus;
import com.platform.accounts.core.memory.SandboxPayPal;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayPalLinkingTest extends PayPalTestSupport {

  @Test
  void aVerifiedPayerWhoApprovesLinksPayPalForPrepaidOnly() {
    Account ana = account();
    LinkStarted started = start(ana);
    assertThat(started.paymentMethod().status()).isEqualTo(PaymentMethodStatus.PENDING_APPROVAL);
    assertThat(started.approvalUrl()).startsWith(SandboxPayPal.APPROVAL_PAGE + "?token=");

    ReturnOutcome outcome = returnWith(approve(started, true));

    String id = started.paymentMethod().paymentMethodId();
    assertThat(outcome.status()).isEqualTo(PaymentMethodStatus.ACTIVE);
    assertThat(PayPalLinking.redirect(outcome))
        .isEqualTo(RETURN_URL + "?paymentMethodId=" + id + "&status=ACTIVE");
    PaymentMethod linked = stored(ana.accountId(), id);
    assertThat(linked.paypal().paymentTokenId()).isNotNull();
    assertThat(linked.paypal().payerEmail()).isEqualTo("payer@paypal.example");
    assertThat(paypal.holds(linked.paypal().paymentTokenId())).isTrue();
    assertThat(t.workflows.payPalLinkings).containsExactly(id);
    assertThat(Capabilities.of(t.table.paymentMethods().list(ana.accountId())))
        .isEqualTo(new Capabilities(true, false));
  }

  @Test
  void theOwnerIsToldOnceThatPayPalIsLinked() {
    Account ana = account();
    LinkStarted started = start(ana);
    returnWith(approve(started, true));
    String id = started.paymentMethod().paymentMethodId();

    linking.notifyOwner(ana.accountId(), id);
    linking.notifyOwner(ana.accountId(), id);

    assertThat(t.outbox.to(ana.email()).stream().map(s -> s.message().subject()))
        .containsOnlyOnce("PayPal is linked to your account");
    assertThat(t.events.all().stream().filter(e -> e.type().equals("PaymentMethodVerified")))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).containsEntry("type", "PAYPAL"));
  }

  @Test
  void anUnverifiedPayerFailsAndLeavesNoAgreementAtPayPal() {
    Account ana = account();
    LinkStarted started = start(ana);

    ReturnOutcome outcome = returnWith(approve(started, false));

    assertThat(outcome.status()).isEqualTo(PaymentMethodStatus.FAILED);
    assertThat(outcome.code()).isEqualTo("PAYPAL_ACCOUNT_UNVERIFIED");
    assertThat(PayPalLinking.redirect(outcome))
        .endsWith("&status=FAILED&code=PAYPAL_ACCOUNT_UNVERIFIED");
    assertThat(paypal.paymentTokenCount()).isZero();
    assertThat(paypal.deletedTokens()).hasSize(1);
    linking.notifyOwner(ana.accountId(), outcome.paymentMethodId());
    assertThat(t.lastMessage(ana.email()).subject()).isEqualTo("PayPal could not be linked");
    assertThat(Capabilities.of(t.table.paymentMethods().list(ana.accountId())).prepaid()).isFalse();
  }

  @Test
  void aCancelAtPayPalGoesBackToTheCancelPageAndHidesTheAttempt() {
    Account ana = account();
    LinkStarted started = start(ana);

    ReturnOutcome outcome = returnWith(cancel(started));

    assertThat(outcome.status()).isEqualTo(PaymentMethodStatus.CANCELLED);
    assertThat(PayPalLinking.redirect(outcome)).startsWith(CANCEL_URL + "?paymentMethodId=");
    assertThat(t.lifecycle.accountPaymentMethods().list(ana.accountId())).isEmpty();
    assertThat(t.workflows.payPalLinkings).isEmpty();
  }

  @Test
  void linkingNeedsBothContactsProvenAndAsksPayPalForNothingOtherwise() {
    Account emailOnly = emailOnlyAccount();

    assertThat(problemOf(() -> start(emailOnly)).code())
        .isEqualTo(ErrorCode.CONTACT_VERIFICATION_REQUIRED);
    assertThat(t.table.paymentMethods().list(emailOnly.accountId())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example.com/billing",
        "javascript:alert(1)",
        "//evil.example.com/billing",
        "https://console.example.com@evil.example.com/",
        "https://user:pw@console.example.com/billing",
        "http://console.example.com/billing",
        "https://console.example.com:8443/billing",
        "https:\\\\evil.example.com",
        "/billing",
        "https://console.example.com.evil.example.com/"
      })
  void aReturnUrlOffTheFrontendOriginIsRefusedAndNothingIsCreated(String url) {
    Account ana = account();

    var problem = problemOf(() -> linking.start(ana, url, CANCEL_URL, SERVICE_RETURN));
    var cancelProblem = problemOf(() -> linking.start(ana, RETURN_URL, url, SERVICE_RETURN));

    assertThat(problem.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(problem.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("returnUrl");
              assertThat(e.code()).isEqualTo(FieldErrorCode.URL_NOT_ALLOWED);
            });
    assertThat(cancelProblem.errors()).singleElement().extracting("field").isEqualTo("cancelUrl");
    assertThat(t.table.paymentMethods().list(ana.accountId())).isEmpty();
  }

  @Test
  void theFrontendOriginMatchesWithItsDefaultPortAndAnyPathQueryOrFragment() {
    FrontendOrigins origins = new FrontendOrigins(List.of("https://Console.example.com"));

    assertThat(origins.allows("https://console.example.com:443/a/b?x=1#top")).isTrue();
    assertThat(origins.allows("HTTPS://CONSOLE.EXAMPLE.COM/")).isTrue();
    assertThat(origins.allows("https://console.example.com/a b")).isFalse();
  }

  @Test
  void theRedirectKeepsTheFrontendPagesQueryAndFragment() {
    ReturnOutcome outcome =
        new ReturnOutcome(
            "pm_1", PaymentMethodStatus.ACTIVE, null, "https://console.example.com/p?tab=2#done");

    assertThat(PayPalLinking.redirect(outcome))
        .isEqualTo("https://console.example.com/p?tab=2&paymentMethodId=pm_1&status=ACTIVE#done");
  }

  @Test
  void aReplayedReturnIsAnInvalidStateAndChangesNothing() {
    Account ana = account();
    LinkStarted started = start(ana);
    Back back = approve(started, true);
    returnWith(back);
    PaymentMethod before = stored(ana.accountId(), started.paymentMethod().paymentMethodId());

    assertThat(problemOf(() -> returnWith(back)).code()).isEqualTo(ErrorCode.INVALID_STATE);
    assertThat(stored(ana.accountId(), before.paymentMethodId())).isEqualTo(before);
    assertThat(paypal.paymentTokenCalls()).isEqualTo(1);
  }

  @Test
  void aForgedStateIsAnInvalidState() {
    Account ana = account();
    LinkStarted started = start(ana);
    Back back = approve(started, true);

    for (String forged :
        new String[] {
          "A".repeat(43), back.state().substring(1) + "A", "", null, back.state() + "A", "../../x"
        }) {
      assertThat(problemOf(() -> returnWith(new Back(back.token(), forged, false))).code())
          .as(forged)
          .isEqualTo(ErrorCode.INVALID_STATE);
    }
    assertThat(stored(ana.accountId(), started.paymentMethod().paymentMethodId()).status())
        .isEqualTo(PaymentMethodStatus.PENDING_APPROVAL);
  }

  @Test
  void aStateAfterItsThreeHoursIsAnInvalidState() {
    Account ana = account();
    LinkStarted started = start(ana);
    Back back = approve(started, true);
    t.clock.advanceBy(PayPalLink.APPROVAL_WINDOW);

    assertThat(problemOf(() -> returnWith(back)).code()).isEqualTo(ErrorCode.INVALID_STATE);
    assertThat(paypal.paymentTokenCalls()).isZero();
  }

  @Test
  void aTokenOfAnotherAttemptOrAnotherAccountIsAnInvalidState() {
    Account ana = account();
    Account bob = account();
    LinkStarted anas = start(ana);
    LinkStarted bobs = start(bob);
    Back anaBack = approve(anas, true);
    Back bobBack = approve(bobs, true);

    assertThat(
            problemOf(() -> returnWith(new Back(bobBack.token(), anaBack.state(), false))).code())
        .isEqualTo(ErrorCode.INVALID_STATE);
    assertThat(
            problemOf(() -> returnWith(new Back(anaBack.token(), bobBack.state(), false))).code())
        .isEqualTo(ErrorCode.INVALID_STATE);
    assertThat(paypal.paymentTokenCalls()).isZero();
    // both attempts still work with their own token
    assertThat(returnWith(anaBack).status()).isEqualTo(PaymentMethodStatus.ACTIVE);
    assertThat(returnWith(bobBack).status()).isEqualTo(PaymentMethodStatus.ACTIVE);
  }

  @Test
  void twoReturnsAtOnceCompleteTheLinkOnce() throws Exception {
    Account ana = account();
    LinkStarted started = start(ana);
    Back back = approve(started, true);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Object>> results = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Callable<Object> task =
            () -> {
              go.await();
              try {
                return returnWith(back);
              } catch (Problem p) {
                return p.code();
              }
            };
        results.add(pool.submit(task));
      }
      go.countDown();
      List<Object> answers = new ArrayList<>();
      for (Future<Object> f : results) {
        answers.add(f.get());
      }
      assertThat(answers.stream().filter(ReturnOutcome.class::isInstance)).hasSize(1);
      assertThat(answers).contains(ErrorCode.INVALID_STATE);
    } finally {
      pool.shutdownNow();
    }
    assertThat(paypal.paymentTokenCount()).isEqualTo(1);
    assertThat(t.workflows.payPalLinkings)
        .hasSizeBetween(1, 2)
        .containsOnly(started.paymentMethod().paymentMethodId());
  }

  @Test
  void payPalDownDuringTheReturnLeavesTheLinkPendingForTheWorkflowWithTheSameRequestId() {
    Account ana = account();
    LinkStarted started = start(ana);
    Back back = approve(started, true);
    paypal.failNext(SandboxPayPal.Fault.UNAVAILABLE_BEFORE);

    ReturnOutcome outcome = returnWith(back);

    assertThat(outcome.status()).isEqualTo(PaymentMethodStatus.PENDING_APPROVAL);
    assertThat(PayPalLinking.redirect(outcome)).endsWith("&status=PENDING_APPROVAL");
    assertThat(t.lifecycle.telemetry().counted(PayPalLinking.COMPLETION_DEFERRED)).isEqualTo(1);
    String id = started.paymentMethod().paymentMethodId();
    assertThat(linking.complete(ana.accountId(), id)).isEqualTo(PaymentMethodStatus.ACTIVE);
    assertThat(paypal.paymentTokenCount()).isEqualTo(1);
  }

  @Test
  void aPaymentTokenWhoseAnswerWasLostIsFoundAgainByItsRequestIdNeverMadeTwice() {
    Account ana = account();
    LinkStarted started = start(ana);
    Back back = approve(started, true);
    paypal.failNext(SandboxPayPal.Fault.LOST_RESPONSE_AFTER);

    assertThat(returnWith(back).status()).isEqualTo(PaymentMethodStatus.PENDING_APPROVAL);
    assertThat(paypal.paymentTokenCount()).isEqualTo(1);
    String id = started.paymentMethod().paymentMethodId();
    linking.complete(ana.accountId(), id);

    assertThat(paypal.paymentTokenCount()).isEqualTo(1);
    assertThat(paypal.holds(stored(ana.accountId(), id).paypal().paymentTokenId())).isTrue();
  }

  @Test
  void aCompletionBeforeTheReturnIsRecordedWaitsAndDoesNothing() {
    Account ana = account();
    LinkStarted started = start(ana);
    approve(started, true);

    String id = started.paymentMethod().paymentMethodId();
    assertThatThrownBy(() -> linking.complete(ana.accountId(), id))
        .isInstanceOf(NotReturnedException.class);
    assertThat(paypal.paymentTokenCalls()).isZero();
  }

  @Test
  void payPalDownWhenStartingIsAServiceUnavailableAndRecordsNothing() {
    Account ana = account();
    paypal.failNext(SandboxPayPal.Fault.UNAVAILABLE_BEFORE);

    var problem = problemOf(() -> start(ana));

    assertThat(problem.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    assertThat(problem.retryAfterSeconds()).isPositive();
    assertThat(t.table.paymentMethods().list(ana.accountId())).isEmpty();
  }

  @Test
  void linkingAgainWhileActiveIsRefusedAndWhilePendingReplacesTheAttempt() {
    Account ana = account();
    LinkStarted first = start(ana);
    LinkStarted second = start(ana);

    assertThat(stored(ana.accountId(), first.paymentMethod().paymentMethodId()).status())
        .isEqualTo(PaymentMethodStatus.CANCELLED);
    assertThat(problemOf(() -> returnWith(approve(first, true))).code())
        .isEqualTo(ErrorCode.INVALID_STATE);
    returnWith(approve(second, true));

    assertThat(problemOf(() -> start(ana)).code()).isEqualTo(ErrorCode.PAYPAL_ALREADY_LINKED);
    assertThat(
            t.lifecycle.accountPaymentMethods().list(ana.accountId()).stream()
                .map(PaymentMethod::status))
        .containsExactly(PaymentMethodStatus.ACTIVE);
  }

  @Test
  void anAttemptNobodyCameBackToFailsAfterThreeHoursThroughTheSweep() {
    Account ana = account();
    LinkStarted started = start(ana);
    String id = started.paymentMethod().paymentMethodId();

    t.clock.advanceBy(PayPalLink.APPROVAL_WINDOW.minus(Duration.ofMinutes(1)));
    sweep();
    assertThat(stored(ana.accountId(), id).status())
        .isEqualTo(PaymentMethodStatus.PENDING_APPROVAL);

    t.clock.advanceBy(Duration.ofMinutes(1));
    assertThat(sweep().finished()).isEqualTo(1);
    PaymentMethod failed = stored(ana.accountId(), id);
    assertThat(failed.status()).isEqualTo(PaymentMethodStatus.FAILED);
    assertThat(failed.paypal().failureCode()).isEqualTo("PAYPAL_APPROVAL_EXPIRED");
    assertThat(failed.dueAt()).isEmpty();
    // the account may link again
    assertThat(start(ana).paymentMethod().status()).isEqualTo(PaymentMethodStatus.PENDING_APPROVAL);
  }

  @Test
  void aReturnedLinkPayPalCouldNotCompleteIsCompletedByTheSweepAndTheOwnerTold() {
    Account ana = account();
    LinkStarted started = start(ana);
    Back back = approve(started, true);
    paypal.failNext(SandboxPayPal.Fault.UNAVAILABLE_BEFORE);
    returnWith(back);
    String id = started.paymentMethod().paymentMethodId();

    t.clock.advanceBy(PayPalLink.COMPLETION_GRACE);
    sweep();

    assertThat(stored(ana.accountId(), id).status()).isEqualTo(PaymentMethodStatus.ACTIVE);
    assertThat(t.lastMessage(ana.email()).subject()).isEqualTo("PayPal is linked to your account");
  }

  @Test
  void removingAnActiveLinkDeletesThePaymentTokenAtPayPalFirst() {
    Account ana = account();
    LinkStarted started = start(ana);
    returnWith(approve(started, true));
    String id = started.paymentMethod().paymentMethodId();
    String token = stored(ana.accountId(), id).paypal().paymentTokenId();

    paypal.failNext(SandboxPayPal.Fault.UNAVAILABLE_BEFORE);
    assertThat(problemOf(() -> t.lifecycle.accountPaymentMethods().remove(ana, id)).code())
        .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    assertThat(stored(ana.accountId(), id).status()).isEqualTo(PaymentMethodStatus.ACTIVE);

    t.lifecycle.accountPaymentMethods().remove(ana, id);

    assertThat(paypal.holds(token)).isFalse();
    assertThat(stored(ana.accountId(), id).status()).isEqualTo(PaymentMethodStatus.REMOVED);
    assertThat(start(ana).paymentMethod().status()).isEqualTo(PaymentMethodStatus.PENDING_APPROVAL);
  }

  @Test
  void aLinkRemovedWhilePayPalMadeItsTokenLeavesNoAgreementBehind() {
    Account ana = account();
    LinkStarted started = start(ana);
    Back back = approve(started, true);
    paypal.failNext(SandboxPayPal.Fault.UNAVAILABLE_BEFORE);
    returnWith(back);
    String id = started.paymentMethod().paymentMethodId();

    t.lifecycle.accountPaymentMethods().remove(ana, id);
    assertThat(linking.complete(ana.accountId(), id)).isEqualTo(PaymentMethodStatus.REMOVED);

    assertThat(paypal.paymentTokenCount()).isZero();
  }
}
