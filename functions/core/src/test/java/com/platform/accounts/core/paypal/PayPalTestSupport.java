package com.platform.accounts.core.paypal;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.due.DueSweep;
import com.platform.accounts.core.memory.SandboxPayPal;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.CodeSent;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/** Accounts ready to link PayPal, the sandbox PayPal's approval page, and reading the return. */
abstract class PayPalTestSupport {
  static final String PASSWORD = "correct horse battery staple";
  static final String SERVICE_RETURN = "https://api.example.com/v1/paypal/return";
  static final String RETURN_URL = TestLifecycle.FRONTEND + "/billing/paypal";
  static final String CANCEL_URL = TestLifecycle.FRONTEND + "/billing";
  private static final AtomicInteger EMAILS = new AtomicInteger();

  final TestLifecycle t = new TestLifecycle();
  final SandboxPayPal paypal = t.paypal;
  final PayPalLinking linking = t.lifecycle.payPalLinking();

  /** A signed-up account with both contacts proven. */
  Account account() {
    return t.provePhone(emailOnlyAccount().accountId());
  }

  Account emailOnlyAccount() {
    String email = "payer" + EMAILS.incrementAndGet() + "@example.com";
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand("AU", email, PASSWORD, PASSWORD, true, null, null),
                new Validation());
    String id = t.lifecycle.signups().verify(sent.challengeId(), t.lastCode(email)).accountId();
    return t.table.accounts().find(id).orElseThrow();
  }

  LinkStarted start(Account account) {
    return linking.start(account, RETURN_URL, CANCEL_URL, SERVICE_RETURN);
  }

  /** The setup token PayPal's approval page shows (its {@code token} parameter). */
  static String setupToken(LinkStarted started) {
    return query(started.approvalUrl(), "token");
  }

  /** What the payer's browser is sent back with: the return URL's parameters. */
  record Back(String token, String state, boolean cancelled) {}

  Back approve(LinkStarted started, boolean payerVerified) {
    return back(
        paypal.approve(setupToken(started), true, payerVerified, "payer@paypal.example").get());
  }

  Back cancel(LinkStarted started) {
    return back(paypal.approve(setupToken(started), false, false, null).get());
  }

  ReturnOutcome returnWith(Back back) {
    return linking.handleReturn(back.token(), back.state(), back.cancelled());
  }

  PaymentMethod stored(String accountId, String paymentMethodId) {
    return t.table.paymentMethods().find(accountId, paymentMethodId).orElseThrow();
  }

  DueSweep.Result sweep() {
    DueSweep sweep = t.lifecycle.dueSweep();
    int finished = 0;
    int failed = 0;
    for (int shard : sweep.shards().all()) {
      DueSweep.Result r = sweep.sweep(shard, () -> true);
      finished += r.finished();
      failed += r.failed();
    }
    return new DueSweep.Result(finished, failed, 0, 0);
  }

  static Back back(String url) {
    return new Back(
        query(url, "token"), query(url, "state"), "true".equals(query(url, "cancelled")));
  }

  static String query(String url, String name) {
    String query = URI.create(url).getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return pair.substring(eq + 1);
      }
    }
    return null;
  }

  static Problem problemOf(Runnable action) {
    try {
      action.run();
    } catch (Problem p) {
      return p;
    }
    throw new AssertionError("expected a problem");
  }
}
