package com.platform.accounts.handlers.wiring;

import com.platform.accounts.aws.DynamoDbTable;
import com.platform.accounts.aws.StepFunctionsWorkflows;
import com.platform.accounts.core.card.CardVerification;
import com.platform.accounts.payments.StripeCardProcessor;
import java.time.Duration;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Cards: the processor (Stripe, with its key from the secrets), the hold and the microcharge, the
 * owner's answer and the release, and the card-verification workflow's steps.
 */
public final class CardWiring {
  /**
   * Per attempt of a call to the processor (stripe-java retries twice with the same idempotency
   * key): adding a card makes three calls, which must fit the API function's 28 seconds.
   */
  private static final Duration PROCESSOR_TIMEOUT = Duration.ofSeconds(3);

  private CardWiring() {}

  public static CardVerification cards() {
    return Holder.CARDS;
  }

  private static final class Holder {
    static final CardVerification CARDS;

    static {
      DynamoDbTable table = Infrastructure.table();
      Settings.Cards settings = Infrastructure.settings().cards();
      CARDS = new CardVerification(table.paymentMethods(), table.accounts(),
          new StripeCardProcessor(SecretsWiring.keys().cardProcessorSecretKey(),
              settings.processorApiBase(), PROCESSOR_TIMEOUT),
          SecretsWiring.hmac(), SecretsWiring.tokenSealer(),
          new StepFunctionsWorkflows(Infrastructure.clients().client(SfnClient.builder()), null,
              settings.stateMachineArn()),
          MessagingWiring.messages(), MessagingWiring.events(), Infrastructure.clock(),
          settings.merchantName());
    }
  }
}
