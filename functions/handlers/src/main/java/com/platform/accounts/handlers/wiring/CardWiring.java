package com.platform.accounts.handlers.wiring;

import com.platform.accounts.aws.StepFunctionsWorkflows;
import com.platform.accounts.core.card.AccountPaymentMethods;
import com.platform.accounts.core.card.CardEligibility;
import com.platform.accounts.core.card.ChargePlacement;
import com.platform.accounts.core.card.ChargeRelease;
import com.platform.accounts.core.card.OwnerAnswers;
import com.platform.accounts.core.due.DueKind;
import com.platform.accounts.core.due.DueSweep;
import com.platform.accounts.core.due.Lanes;
import com.platform.accounts.core.port.CardProcessor;
import com.platform.accounts.core.port.Workflows;
import com.platform.accounts.payments.StripeCardProcessor;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Cards, part by part: placing the hold and the microcharge, the owner's answer, the release, and
 * the account's list (whose removal of a PayPal agreement asks {@link PayPalWiring} for PayPal's
 * client then). The expire-holds job's sweep finishes PayPal links too. Each part is built when a
 * function first asks for it, with what it uses: the expire-holds job builds the release alone,
 * without the workflow's client or the HMAC key.
 */
public final class CardWiring {
  /**
   * Per attempt of a call to the processor (stripe-java retries twice with the same idempotency
   * key): adding a card makes three calls, which must fit the API function's 28 seconds.
   */
  private static final Duration PROCESSOR_TIMEOUT = Duration.ofSeconds(3);

  private CardWiring() {}

  public static ChargePlacement placement() {
    return PlacementHolder.PLACEMENT;
  }

  public static OwnerAnswers answers() {
    return AnswersHolder.ANSWERS;
  }

  public static CardProcessor processor() {
    return ProcessorHolder.PROCESSOR;
  }

  public static ChargeRelease release() {
    return ReleaseHolder.RELEASE;
  }

  /** The expire-holds job's worker: the due-index's card items, released or failed. */
  public static DueSweep dueSweep() {
    return SweepHolder.SWEEP;
  }

  public static AccountPaymentMethods paymentMethods() {
    return PaymentMethodsHolder.PAYMENT_METHODS;
  }

  private static String merchantName() {
    return Infrastructure.settings().cards().merchantName();
  }

  private static final class ProcessorHolder {
    static final CardProcessor PROCESSOR =
        new StripeCardProcessor(
            SecretsWiring.keys().cardProcessorSecretKey(),
            Infrastructure.settings().cards().processorApiBase(),
            PROCESSOR_TIMEOUT);
  }

  private static final class WorkflowsHolder {
    static final Workflows WORKFLOWS =
        new StepFunctionsWorkflows(
            Infrastructure.clients().client(SfnClient.builder()),
            null,
            Infrastructure.settings().cards().stateMachineArn());
  }

  private static final class ReleaseHolder {
    static final ChargeRelease RELEASE =
        new ChargeRelease(
            Infrastructure.table().paymentMethods(),
            Infrastructure.table().accounts(),
            ProcessorHolder.PROCESSOR,
            MessagingWiring.messages(),
            Infrastructure.telemetry(),
            Infrastructure.clock(),
            merchantName());
  }

  private static final class SweepHolder {
    static final DueSweep SWEEP =
        new DueSweep(
            Infrastructure.table().dueIndex(),
            Map.of(
                DueKind.CARD_VERIFICATION,
                ReleaseHolder.RELEASE::finishDue,
                // PayPal's client is built only once a PayPal item falls due
                DueKind.PAYPAL_LINK,
                item -> PayPalWiring.linking().finishDue(item)),
            Infrastructure.telemetry(),
            Infrastructure.clock(),
            () -> Lanes.threads(DueSweep.LANES));
  }

  private static final class PlacementHolder {
    static final ChargePlacement PLACEMENT =
        new ChargePlacement(
            Infrastructure.table().paymentMethods(),
            new CardEligibility(
                Infrastructure.table().paymentMethods(),
                ProcessorHolder.PROCESSOR,
                SecretsWiring.hmac(),
                Infrastructure.clock()),
            ProcessorHolder.PROCESSOR,
            SecretsWiring.hmac(),
            ReleaseHolder.RELEASE,
            WorkflowsHolder.WORKFLOWS,
            Infrastructure.telemetry(),
            Infrastructure.clock(),
            merchantName());
  }

  private static final class AnswersHolder {
    static final OwnerAnswers ANSWERS =
        new OwnerAnswers(
            Infrastructure.table().paymentMethods(),
            Infrastructure.table().accounts(),
            SecretsWiring.hmac(),
            MessagingWiring.messages(),
            MessagingWiring.events(),
            ReleaseHolder.RELEASE,
            Infrastructure.clock(),
            merchantName());
  }

  private static final class PaymentMethodsHolder {
    static final AccountPaymentMethods PAYMENT_METHODS =
        new AccountPaymentMethods(
            Infrastructure.table().paymentMethods(), ReleaseHolder.RELEASE, PayPalWiring::gateway);
  }
}
