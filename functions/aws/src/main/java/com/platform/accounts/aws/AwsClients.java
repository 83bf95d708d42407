package com.platform.accounts.aws;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The SDK clients of one process, each built on first use and then reused: building a client costs
 * tens of milliseconds of a Lambda cold start, so it happens once per execution environment (and, with
 * SnapStart, before the snapshot when the handler's initialisation touches it).
 *
 * <p>Every client shares one URL-connection HTTP client (the fastest to start, no extra jars) and is
 * configured explicitly, so the SDK never walks its slower default look-ups (profile files, instance
 * metadata) for the region or the credentials.
 */
public final class AwsClients implements SdkAutoCloseable {
  static final String REGION_VARIABLE = "AWS_REGION";
  static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL";

  private final Region region;
  private final AwsCredentialsProvider credentials;
  private final URI endpointOverride;
  /** The process-wide instance lives as long as the process; closing it would break later calls. */
  private final boolean shared;
  private final Lazy<SdkHttpClient> http = new Lazy<>(() -> UrlConnectionHttpClient.builder().build());

  private final Lazy<DynamoDbClient> dynamoDb = new Lazy<>(() -> build(DynamoDbClient.builder()));
  private final Lazy<SesV2Client> sesV2 = new Lazy<>(() -> build(SesV2Client.builder()));
  private final Lazy<SnsClient> sns = new Lazy<>(() -> build(SnsClient.builder()));
  private final Lazy<PinpointSmsVoiceV2Client> smsVoice =
      new Lazy<>(() -> build(PinpointSmsVoiceV2Client.builder()));
  private final Lazy<SfnClient> sfn = new Lazy<>(() -> build(SfnClient.builder()));
  private final Lazy<SsmClient> ssm = new Lazy<>(() -> build(SsmClient.builder()));

  private AwsClients(Region region, AwsCredentialsProvider credentials, URI endpointOverride,
      boolean shared) {
    this.region = Objects.requireNonNull(region, "region");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.endpointOverride = endpointOverride;
    this.shared = shared;
  }

  /**
   * The process-wide clients configured from the environment: {@code AWS_REGION} (set by Lambda),
   * credentials from the Lambda environment, and {@code AWS_ENDPOINT_URL} when an emulator stands in
   * for AWS.
   */
  public static AwsClients fromEnvironment() {
    return EnvironmentHolder.INSTANCE;
  }

  /** Clients for an explicit endpoint, region and static key pair: emulators and tests. */
  public static AwsClients forEndpoint(URI endpoint, String region, String accessKeyId,
      String secretAccessKey) {
    Objects.requireNonNull(endpoint, "endpoint");
    return new AwsClients(Region.of(region), StaticCredentialsProvider.create(
        AwsBasicCredentials.create(accessKeyId, secretAccessKey)), endpoint, false);
  }

  static AwsClients fromVariables(Map<String, String> env, boolean shared) {
    String region = env.get(REGION_VARIABLE);
    if (region == null || region.isBlank()) {
      throw new IllegalStateException("environment variable " + REGION_VARIABLE + " is not set");
    }
    String endpoint = env.get(ENDPOINT_VARIABLE);
    URI endpointOverride = endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint);
    return new AwsClients(Region.of(region), lambdaCredentials(), endpointOverride,
        shared);
  }

  /**
   * A plain Lambda function finds its role's credentials in {@code AWS_ACCESS_KEY_ID},
   * {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN}. A SnapStart function does not: Lambda
   * hands it container credentials ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and its token)
   * instead, fetched and refreshed at run time so that no key is frozen into the snapshot. These two
   * providers cover both, and nothing else is tried; the chain remembers the one that worked.
   */
  static AwsCredentialsProvider lambdaCredentials() {
    return AwsCredentialsProviderChain.builder()
        .credentialsProviders(EnvironmentVariableCredentialsProvider.create(),
            ContainerCredentialsProvider.builder().build())
        .reuseLastProviderEnabled(true)
        .build();
  }

  public Region region() {
    return region;
  }

  public DynamoDbClient dynamoDb() {
    return dynamoDb.get();
  }

  public SesV2Client sesV2() {
    return sesV2.get();
  }

  public SnsClient sns() {
    return sns.get();
  }

  /** AWS End User Messaging SMS and Voice v2: voice calls. */
  public PinpointSmsVoiceV2Client smsVoice() {
    return smsVoice.get();
  }

  public SfnClient stepFunctions() {
    return sfn.get();
  }

  public SsmClient ssm() {
    return ssm.get();
  }

  private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C build(B builder) {
    builder.region(region).credentialsProvider(credentials).httpClient(http.get());
    if (endpointOverride != null) {
      builder.endpointOverride(endpointOverride);
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
    List<SdkAutoCloseable> made = new ArrayList<>();
    for (Lazy<? extends SdkAutoCloseable> client : List.of(dynamoDb, sesV2, sns, smsVoice, sfn, ssm)) {
      if (client.peek() != null) {
        made.add(client.peek());
      }
    }
    made.forEach(SdkAutoCloseable::close);
    if (http.peek() != null) {
      http.peek().close();
    }
  }

  /** Initialised on first use of {@link #fromEnvironment()}, by the JVM's class-initialisation lock. */
  private static final class EnvironmentHolder {
    static final AwsClients INSTANCE = fromVariables(AwsConfig.environment(), true);
  }
}
