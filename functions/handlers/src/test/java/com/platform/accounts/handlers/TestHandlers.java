package com.platform.accounts.handlers;

import com.platform.accounts.core.AccountLifecycle;
import com.platform.accounts.core.ledger.ResourceLedger;
import com.platform.accounts.handlers.api.AccountApi;
import com.platform.accounts.handlers.api.AccountVerificationsApi;
import com.platform.accounts.handlers.api.DeletionApi;
import com.platform.accounts.handlers.api.LedgerEventReader;
import com.platform.accounts.handlers.api.LedgerEventsApi;
import com.platform.accounts.handlers.api.PayPalApi;
import com.platform.accounts.handlers.api.PayPalWebhookApi;
import com.platform.accounts.handlers.api.PaymentMethodsApi;
import com.platform.accounts.handlers.api.SessionApi;
import com.platform.accounts.handlers.api.SignupApi;
import com.platform.accounts.handlers.jobs.ExpireHoldsJob;
import com.platform.accounts.handlers.jobs.FinishDeletionsJob;
import com.platform.accounts.handlers.queue.LedgerQueueConsumer;
import com.platform.accounts.handlers.tasks.AccountDeletionTasks;
import com.platform.accounts.handlers.tasks.CardVerificationTasks;
import com.platform.accounts.handlers.tasks.ContactVerificationTasks;
import com.platform.accounts.handlers.tasks.PayPalLinkingTasks;
import java.net.URI;
import java.time.Clock;

/** Each handler built with its test constructor from a core wired on in-memory ports. */
public final class TestHandlers {
  private TestHandlers() {}

  public static SignupApi signupApi(AccountLifecycle core) {
    return new SignupApi(core.signups(), core.authenticator(), core.idempotency());
  }

  public static SessionApi sessionApi(AccountLifecycle core) {
    return new SessionApi(core.sessions(), core.authenticator(), core.idempotency());
  }

  public static AccountApi accountApi(AccountLifecycle core) {
    return new AccountApi(core.authenticator(), core.accountOverviews());
  }

  public static AccountVerificationsApi accountVerificationsApi(AccountLifecycle core) {
    return new AccountVerificationsApi(
        core.verifications(), core.authenticator(), core.idempotency());
  }

  public static PaymentMethodsApi paymentMethodsApi(AccountLifecycle core) {
    return new PaymentMethodsApi(
        core.chargePlacement(),
        core.ownerAnswers(),
        core.accountPaymentMethods(),
        core.authenticator(),
        core.idempotency());
  }

  /** PayPal linking whose return URL comes from each request (API Gateway's domain and stage). */
  public static PayPalApi payPalApi(AccountLifecycle core) {
    return payPalApi(core, null);
  }

  /**
   * @param returnUrl the service's {@code GET /v1/paypal/return} as configured; null to take it
   *     from each request
   */
  public static PayPalApi payPalApi(AccountLifecycle core, URI returnUrl) {
    return new PayPalApi(core.payPalLinking(), returnUrl, core.authenticator(), core.idempotency());
  }

  public static PayPalWebhookApi payPalWebhookApi(AccountLifecycle core) {
    return new PayPalWebhookApi(core.payPalWebhooks(), core.authenticator(), core.idempotency());
  }

  public static PayPalLinkingTasks payPalLinkingTasks(AccountLifecycle core) {
    return new PayPalLinkingTasks(core.payPalLinking());
  }

  public static ContactVerificationTasks contactVerificationTasks(AccountLifecycle core) {
    return new ContactVerificationTasks(core.verificationProcess());
  }

  public static CardVerificationTasks cardVerificationTasks(AccountLifecycle core) {
    return new CardVerificationTasks(
        core.chargePlacement(), core.ownerAnswers(), core.chargeRelease());
  }

  public static ExpireHoldsJob expireHoldsJob(AccountLifecycle core) {
    return new ExpireHoldsJob(core.dueSweep());
  }

  public static DeletionApi deletionApi(AccountLifecycle core) {
    return new DeletionApi(core.accountDeletion(), core.authenticator(), core.idempotency());
  }

  public static AccountDeletionTasks accountDeletionTasks(AccountLifecycle core) {
    return new AccountDeletionTasks(core.accountDeletion());
  }

  public static FinishDeletionsJob finishDeletionsJob(AccountLifecycle core) {
    return new FinishDeletionsJob(core.finishDeletions());
  }

  public static LedgerEventsApi ledgerEventsApi(
      AccountLifecycle core, ResourceLedger ledger, Clock clock) {
    return new LedgerEventsApi(
        ledger, new LedgerEventReader(clock), core.authenticator(), core.idempotency());
  }

  public static LedgerQueueConsumer ledgerQueueConsumer(ResourceLedger ledger, Clock clock) {
    return new LedgerQueueConsumer(ledger, new LedgerEventReader(clock));
  }
}
