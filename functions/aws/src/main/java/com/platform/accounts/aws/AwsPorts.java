package com.platform.accounts.aws;

import com.platform.accounts.core.port.CardProcessor;
import java.util.function.Function;
import com.platform.accounts.core.AccountLifecycle;
import java.time.Clock;

/** The production wiring of the core's ports to AWS. */
public final class AwsPorts {
  private AwsPorts() {}

  /**
   * Ports from the Lambda environment ({@link AwsConfig#fromEnvironment()}), on the process-wide SDK
   * clients and the system clock. Nothing here calls AWS; the first call happens on first use (the
   * service keys are read when the core is built from these ports).
   */
  public static AccountLifecycle.Ports fromEnvironment(
      Function<String, CardProcessor> cardProcessorForSecretKey) {
    return from(AwsConfig.fromEnvironment(), AwsClients.fromEnvironment(), Clock.systemUTC(),
        cardProcessorForSecretKey);
  }

  /**
   * @param cardProcessorForSecretKey builds the card processor from its secret API key, which is
   *     kept with the service keys
   */
  public static AccountLifecycle.Ports from(AwsConfig config, AwsClients clients, Clock clock,
      Function<String, CardProcessor> cardProcessorForSecretKey) {
    SsmServiceKeys keys = new SsmServiceKeys(clients.ssm(), config.secretsParameterName());
    CardProcessor cards = cardProcessorForSecretKey.apply(keys.cardProcessorSecretKey());
    DynamoDbTable table = new DynamoDbTable(clients.dynamoDb(), config.tableName(), clock);
    ChannelMessageSender messages = new ChannelMessageSender(
        new SesEmailSender(clients.sesV2(), config.senderEmail()),
        new SnsSmsSender(clients.sns()),
        new VoiceCallSender(clients.smsVoice(), config.voiceOriginationIdentity()));
    return new AccountLifecycle.Ports(
        table.accounts(),
        table.challenges(),
        table.rateLimits(),
        table.idempotency(),
        messages,
        new SnsDomainEventPublisher(clients.sns(), config.eventsTopicArn()),
        new StepFunctionsWorkflows(clients.stepFunctions(),
            config.contactVerificationStateMachineArn(),
            config.cardVerificationStateMachineArn()),
        keys,
        clock,
        config.termsVersion(),
        table.paymentMethods(),
        cards,
        config.merchantName());
  }
}
