package com.platform.accounts.aws;

import com.platform.accounts.core.due.DueShards;
import com.platform.accounts.core.port.AccountOverviewStore;
import com.platform.accounts.core.port.AccountStore;
import com.platform.accounts.core.port.ChallengeStore;
import com.platform.accounts.core.port.DueIndex;
import com.platform.accounts.core.port.IdempotencyStore;
import com.platform.accounts.core.port.LedgerStore;
import com.platform.accounts.core.port.PaymentMethodStore;
import com.platform.accounts.core.port.ProcessedEvents;
import com.platform.accounts.core.port.RateLimitStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The service's single DynamoDB table ({@code pk}/{@code sk} strings, TTL on {@code expiresAt}) and
 * the stores kept in it, with the same semantics as the in-memory table: conditional writes on a
 * version, uniqueness items written in the owner's transaction, and items past their lifetime
 * treated as gone before TTL removes them.
 *
 * <p>Every read is strongly consistent: each one either precedes a conditional write, where a stale
 * read would only lose the condition and cost another round trip, or must see what the same caller
 * just wrote (a sign-in right after sign-up).
 */
public final class DynamoDbTable {
  private final DynamoDbClient dynamo;
  private final String tableName;
  private final Clock clock;
  private final DueShards dueShards;

  /*
   * Each store is made when first asked for, so a function loads the classes of its own stores only.
   * The stores hold no state of their own: two threads racing to make one make equal stores.
   */
  private AccountStore accounts;
  private ChallengeStore challenges;
  private RateLimitStore rateLimits;
  private IdempotencyStore idempotency;
  private PaymentMethodStore paymentMethods;
  private AccountOverviewStore accountOverviews;
  private DueIndex dueIndex;
  private ProcessedEvents processedEvents;
  private LedgerStore ledger;

  /** A table whose due-index has the default number of shards. */
  public DynamoDbTable(DynamoDbClient dynamo, String tableName, Clock clock) {
    this(dynamo, tableName, clock, DueShards.DEFAULT);
  }

  /**
   * @param dueShards the due-index's shards: the same in every function that writes due items and
   *     in the sweep
   */
  public DynamoDbTable(DynamoDbClient dynamo, String tableName, Clock clock, DueShards dueShards) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.dueShards = Objects.requireNonNull(dueShards, "dueShards");
  }

  public AccountStore accounts() {
    if (accounts == null) {
      accounts = new DynamoDbAccountStore(this);
    }
    return accounts;
  }

  public ChallengeStore challenges() {
    if (challenges == null) {
      challenges = new DynamoDbChallengeStore(this);
    }
    return challenges;
  }

  public RateLimitStore rateLimits() {
    if (rateLimits == null) {
      rateLimits = new DynamoDbRateLimitStore(this);
    }
    return rateLimits;
  }

  public IdempotencyStore idempotency() {
    if (idempotency == null) {
      idempotency = new DynamoDbIdempotencyStore(this);
    }
    return idempotency;
  }

  public PaymentMethodStore paymentMethods() {
    if (paymentMethods == null) {
      paymentMethods = new DynamoDbPaymentMethodStore(this, dueShards);
    }
    return paymentMethods;
  }

  public AccountOverviewStore accountOverviews() {
    if (accountOverviews == null) {
      accountOverviews = new DynamoDbAccountOverviewStore(this);
    }
    return accountOverviews;
  }

  public DueIndex dueIndex() {
    if (dueIndex == null) {
      dueIndex = new DynamoDbDueIndex(this, dueShards);
    }
    return dueIndex;
  }

  public ProcessedEvents processedEvents() {
    if (processedEvents == null) {
      processedEvents = new DynamoDbProcessedEvents(this);
    }
    return processedEvents;
  }

  public LedgerStore ledger() {
    if (ledger == null) {
      ledger = new DynamoDbLedgerStore(this);
    }
    return ledger;
  }

  public String tableName() {
    return tableName;
  }

  Instant now() {
    return clock.instant();
  }

  /** One strongly consistent GetItem. */
  Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
    GetItemResponse response =
        dynamo.getItem(
            GetItemRequest.builder().tableName(tableName).key(key).consistentRead(true).build());
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(response.item())
        : Optional.empty();
  }

  /**
   * The items under these keys that exist, strongly consistent, in one BatchGetItem. Keys the batch
   * leaves unprocessed (throttling) are read one by one, under the SDK's own retries.
   */
  List<Map<String, AttributeValue>> getAll(List<Map<String, AttributeValue>> keys) {
    BatchGetItemResponse response =
        dynamo.batchGetItem(
            BatchGetItemRequest.builder()
                .requestItems(
                    Map.of(
                        tableName,
                        KeysAndAttributes.builder().keys(keys).consistentRead(true).build()))
                .build());
    List<Map<String, AttributeValue>> items =
        new ArrayList<>(response.responses().getOrDefault(tableName, List.of()));
    KeysAndAttributes left = response.unprocessedKeys().get(tableName);
    if (left != null) {
      for (Map<String, AttributeValue> key : left.keys()) {
        get(key).ifPresent(items::add);
      }
    }
    return items;
  }

  /** An unconditional PutItem. */
  void put(Map<String, AttributeValue> item) {
    dynamo.putItem(PutItemRequest.builder().tableName(tableName).item(item).build());
  }

  /**
   * A conditional PutItem.
   *
   * @return false when the condition failed, or a transaction was writing the same item at that
   *     moment: either way another request got there first
   */
  boolean putIf(Map<String, AttributeValue> item, Condition condition) {
    try {
      dynamo.putItem(
          condition.applyTo(PutItemRequest.builder().tableName(tableName).item(item)).build());
      return true;
    } catch (ConditionalCheckFailedException | TransactionConflictException lost) {
      return false;
    }
  }

  /**
   * A conditional UpdateItem.
   *
   * @return false when the condition failed, or a transaction was writing the item at that moment
   */
  boolean updateIf(Map<String, AttributeValue> key, Change change, Condition condition) {
    Map<String, String> names = new HashMap<>(change.names());
    names.putAll(condition.names());
    Map<String, AttributeValue> values = new HashMap<>(change.values());
    values.putAll(condition.values());
    UpdateItemRequest.Builder update =
        UpdateItemRequest.builder()
            .tableName(tableName)
            .key(key)
            .updateExpression(change.expression())
            .conditionExpression(condition.expression())
            .expressionAttributeNames(names);
    if (!values.isEmpty()) {
      update.expressionAttributeValues(values);
    }
    try {
      dynamo.updateItem(update.build());
      return true;
    } catch (ConditionalCheckFailedException | TransactionConflictException lost) {
      return false;
    }
  }

  /** One page of a Query on the table or one of its indexes. */
  QueryResponse query(QueryRequest.Builder query) {
    return dynamo.query(query.tableName(tableName).build());
  }

  /**
   * Every item of one partition whose sort key starts with {@code skPrefix} (all of them when it is
   * null), page after page, strongly consistent.
   */
  List<Map<String, AttributeValue>> partition(String pk, String skPrefix) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> startKey = null;
    do {
      QueryRequest.Builder query = QueryRequest.builder().consistentRead(true);
      if (skPrefix == null) {
        query
            .keyConditionExpression("#pk = :pk")
            .expressionAttributeNames(Map.of("#pk", Items.PK))
            .expressionAttributeValues(Map.of(":pk", Items.s(pk)));
      } else {
        query
            .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
            .expressionAttributeNames(Map.of("#pk", Items.PK, "#sk", Items.SK))
            .expressionAttributeValues(Map.of(":pk", Items.s(pk), ":prefix", Items.s(skPrefix)));
      }
      if (startKey != null) {
        query.exclusiveStartKey(startKey);
      }
      QueryResponse page = query(query);
      items.addAll(page.items());
      startKey =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
    } while (startKey != null);
    return items;
  }

  void delete(Map<String, AttributeValue> key) {
    dynamo.deleteItem(DeleteItemRequest.builder().tableName(tableName).key(key).build());
  }

  /** A conditional Put inside a transaction. */
  TransactWriteItem transactPut(Map<String, AttributeValue> item, Condition condition) {
    return TransactWriteItem.builder()
        .put(condition.applyTo(Put.builder().tableName(tableName).item(item)).build())
        .build();
  }

  /** An UpdateItem inside a transaction, made only if {@code condition} holds. */
  TransactWriteItem transactUpdate(
      Map<String, AttributeValue> key, Change change, Condition condition) {
    Map<String, String> names = new HashMap<>(change.names());
    Map<String, AttributeValue> values = new HashMap<>(change.values());
    Update.Builder update =
        Update.builder().tableName(tableName).key(key).updateExpression(change.expression());
    if (condition != null) {
      update.conditionExpression(condition.expression());
      names.putAll(condition.names());
      values.putAll(condition.values());
    }
    update.expressionAttributeNames(names);
    if (!values.isEmpty()) {
      update.expressionAttributeValues(values);
    }
    return TransactWriteItem.builder().update(update.build()).build();
  }

  /**
   * One TransactWriteItems. The SDK fills in a client request token and keeps it across its
   * retries, so a retry after a lost response is not mistaken for a competing write.
   *
   * @throws software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException when any
   *     condition failed; nothing was written
   */
  void transact(List<TransactWriteItem> writes) {
    dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes).build());
  }
}
