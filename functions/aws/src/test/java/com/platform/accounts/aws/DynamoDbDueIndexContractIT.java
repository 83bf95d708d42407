package com.platform.accounts.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.contract.DueIndexContract;
import com.platform.accounts.core.due.DueShards;
import com.platform.accounts.testkit.AwsEmulator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/** The DueIndex contract against DynamoDB in the emulator, and the index as the table holds it. */
class DynamoDbDueIndexContractIT extends DueIndexContract {
  @RegisterExtension static final AwsEmulator AWS = new AwsEmulator();

  private final EmulatorTables tables = new EmulatorTables(AWS);

  @Override
  protected Table newTable(Clock clock, DueShards shards) {
    DynamoDbTable table = tables.create(clock, shards);
    return new Table(table.paymentMethods(), table.dueIndex());
  }

  @AfterEach
  void dropTables() {
    tables.dropAll();
  }

  @Test
  void theIndexHoldsTheKeysOnlyAndACardSitsOnItsHashedShardNotOnOnePartition() {
    DynamoDbTable table = tables.create(clock, new DueShards(16));
    PaymentMethod card = aDueCard();
    table.paymentMethods().create(card);

    assertThat(
            tables
                .client()
                .describeTable(d -> d.tableName(table.tableName()))
                .table()
                .globalSecondaryIndexes()
                .get(0)
                .projection()
                .projectionType())
        .isEqualTo(ProjectionType.KEYS_ONLY);
    String shard = "DUE#" + new DueShards(16).of(card.paymentMethodId());
    List<Map<String, AttributeValue>> hits =
        tables
            .client()
            .query(
                q ->
                    q.tableName(table.tableName())
                        .indexName("due-index")
                        .keyConditionExpression("dueShard = :s")
                        .expressionAttributeValues(Map.of(":s", Items.s(shard))))
            .items();
    assertThat(hits)
        .singleElement()
        .satisfies(
            hit ->
                assertThat(hit.keySet())
                    .containsExactlyInAnyOrder("pk", "sk", "dueShard", "dueAt"));
  }
}
