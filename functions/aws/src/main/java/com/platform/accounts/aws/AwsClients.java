package com.platform.accounts.aws;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.endpoints.AccountIdEndpointMode;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The SDK clients of one process, each built on first use and then reused: building a client costs
 * tens of milliseconds of a Lambda cold start, so it happens once per execution environment (and,
 * with SnapStart, before the snapshot when the handler's initialisation touches it).
 *
 * <p>Every client shares one URL-connection HTTP client (the fastest to start, no extra jars) and
 * is configured explicitly, so the SDK never walks its slower default look-ups (profile files,
 * instance metadata) for the region or the credentials.
 */
public final class AwsClients implements SdkAutoCloseable {
  static final String REGION_VARIABLE = "AWS_REGION";
  static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL";
  static final String CONTAINER_CREDENTIALS_VARIABLE = "AWS_CONTAINER_CREDENTIALS_FULL_URI";

  private final Region region;
  private final AwsCredentialsProvider credentials;
  private final URI endpointOverride;

  /** Applied to every client when set: tests observe the calls made (interceptors). */
  private final ClientOverrideConfiguration overrides;

  /** The process-wide instance lives as long as the process; closing it would break later calls. */
  private final boolean shared;

  private final Lazy<SdkHttpClient> http =
      new Lazy<>(() -> UrlConnectionHttpClient.builder().build());

  /**
   * The table is addressed by name in one region: account-based endpoints would only add the work
   * of resolving the account from the credentials on every call.
   */
  private final Lazy<DynamoDbClient> dynamoDb =
      new Lazy<>(
          () ->
              build(
                  DynamoDbClient.builder().accountIdEndpointMode(AccountIdEndpointMode.DISABLED)));

  /** The other services' clients, by the type of the builder that made them. */
  private final Map<Class<?>, SdkAutoCloseable> others = new ConcurrentHashMap<>();

  private AwsClients(
      Region region,
      AwsCredentialsProvider credentials,
      URI endpointOverride,
      ClientOverrideConfiguration overrides,
      boolean shared) {
    this.region = Objects.requireNonNull(region, "region");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.endpointOverride = endpointOverride;
    this.overrides = overrides;
    this.shared = shared;
  }

  /**
   * The process-wide clients configured from the environment: {@code AWS_REGION} (set by Lambda),
   * credentials from the Lambda environment, and {@code AWS_ENDPOINT_URL} when an emulator stands
   * in for AWS.
   */
  public static AwsClients fromEnvironment() {
    return EnvironmentHolder.INSTANCE;
  }

  /** Clients for an explicit endpoint, region and static key pair: emulators and tests. */
  public static AwsClients forEndpoint(
      URI endpoint, String region, String accessKeyId, String secretAccessKey) {
    return forEndpoint(endpoint, region, accessKeyId, secretAccessKey, null);
  }

  /**
   * As {@link #forEndpoint(URI, String, String, String)}, every client built with {@code overrides}
   * (say, an execution interceptor that counts the calls a test makes); null for none.
   */
  public static AwsClients forEndpoint(
      URI endpoint,
      String region,
      String accessKeyId,
      String secretAccessKey,
      ClientOverrideConfiguration overrides) {
    Objects.requireNonNull(endpoint, "endpoint");
    return new AwsClients(
        Region.of(region),
        StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)),
        endpoint,
        overrides,
        false);
  }

  static AwsClients fromVariables(Map<String, String> env, boolean shared) {
    String region = env.get(REGION_VARIABLE);
    if (region == null || region.isBlank()) {
      throw new IllegalStateException("environment variable " + REGION_VARIABLE + " is not set");
    }
    String endpoint = env.get(ENDPOINT_VARIABLE);
    URI endpointOverride = endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint);
    return new AwsClients(
        Region.of(region), lambdaCredentials(env), endpointOverride, null, shared);
  }

  /**
   * A plain Lambda function finds its role's credentials in {@code AWS_ACCESS_KEY_ID}, {@code
   * AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN}. A SnapStart function does not: Lambda
   * hands it container credentials ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and its token)
   * instead, fetched and refreshed at run time so that no key is frozen into the snapshot. The
   * environment says which of the two applies, so nothing else is built or tried.
   */
  static AwsCredentialsProvider lambdaCredentials(Map<String, String> env) {
    String containerUri = env.get(CONTAINER_CREDENTIALS_VARIABLE);
    return containerUri == null || containerUri.isBlank()
        ? EnvironmentVariableCredentialsProvider.create()
        : ContainerCredentialsProvider.builder().build();
  }

  public Region region() {
    return region;
  }

  public DynamoDbClient dynamoDb() {
    return dynamoDb.get();
  }

  /**
   * The client of another service, built on first use from {@code builder} (say {@code
   * SesV2Client.builder()}) and then reused. This class names no service but DynamoDB, which every
   * function uses, so a function's artefact carries only the service modules it calls.
   */
  @SuppressWarnings("unchecked")
  public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C extends SdkAutoCloseable>
      C client(B builder) {
    return (C) others.computeIfAbsent(builder.getClass(), type -> build(builder));
  }

  private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C build(B builder) {
    builder.region(region).credentialsProvider(credentials).httpClient(http.get());
    if (endpointOverride != null) {
      builder.endpointOverride(endpointOverride);
    }
    if (overrides != null) {
      builder.overrideConfiguration(overrides);
    }
    return builder.build();
  }

  /**
   * Closes the clients made so far and their HTTP client; the process-wide instance is never
   * closed.
   */
  @Override
  public void close() {
    if (shared) {
      return;
    }
    List<SdkAutoCloseable> made = new ArrayList<>(others.values());
    if (dynamoDb.peek() != null) {
      made.add(dynamoDb.peek());
    }
    made.forEach(SdkAutoCloseable::close);
    if (http.peek() != null) {
      http.peek().close();
    }
  }

  /**
   * Initialised on first use of {@link #fromEnvironment()}, by the JVM's class-initialisation lock.
   */
  private static final class EnvironmentHolder {
    static final AwsClients INSTANCE = fromVariables(System.getenv(), true);
  }
}
