package com.platform.accounts.aws;

import com.platform.accounts.core.due.DueShards;
import com.platform.accounts.testkit.AwsEmulator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Tables in the emulator shaped like template.yaml's AccountsTable ({@code pk}/{@code sk}, the
 * sparse GSI {@code due-index} on {@code dueShard}/{@code dueAt}, TTL on {@code expiresAt}), one
 * per test so that no test sees another's items, dropped afterwards.
 */
public final class EmulatorTables {
  private static DynamoDbClient client;

  private final AwsEmulator aws;
  private final List<String> created = new ArrayList<>();

  public EmulatorTables(AwsEmulator aws) {
    this.aws = aws;
  }

  /**
   * The DynamoDB client of the emulator tests: one for the JVM, sending one request at a time (see
   * {@link OneRequestAtATimeHttpClient} for why).
   */
  static synchronized DynamoDbClient client(AwsEmulator aws) {
    if (client == null) {
      client =
          DynamoDbClient.builder()
              .endpointOverride(aws.endpoint())
              .region(Region.of(aws.region()))
              .credentialsProvider(
                  StaticCredentialsProvider.create(
                      AwsBasicCredentials.create(aws.accessKeyId(), aws.secretAccessKey())))
              .httpClient(new OneRequestAtATimeHttpClient(UrlConnectionHttpClient.create()))
              .build();
    }
    return client;
  }

  DynamoDbClient client() {
    return client(aws);
  }

  /** A new empty table and the stores on it. */
  public DynamoDbTable create(Clock clock) {
    return create(clock, DueShards.DEFAULT);
  }

  /** A new empty table and the stores on it, its due-index on this many shards. */
  public DynamoDbTable create(Clock clock, DueShards dueShards) {
    String name = "accounts-" + UUID.randomUUID();
    DynamoDbClient dynamo = client();
    dynamo.createTable(
        table ->
            table
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                    a -> a.attributeName("sk").attributeType(ScalarAttributeType.S),
                    a -> a.attributeName("dueShard").attributeType(ScalarAttributeType.S),
                    a -> a.attributeName("dueAt").attributeType(ScalarAttributeType.S))
                .keySchema(
                    k -> k.attributeName("pk").keyType(KeyType.HASH),
                    k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .globalSecondaryIndexes(
                    index ->
                        index
                            .indexName("due-index")
                            .keySchema(
                                k -> k.attributeName("dueShard").keyType(KeyType.HASH),
                                k -> k.attributeName("dueAt").keyType(KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
    dynamo.waiter().waitUntilTableExists(wait -> wait.tableName(name));
    dynamo.updateTimeToLive(
        ttl ->
            ttl.tableName(name)
                .timeToLiveSpecification(spec -> spec.attributeName("expiresAt").enabled(true)));
    created.add(name);
    return new DynamoDbTable(dynamo, name, clock, dueShards);
  }

  public void dropAll() {
    for (String name : created) {
      client().deleteTable(table -> table.tableName(name));
    }
    created.clear();
  }
}
