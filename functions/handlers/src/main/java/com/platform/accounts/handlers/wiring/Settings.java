package com.platform.accounts.handlers.wiring;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.platform.accounts.aws.EcJwk;
import com.platform.accounts.core.contact.Countries;
import com.platform.accounts.core.due.DueShards;
import com.platform.accounts.core.verification.PhoneBudgets;
import java.net.URI;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A function's configuration: its environment variables (set by template.yaml), read here and
 * nowhere else, one record per concern. A function reads only the records of what it wires, and
 * each record names every one of its missing variables at once, so a broken deployment is fixed in
 * one go.
 */
public final class Settings {
  public static final String TABLE_NAME = "TABLE_NAME";
  public static final String SESSION_PUBLIC_JWK = "SESSION_PUBLIC_JWK";
  public static final String SECRETS_PARAMETER_NAME = "SECRETS_PARAMETER_NAME";
  public static final String SENDER_EMAIL = "SENDER_EMAIL";
  public static final String VOICE_ORIGINATION_IDENTITY = "VOICE_ORIGINATION_IDENTITY";
  public static final String EVENTS_TOPIC_ARN = "EVENTS_TOPIC_ARN";
  public static final String CONTACT_VERIFICATION_STATE_MACHINE_ARN =
      "CONTACT_VERIFICATION_STATE_MACHINE_ARN";
  public static final String TERMS_VERSION = "TERMS_VERSION";
  public static final String CARD_VERIFICATION_STATE_MACHINE_ARN =
      "CARD_VERIFICATION_STATE_MACHINE_ARN";
  public static final String MERCHANT_NAME = "MERCHANT_NAME";
  public static final String CARD_PROCESSOR_API_BASE = "CARD_PROCESSOR_API_BASE";
  public static final String FRONTEND_ORIGIN = "FRONTEND_ORIGIN";
  public static final String PAYPAL_API_BASE = "PAYPAL_API_BASE";
  public static final String PAYPAL_LINKING_STATE_MACHINE_ARN = "PAYPAL_LINKING_STATE_MACHINE_ARN";
  public static final String PAYPAL_RETURN_URL = "PAYPAL_RETURN_URL";
  public static final String ACCOUNT_DELETION_STATE_MACHINE_ARN =
      "ACCOUNT_DELETION_STATE_MACHINE_ARN";
  public static final String PAYPAL_WEBHOOK_ID = "PAYPAL_WEBHOOK_ID";
  public static final String DUE_INDEX_SHARDS = "DUE_INDEX_SHARDS";
  public static final String METRICS_NAMESPACE = "POWERTOOLS_METRICS_NAMESPACE";
  public static final String PHONE_BUDGET_PER_ACCOUNT = "PHONE_BUDGET_PER_ACCOUNT";
  public static final String PHONE_BUDGET_PER_CLIENT_IP = "PHONE_BUDGET_PER_CLIENT_IP";
  public static final String PHONE_BUDGET_PER_COUNTRY = "PHONE_BUDGET_PER_COUNTRY";
  public static final String PHONE_BUDGET_GLOBAL = "PHONE_BUDGET_GLOBAL";
  public static final String PHONE_BUDGET_SHARDS = "PHONE_BUDGET_SHARDS";
  public static final String PHONE_BUDGET_WINDOW_MINUTES = "PHONE_BUDGET_WINDOW_MINUTES";
  public static final String PHONE_COUNTRIES = "PHONE_COUNTRIES";
  public static final String LOG_LEVEL = "POWERTOOLS_LOG_LEVEL";

  /**
   * Set by Lambda: {@code snap-start} while a SnapStart function is initialised for its snapshot.
   */
  public static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

  private final Map<String, String> env;

  private Settings(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The settings of the given variables (tests, tools). */
  public static Settings from(Map<String, String> env) {
    return new Settings(env);
  }

  /** The settings of this process's environment. */
  public static Settings fromEnvironment() {
    return Holder.ENVIRONMENT;
  }

  /** The service's one DynamoDB table. */
  public record Table(String tableName) {}

  /**
   * The public half of the session signing key (a P-256 JWK without its private part): checking a
   * token needs no secret, so a function that only checks sessions reads no secret store.
   */
  public record Sessions(ECPublicKey verificationKey) {}

  /** The SSM SecureString parameter holding the service's secret keys. */
  public record Secrets(String parameterName) {}

  /** Where email comes from (a verified SES identity) and the number that places voice calls. */
  public record Messaging(String senderEmail, String voiceOriginationIdentity) {}

  /** The SNS topic of domain events. */
  public record Events(String topicArn) {}

  /** The contact-verification workflow and the terms version a sign-up accepts. */
  public record ContactVerification(String stateMachineArn, String termsVersion) {}

  /**
   * The card-verification workflow, the merchant name in card descriptors, and the card processor's
   * API base: null for the processor's own (production), an emulator's address otherwise.
   */
  public record Cards(String stateMachineArn, String merchantName, URI processorApiBase) {}

  /** PayPal's REST API base: {@code https://api-m.sandbox.paypal.com} or the live one. */
  public record PayPal(URI apiBase) {}

  /**
   * Linking PayPal: the completion workflow, the frontend origin a browser may be sent back to, and
   * this API's {@code GET /v1/paypal/return} as the browser reaches it (null: from the request API
   * Gateway received).
   */
  public record PayPalLinking(String stateMachineArn, String frontendOrigin, URI returnUrl) {}

  /**
   * The id of this service's webhook at PayPal, which signatures are checked for; null when none is
   * registered yet (every delivery is then refused).
   */
  public record PayPalWebhooks(String webhookId) {}

  /** The API frame: the one CORS origin (none when blank) and the namespace of its EMF metrics. */
  public record Api(String frontendOrigin, String metricsNamespace) {}

  /** The namespace of a function's EMF metrics. */
  public record Metrics(String namespace) {}

  /** The due-index's shards: the same in every function that writes due items and in the sweep. */
  public record DueIndex(DueShards shards) {}

  public Table table() {
    Reader read = new Reader();
    Table table = new Table(read.required(TABLE_NAME));
    read.done();
    return table;
  }

  public Sessions sessions() {
    Reader read = new Reader();
    String jwk = read.required(SESSION_PUBLIC_JWK);
    read.done();
    return new Sessions(publicKey(jwk));
  }

  public Secrets secrets() {
    Reader read = new Reader();
    Secrets secrets = new Secrets(read.required(SECRETS_PARAMETER_NAME));
    read.done();
    return secrets;
  }

  public Messaging messaging() {
    Reader read = new Reader();
    Messaging messaging =
        new Messaging(read.required(SENDER_EMAIL), read.required(VOICE_ORIGINATION_IDENTITY));
    read.done();
    return messaging;
  }

  public Events events() {
    Reader read = new Reader();
    Events events = new Events(read.required(EVENTS_TOPIC_ARN));
    read.done();
    return events;
  }

  public ContactVerification contactVerification() {
    Reader read = new Reader();
    ContactVerification settings =
        new ContactVerification(
            read.required(CONTACT_VERIFICATION_STATE_MACHINE_ARN), read.required(TERMS_VERSION));
    read.done();
    return settings;
  }

  public Cards cards() {
    Reader read = new Reader();
    String stateMachineArn = read.required(CARD_VERIFICATION_STATE_MACHINE_ARN);
    String merchantName = read.required(MERCHANT_NAME);
    read.done();
    String apiBase = env.get(CARD_PROCESSOR_API_BASE);
    return new Cards(
        stateMachineArn,
        merchantName,
        apiBase == null || apiBase.isBlank() ? null : URI.create(apiBase.strip()));
  }

  public PayPal payPal() {
    Reader read = new Reader();
    String base = read.required(PAYPAL_API_BASE);
    read.done();
    return new PayPal(URI.create(base));
  }

  public PayPalLinking payPalLinking() {
    Reader read = new Reader();
    String stateMachineArn = read.required(PAYPAL_LINKING_STATE_MACHINE_ARN);
    String origin = read.required(FRONTEND_ORIGIN);
    read.done();
    String returnUrl = env.get(PAYPAL_RETURN_URL);
    return new PayPalLinking(
        stateMachineArn,
        origin,
        returnUrl == null || returnUrl.isBlank() ? null : URI.create(returnUrl.strip()));
  }

  /**
   * The account-deletion state machine, which the deletion API and the ledger's functions start;
   * null in a function that starts none (the deletion's tasks and its job run the work themselves).
   */
  public String accountDeletionStateMachineArn() {
    String arn = env.get(ACCOUNT_DELETION_STATE_MACHINE_ARN);
    return arn == null || arn.isBlank() ? null : arn.strip();
  }

  /** The webhook id; null until the operator registered the webhook at PayPal. */
  public PayPalWebhooks payPalWebhooks() {
    String webhookId = env.get(PAYPAL_WEBHOOK_ID);
    return new PayPalWebhooks(webhookId == null || webhookId.isBlank() ? null : webhookId.strip());
  }

  public Api api() {
    String origin = env.get(FRONTEND_ORIGIN);
    return new Api(
        origin == null || origin.isBlank() ? null : origin.strip(), metrics().namespace());
  }

  /** The due-index's shards; the default when unset. */
  public DueIndex dueIndex() {
    String shards = env.get(DUE_INDEX_SHARDS);
    if (shards == null || shards.isBlank()) {
      return new DueIndex(DueShards.DEFAULT);
    }
    try {
      return new DueIndex(new DueShards(Integer.parseInt(shards.strip())));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          DUE_INDEX_SHARDS + " must be a number of shards from 1 to " + DueShards.MAX, e);
    }
  }

  public Metrics metrics() {
    String namespace = env.get(METRICS_NAMESPACE);
    return new Metrics(
        namespace == null || namespace.isBlank() ? "AccountLifecycle" : namespace.strip());
  }

  /**
   * The SMS and voice budgets and country allow-list; each variable is optional (template.yaml sets
   * them all), an unset one takes {@link PhoneBudgets.Limits#defaults()}'s value, and {@code
   * PHONE_COUNTRIES} is {@code ALL} or a comma-separated list of ISO 3166-1 alpha-2 codes.
   */
  public PhoneBudgets.Limits phoneBudgets() {
    PhoneBudgets.Limits defaults = PhoneBudgets.Limits.defaults();
    String countries = env.get(PHONE_COUNTRIES);
    Set<String> allowed = new TreeSet<>();
    if (countries != null && !countries.isBlank() && !"ALL".equals(countries.strip())) {
      for (String country : countries.split(",")) {
        String code = country.strip().toUpperCase(Locale.ROOT);
        if (!Countries.isSupported(code)) {
          throw new IllegalStateException(
              PHONE_COUNTRIES + " names an unsupported country code: " + code);
        }
        allowed.add(code);
      }
    }
    return new PhoneBudgets.Limits(
        count(PHONE_BUDGET_PER_ACCOUNT, defaults.perAccount()),
        count(PHONE_BUDGET_PER_CLIENT_IP, defaults.perClientIp()),
        count(PHONE_BUDGET_PER_COUNTRY, defaults.perCountry()),
        count(PHONE_BUDGET_GLOBAL, defaults.global()),
        Math.max(1, count(PHONE_BUDGET_SHARDS, defaults.shards())),
        Duration.ofMinutes(
            Math.max(1, count(PHONE_BUDGET_WINDOW_MINUTES, (int) defaults.window().toMinutes()))),
        allowed);
  }

  /** A non-negative whole number, or {@code fallback} when unset. */
  private int count(String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed >= 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below, with the variable's name
    }
    throw new IllegalStateException(name + " is not a whole number >= 0");
  }

  /** Whether this initialisation ends in a SnapStart snapshot (and so is worth priming). */
  public boolean snapStart() {
    return "snap-start".equals(env.get(INITIALIZATION_TYPE));
  }

  /** The log level of the function (Powertools' variable), INFO when unset. */
  public String logLevel() {
    String level = env.get(LOG_LEVEL);
    return level == null || level.isBlank() ? "INFO" : level.strip();
  }

  /**
   * Parsed by nimbus-jose-jwt, which checks that the point is on the curve. A JWK that carries the
   * private part is refused: the private key is a secret and belongs in the secrets parameter, not
   * in a function's environment.
   */
  static ECPublicKey publicKey(String jwk) {
    try {
      ECKey key = EcJwk.read(jwk);
      if (!Curve.P_256.equals(key.getCurve())) {
        throw new IllegalStateException(SESSION_PUBLIC_JWK + " is not a P-256 key");
      }
      if (key.isPrivate()) {
        throw new IllegalStateException(
            SESSION_PUBLIC_JWK
                + " holds a private key; give only its public part (kty, crv, x, y)");
      }
      return key.toECPublicKey();
    } catch (IllegalArgumentException | JOSEException e) {
      // the cause may quote the variable's text; the name is enough to fix it
      throw new IllegalStateException(SESSION_PUBLIC_JWK + " is not an EC public JWK");
    }
  }

  /** Collects the missing variables of one record. */
  private final class Reader {
    private final List<String> missing = new ArrayList<>();

    String required(String name) {
      String value = env.get(name);
      if (value == null || value.isBlank()) {
        missing.add(name);
        return null;
      }
      return value.strip();
    }

    void done() {
      if (!missing.isEmpty()) {
        throw new IllegalStateException(
            "missing environment variable"
                + (missing.size() > 1 ? "s: " : ": ")
                + String.join(", ", missing));
      }
    }
  }

  private static final class Holder {
    static final Settings ENVIRONMENT = new Settings(System.getenv());
  }
}
