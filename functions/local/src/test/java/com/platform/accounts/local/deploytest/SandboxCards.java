package com.platform.accounts.local.deploytest;

import com.platform.accounts.aws.StepFunctionsWorkflows;
import com.platform.accounts.core.card.AccountPaymentMethods;
import com.platform.accounts.core.card.CardEligibility;
import com.platform.accounts.core.card.ChargePlacement;
import com.platform.accounts.core.card.ChargeRelease;
import com.platform.accounts.core.card.OwnerAnswers;
import com.platform.accounts.core.deletion.AccountDeletion;
import com.platform.accounts.core.deletion.FinishDeletions;
import com.platform.accounts.core.due.DueKind;
import com.platform.accounts.core.due.DueSweep;
import com.platform.accounts.core.due.Lanes;
import com.platform.accounts.core.memory.SandboxCardProcessor;
import com.platform.accounts.core.ratelimit.RateLimiter;
import com.platform.accounts.handlers.api.DeletionApi;
import com.platform.accounts.handlers.api.PaymentMethodsApi;
import com.platform.accounts.handlers.jobs.ExpireHoldsJob;
import com.platform.accounts.handlers.jobs.FinishDeletionsJob;
import com.platform.accounts.handlers.tasks.AccountDeletionTasks;
import com.platform.accounts.handlers.tasks.CardVerificationTasks;
import com.platform.accounts.handlers.wiring.ApiWiring;
import com.platform.accounts.handlers.wiring.Infrastructure;
import com.platform.accounts.handlers.wiring.MessagingWiring;
import com.platform.accounts.handlers.wiring.PayPalWiring;
import com.platform.accounts.handlers.wiring.SecretsWiring;
import com.platform.accounts.handlers.wiring.SessionWiring;
import java.util.Map;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The card functions as production wires them (CardWiring: the deployed table, Step Functions, SES,
 * the keys in SSM), but with the sandbox processor in place of Stripe, built through their test
 * constructors: the deployed artefacts carry Stripe only.
 */
final class SandboxCards {
  final SandboxCardProcessor processor;
  private final ChargeRelease release;
  private final ChargePlacement placement;
  private final OwnerAnswers answers;
  private final AccountDeletion deletion;

  SandboxCards() {
    String merchant = Infrastructure.settings().cards().merchantName();
    processor = new SandboxCardProcessor(Infrastructure.clock(), merchant);
    release =
        new ChargeRelease(
            Infrastructure.table().paymentMethods(),
            Infrastructure.table().accounts(),
            processor,
            MessagingWiring.messages(),
            Infrastructure.telemetry(),
            Infrastructure.clock(),
            merchant);
    placement =
        new ChargePlacement(
            Infrastructure.table().paymentMethods(),
            new CardEligibility(
                Infrastructure.table().paymentMethods(),
                processor,
                SecretsWiring.hmac(),
                Infrastructure.clock()),
            processor,
            SecretsWiring.hmac(),
            release,
            new StepFunctionsWorkflows(
                Infrastructure.clients().client(SfnClient.builder()),
                null,
                Infrastructure.settings().cards().stateMachineArn()),
            Infrastructure.telemetry(),
            Infrastructure.clock(),
            merchant);
    answers =
        new OwnerAnswers(
            Infrastructure.table().paymentMethods(),
            Infrastructure.table().accounts(),
            SecretsWiring.hmac(),
            MessagingWiring.messages(),
            MessagingWiring.events(),
            release,
            Infrastructure.clock(),
            merchant);
    // as DeletionWiring builds it, with the sandbox processor and this release
    deletion =
        new AccountDeletion(
            Infrastructure.table().accounts(),
            Infrastructure.table().deletions(),
            Infrastructure.table().ledger(),
            Infrastructure.table().paymentMethods(),
            () -> processor,
            PayPalWiring::gateway,
            () -> release,
            SessionWiring.passwords(),
            new RateLimiter(Infrastructure.table().rateLimits(), Infrastructure.clock()),
            new StepFunctionsWorkflows(
                Infrastructure.clients().client(SfnClient.builder()),
                null,
                null,
                null,
                Infrastructure.settings().accountDeletionStateMachineArn()),
            MessagingWiring.messages(),
            MessagingWiring.events(),
            Infrastructure.telemetry(),
            Infrastructure.clock());
  }

  /** The handler of a card function, or null for a function that charges no card. */
  Object handler(String logicalId) {
    return switch (logicalId) {
      case "PaymentMethodsApiFunction" ->
          new PaymentMethodsApi(
              placement,
              answers,
              new AccountPaymentMethods(
                  Infrastructure.table().paymentMethods(), release, PayPalWiring::gateway),
              ApiWiring.authenticator(),
              ApiWiring.idempotency());
      case "CardVerificationTasksFunction" ->
          new CardVerificationTasks(placement, answers, release);
      case "ExpireHoldsFunction" ->
          new ExpireHoldsJob(
              new DueSweep(
                  Infrastructure.table().dueIndex(),
                  Map.of(
                      DueKind.CARD_VERIFICATION,
                      release::finishDue,
                      DueKind.PAYPAL_LINK,
                      item -> PayPalWiring.linking().finishDue(item)),
                  Infrastructure.telemetry(),
                  Infrastructure.clock(),
                  () -> Lanes.threads(DueSweep.LANES)));
      case "DeletionApiFunction" ->
          new DeletionApi(deletion, ApiWiring.authenticator(), ApiWiring.idempotency());
      case "AccountDeletionTasksFunction" -> new AccountDeletionTasks(deletion);
      case "FinishDeletionsFunction" ->
          new FinishDeletionsJob(
              new FinishDeletions(
                  new DueSweep(
                      Infrastructure.table().dueIndex(),
                      Map.of(DueKind.ACCOUNT_DELETION, deletion::finishDue),
                      Infrastructure.telemetry(),
                      Infrastructure.clock(),
                      () -> Lanes.threads(DueSweep.LANES))));
      default -> null;
    };
  }
}
