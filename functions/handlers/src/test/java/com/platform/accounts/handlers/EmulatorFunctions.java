package com.platform.accounts.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.platform.accounts.aws.AwsClients;
import com.platform.accounts.aws.ChannelMessageSender;
import com.platform.accounts.aws.DynamoDbTable;
import com.platform.accounts.aws.EmulatorTables;
import com.platform.accounts.aws.Es256SessionIssuer;
import com.platform.accounts.aws.Es256SessionVerifier;
import com.platform.accounts.aws.SesEmailSender;
import com.platform.accounts.aws.SnsDomainEventPublisher;
import com.platform.accounts.aws.SnsSmsSender;
import com.platform.accounts.aws.SsmServiceKeys;
import com.platform.accounts.aws.StepFunctionsWorkflows;
import com.platform.accounts.aws.VoiceCallSender;
import com.platform.accounts.core.account.EmailRelease;
import com.platform.accounts.core.account.SecondVerificationService;
import com.platform.accounts.core.card.AccountPaymentMethods;
import com.platform.accounts.core.card.CardEligibility;
import com.platform.accounts.core.card.ChargePlacement;
import com.platform.accounts.core.card.ChargeRelease;
import com.platform.accounts.core.card.OwnerAnswers;
import com.platform.accounts.core.crypto.Hmac;
import com.platform.accounts.core.crypto.PasswordHasher;
import com.platform.accounts.core.idempotency.Idempotency;
import com.platform.accounts.core.memory.SandboxCardProcessor;
import com.platform.accounts.core.memory.SandboxPayPal;
import com.platform.accounts.core.port.DomainEventPublisher;
import com.platform.accounts.core.port.MessageSender;
import com.platform.accounts.core.port.Telemetry;
import com.platform.accounts.core.port.Workflows;
import com.platform.accounts.core.ratelimit.RateLimiter;
import com.platform.accounts.core.session.Authenticator;
import com.platform.accounts.core.session.SessionService;
import com.platform.accounts.core.signup.SignupService;
import com.platform.accounts.core.verification.CodeChallenges;
import com.platform.accounts.core.verification.PhoneBudgets;
import com.platform.accounts.core.verification.VerificationProcess;
import com.platform.accounts.handlers.api.AccountApi;
import com.platform.accounts.handlers.api.AccountVerificationsApi;
import com.platform.accounts.handlers.api.PaymentMethodsApi;
import com.platform.accounts.handlers.api.SessionApi;
import com.platform.accounts.handlers.api.SignupApi;
import com.platform.accounts.handlers.metrics.EmfTelemetry;
import com.platform.accounts.handlers.tasks.CardVerificationTasks;
import com.platform.accounts.handlers.tasks.ContactVerificationTasks;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The functions as a deployment runs them, on the AWS-API emulator: what template.yaml creates (the
 * table, the events topic, the sender identity, the keys parameter, the state machines), and each
 * function wired as its production constructor wires it (the handlers' {@code wiring} package) on
 * the SDK clients the test gives, say clients whose calls are counted. Only the card processor is
 * the sandbox: it is not AWS.
 *
 * <p>Each method builds a new function, as a new execution environment does; those that use the
 * secret keys read them from SSM while they are built, as the production wiring does. Keep the
 * methods in step with the {@code wiring} package: they stand for it here.
 */
final class EmulatorFunctions {
  static final String SENDER = "no-reply@example.com";
  private static final String KEYS_PARAMETER = "/account-lifecycle/keys";
  private static final String TERMS_VERSION = "2026-11-01";
  private static final String MERCHANT = "ACMECLOUD";
  private static final String METRICS_NAMESPACE = "AccountLifecycle";
  private static final String VOICE_IDENTITY = "+12025550100";
  private static final String ROLE = "arn:aws:iam::123456789012:role/states";

  /** moto records the executions it is asked to start without running them. */
  private static final String RECORDED_ONLY =
      """
      {"StartAt": "Done", "States": {"Done": {"Type": "Pass", "End": true}}}""";

  private final AwsClients clients;
  private final String tableName;
  private final String topicArn;
  private final String contactVerificationArn;
  private final String cardVerificationArn;
  private final ECPublicKey sessionPublicKey;
  private final Clock clock = Clock.systemUTC();

  /** The card processor of every function built here: one sandbox, whose charges outlive them. */
  final SandboxCardProcessor processor = new SandboxCardProcessor(clock);

  private EmulatorFunctions(
      AwsClients clients,
      String tableName,
      String topicArn,
      String contactVerificationArn,
      String cardVerificationArn,
      ECPublicKey sessionPublicKey) {
    this.clients = clients;
    this.tableName = tableName;
    this.topicArn = topicArn;
    this.contactVerificationArn = contactVerificationArn;
    this.cardVerificationArn = cardVerificationArn;
    this.sessionPublicKey = sessionPublicKey;
  }

  /** Creates the resources of template.yaml on the emulator, through {@code clients}. */
  static EmulatorFunctions deploy(AwsClients clients, EmulatorTables tables) {
    String table = tables.create(Clock.systemUTC()).tableName();
    String topic =
        clients
            .client(SnsClient.builder())
            .createTopic(create -> create.name("domain-events"))
            .topicArn();
    clients
        .client(SesV2Client.builder())
        .createEmailIdentity(identity -> identity.emailIdentity(SENDER));
    ECKey sessionKey = sessionKey();
    byte[] hmacKey = new byte[32];
    new SecureRandom().nextBytes(hmacKey);
    String keys =
        json(
            Map.of(
                "hmacKey",
                Base64.getEncoder().encodeToString(hmacKey),
                "sessionKeyId",
                "it",
                "sessionJwk",
                sessionKey.toJSONObject()));
    clients
        .client(SsmClient.builder())
        .putParameter(
            put -> put.name(KEYS_PARAMETER).type(ParameterType.SECURE_STRING).value(keys));
    SfnClient sfn = clients.client(SfnClient.builder());
    String contact =
        sfn.createStateMachine(
                machine ->
                    machine.name("contact-verification").roleArn(ROLE).definition(RECORDED_ONLY))
            .stateMachineArn();
    String card =
        sfn.createStateMachine(
                machine ->
                    machine.name("card-verification").roleArn(ROLE).definition(RECORDED_ONLY))
            .stateMachineArn();
    try {
      return new EmulatorFunctions(
          clients, table, topic, contact, card, sessionKey.toECPublicKey());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code new AccountApi()}: the session check with the public key, and the table. */
  AccountApi accountApi() {
    DynamoDbTable table = table();
    return new AccountApi(authenticator(table), table.accountOverviews());
  }

  /** {@code new SessionApi()}: SessionWiring.sessions() and ApiWiring's frame. */
  SessionApi sessionApi() {
    DynamoDbTable table = table();
    SsmServiceKeys keys = keys();
    SessionService sessions =
        new SessionService(
            table.accounts(),
            new PasswordHasher(),
            new Es256SessionIssuer(keys, clock),
            new RateLimiter(table.rateLimits(), clock),
            new Hmac(keys.hmacKey()));
    return new SessionApi(sessions, authenticator(table), idempotency(table));
  }

  /** {@code new SignupApi()}: SignupWiring.signups() and ApiWiring's frame. */
  SignupApi signupApi() {
    DynamoDbTable table = table();
    SsmServiceKeys keys = keys();
    MessageSender messages = messages();
    VerificationProcess process = contactVerification(table, keys, messages);
    SignupService signups =
        new SignupService(
            table.accounts(),
            table.challenges(),
            codes(table, keys, messages),
            new PasswordHasher(),
            new Es256SessionIssuer(keys, clock),
            process,
            clock,
            TERMS_VERSION);
    return new SignupApi(signups, authenticator(table), idempotency(table));
  }

  /** {@code new AccountVerificationsApi()}: ContactVerificationWiring's second verification. */
  AccountVerificationsApi accountVerificationsApi() {
    DynamoDbTable table = table();
    SsmServiceKeys keys = keys();
    MessageSender messages = messages();
    SecondVerificationService verifications =
        new SecondVerificationService(
            table.accounts(),
            table.challenges(),
            codes(table, keys, messages),
            contactVerification(table, keys, messages));
    return new AccountVerificationsApi(verifications, authenticator(table), idempotency(table));
  }

  /** {@code new PaymentMethodsApi()}: CardWiring's parts, the sandbox for Stripe. */
  PaymentMethodsApi paymentMethodsApi() {
    Cards cards = new Cards(table());
    return new PaymentMethodsApi(
        cards.placement,
        cards.answers,
        cards.paymentMethods,
        authenticator(cards.table),
        idempotency(cards.table));
  }

  /** {@code new ContactVerificationTasks()}: ContactVerificationWiring.process(). */
  ContactVerificationTasks contactVerificationTasks() {
    DynamoDbTable table = table();
    return new ContactVerificationTasks(contactVerification(table, keys(), messages()));
  }

  /** {@code new CardVerificationTasks()}: CardWiring's parts. */
  CardVerificationTasks cardVerificationTasks() {
    Cards cards = new Cards(table());
    return new CardVerificationTasks(cards.placement, cards.answers, cards.release);
  }

  /** CardWiring's parts of one function, on one read of the keys. */
  private final class Cards {
    final DynamoDbTable table;
    final ChargeRelease release;
    final ChargePlacement placement;
    final OwnerAnswers answers;
    final AccountPaymentMethods paymentMethods;

    Cards(DynamoDbTable table) {
      this.table = table;
      SsmServiceKeys keys = keys();
      Hmac hmac = new Hmac(keys.hmacKey());
      Telemetry telemetry = new EmfTelemetry(METRICS_NAMESPACE);
      Workflows workflows =
          new StepFunctionsWorkflows(
              clients.client(SfnClient.builder()), null, cardVerificationArn);
      MessageSender messages = messages();
      release =
          new ChargeRelease(
              table.paymentMethods(),
              table.accounts(),
              processor,
              messages,
              telemetry,
              clock,
              MERCHANT);
      placement =
          new ChargePlacement(
              table.paymentMethods(),
              new CardEligibility(table.paymentMethods(), processor, hmac, clock),
              processor,
              hmac,
              release,
              workflows,
              telemetry,
              clock,
              MERCHANT);
      answers =
          new OwnerAnswers(
              table.paymentMethods(),
              table.accounts(),
              hmac,
              messages,
              events(),
              release,
              clock,
              MERCHANT);
      SandboxPayPal paypal = new SandboxPayPal();
      paymentMethods = new AccountPaymentMethods(table.paymentMethods(), release, () -> paypal);
    }
  }

  private VerificationProcess contactVerification(
      DynamoDbTable table, SsmServiceKeys keys, MessageSender messages) {
    return new VerificationProcess(
        table.challenges(),
        table.accounts(),
        new StepFunctionsWorkflows(
            clients.client(SfnClient.builder()), contactVerificationArn, null),
        events(),
        messages,
        clock,
        new EmailRelease(table.accounts(), table.accountOverviews(), messages, events(), clock));
  }

  private CodeChallenges codes(DynamoDbTable table, SsmServiceKeys keys, MessageSender messages) {
    RateLimiter limiter = new RateLimiter(table.rateLimits(), clock);
    Hmac hmac = new Hmac(keys.hmacKey());
    return new CodeChallenges(
        table.challenges(),
        messages,
        limiter,
        new PhoneBudgets(
            limiter,
            hmac,
            new EmfTelemetry(METRICS_NAMESPACE),
            clock,
            PhoneBudgets.Limits.defaults()),
        hmac,
        clock);
  }

  private DynamoDbTable table() {
    return new DynamoDbTable(clients.dynamoDb(), tableName, clock);
  }

  /** Read from SSM on first use, once per function. */
  private SsmServiceKeys keys() {
    return new SsmServiceKeys(clients.client(SsmClient.builder()), KEYS_PARAMETER);
  }

  private Authenticator authenticator(DynamoDbTable table) {
    return new Authenticator(new Es256SessionVerifier(sessionPublicKey, clock), table.accounts());
  }

  private Idempotency idempotency(DynamoDbTable table) {
    return new Idempotency(table.idempotency(), clock);
  }

  private MessageSender messages() {
    return new ChannelMessageSender(
        new SesEmailSender(clients.client(SesV2Client.builder()), SENDER),
        new SnsSmsSender(clients.client(SnsClient.builder())),
        new VoiceCallSender(clients.client(PinpointSmsVoiceV2Client.builder()), VOICE_IDENTITY));
  }

  private DomainEventPublisher events() {
    return new SnsDomainEventPublisher(clients.client(SnsClient.builder()), topicArn);
  }

  private static ECKey sessionKey() {
    try {
      return new ECKeyGenerator(Curve.P_256).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(Map<String, Object> value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
