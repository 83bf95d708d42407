package com.platform.accounts.aws;

import static com.platform.accounts.aws.Transactions.CONDITIONAL_CHECK_FAILED;
import static com.platform.accounts.aws.Transactions.TRANSACTION_CONFLICT;
import static com.platform.accounts.aws.Transactions.lostReasons;

import com.platform.accounts.core.card.AccountAlreadyHasCardException;
import com.platform.accounts.core.card.CardAlreadyRegisteredException;
import com.platform.accounts.core.card.CardTokenUsedException;
import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.due.DueShards;
import com.platform.accounts.core.paypal.PayPalAlreadyLinkedException;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.port.OptimisticRetry;
import com.platform.accounts.core.port.PaymentMethodStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Payment methods in the table (see {@link PaymentMethodItems} for the items). Round trips: {@code
 * find}, {@code fingerprintOwner}, {@code cardTokenUsed} and {@code findReference} 1 GetItem each;
 * {@code list} 1 Query (one more per MB of methods); {@code create} 1 TransactWriteItems for a
 * method that takes its slot (card or PayPal) or a card that carries a token hash, 1 conditional
 * PutItem for any other method; {@code update} 1 conditional PutItem while the method holds its
 * slot, else 1 GetItem, then 1 TransactWriteItems when that write frees the slot or 1 PutItem when
 * the stored method no longer held it; {@code putReference} 1 conditional PutItem. A method with
 * work due is written on its due-index shard ({@link DueItems}), in the same write: no round trip
 * of its own.
 *
 * <p>{@code update} reads a method before it writes a version that does not hold a slot: only the
 * stored version knows whether the slot items are still this method's to delete. Once a card is
 * FAILED or REMOVED its fingerprint may belong to another account's card (once a PayPal method is
 * CANCELLED, its account's PayPal slot to a newer link), and a delete conditioned on naming this
 * method would then cancel the whole transaction. The write stays conditional on the version read,
 * so the stored method cannot change between the read and the write.
 */
final class DynamoDbPaymentMethodStore implements PaymentMethodStore {
  /** The method's own write comes first in {@link #create}'s transaction. */
  private static final int METHOD_WRITE = 0;

  private final DynamoDbTable table;
  private final DueShards dueShards;

  DynamoDbPaymentMethodStore(DynamoDbTable table, DueShards dueShards) {
    this.table = table;
    this.dueShards = dueShards;
  }

  @Override
  public void create(PaymentMethod pm) {
    Map<String, AttributeValue> item = PaymentMethodItems.toItem(pm, pm.version() + 1, dueShards);
    String tokenHash = pm.card() == null ? null : pm.card().tokenHash();
    if (!holdsASlot(pm) && tokenHash == null) {
      if (!table.putIf(item, Condition.absent())) {
        throw conflict(pm);
      }
      return;
    }
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(table.transactPut(item, Condition.absent()));
    int tokenWrite = -1;
    if (tokenHash != null) {
      tokenWrite = writes.size();
      writes.add(table.transactPut(PaymentMethodItems.tokenItem(pm), Condition.absent()));
    }
    int fingerprintWrite = -1;
    int slotWrite = -1;
    if (pm.holdsCardSlot()) {
      fingerprintWrite = writes.size();
      writes.add(
          TransactWriteItem.builder()
              .put(
                  Condition.absent()
                      .applyTo(
                          Put.builder()
                              .tableName(table.tableName())
                              .item(PaymentMethodItems.fingerprintItem(pm))
                              // the holder comes back with the refusal: no second read to tell
                              // whose it is
                              .returnValuesOnConditionCheckFailure(
                                  ReturnValuesOnConditionCheckFailure.ALL_OLD))
                      .build())
              .build());
      slotWrite = writes.size();
      writes.add(table.transactPut(PaymentMethodItems.slotItem(pm), Condition.absent()));
    }
    int payPalSlotWrite = -1;
    if (pm.holdsPayPalSlot()) {
      payPalSlotWrite = writes.size();
      writes.add(table.transactPut(PaymentMethodItems.payPalSlotItem(pm), Condition.absent()));
    }
    int payPalSlot = payPalSlotWrite;
    int token = tokenWrite;
    int fingerprint = fingerprintWrite;
    int slot = slotWrite;
    boolean written =
        OptimisticRetry.run(
            () -> {
              try {
                table.transact(writes);
                return true;
              } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = lostReasons(e);
                // the in-memory table checks the id, then the token, then the fingerprint, then
                // the card slot, then the PayPal slot; so does this
                if (failed(reasons, METHOD_WRITE)) {
                  return false;
                }
                if (failed(reasons, token)) {
                  throw new CardTokenUsedException();
                }
                if (failed(reasons, fingerprint)) {
                  Optional<String> owner =
                      fingerprintHolder(reasons.get(fingerprint), pm.card().fingerprintHash());
                  if (owner.isPresent()) {
                    throw new CardAlreadyRegisteredException(owner.get().equals(pm.accountId()));
                  }
                  // taken when written but gone when read: its holder freed it in between, so the
                  // card may be registered after all
                  throw conflict(pm);
                }
                if (failed(reasons, slot)) {
                  throw new AccountAlreadyHasCardException();
                }
                if (failed(reasons, payPalSlot)) {
                  throw new PayPalAlreadyLinkedException();
                }
                return false;
              }
            });
    if (!written) {
      throw conflict(pm);
    }
  }

  @Override
  public Optional<PaymentMethod> find(String accountId, String paymentMethodId) {
    return table
        .get(PaymentMethodItems.key(accountId, paymentMethodId))
        .map(PaymentMethodItems::fromItem);
  }

  @Override
  public List<PaymentMethod> list(String accountId) {
    List<PaymentMethod> methods = new ArrayList<>();
    table
        .partition(
            PaymentMethodItems.accountPk(accountId), PaymentMethodItems.PAYMENT_METHOD_PREFIX)
        .stream()
        .map(PaymentMethodItems::fromItem)
        .forEach(methods::add);
    methods.sort(PaymentMethodItems.OLDEST_FIRST);
    return methods;
  }

  @Override
  public void update(PaymentMethod pm) {
    Map<String, AttributeValue> item = PaymentMethodItems.toItem(pm, pm.version() + 1, dueShards);
    Condition unchanged = Condition.versionIs(pm.version());
    if (holdsASlot(pm)) {
      putIf(pm, item, unchanged);
      return;
    }
    PaymentMethod stored =
        find(pm.accountId(), pm.paymentMethodId())
            .filter(found -> found.version() == pm.version())
            .orElseThrow(() -> conflict(pm));
    if (!holdsASlot(stored)) {
      putIf(pm, item, unchanged);
      return;
    }
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(table.transactPut(item, unchanged));
    if (stored.holdsCardSlot()) {
      writes.add(
          deleteIfHeldBy(PaymentMethodItems.fingerprintKey(stored.card().fingerprintHash()), pm));
      writes.add(deleteIfHeldBy(PaymentMethodItems.slotKey(stored.accountId()), pm));
    }
    if (stored.holdsPayPalSlot()) {
      writes.add(deleteIfHeldBy(PaymentMethodItems.payPalSlotKey(stored.accountId()), pm));
    }
    try {
      table.transact(writes);
    } catch (TransactionCanceledException e) {
      List<CancellationReason> reasons = lostReasons(e);
      if (failed(reasons, METHOD_WRITE)
          || reasons.stream().anyMatch(r -> TRANSACTION_CONFLICT.equals(r.code()))) {
        throw conflict(pm);
      }
      // the version read held its slot, yet its items name another method: never written so
      throw new IllegalStateException(
          "the uniqueness items of payment method "
              + pm.paymentMethodId()
              + " name another payment method",
          e);
    }
  }

  @Override
  public Optional<String> fingerprintOwner(String fingerprintHash) {
    return table
        .get(PaymentMethodItems.fingerprintKey(fingerprintHash))
        .map(item -> Items.requiredString(item, PaymentMethodItems.ACCOUNT_ID));
  }

  @Override
  public boolean cardTokenUsed(String tokenHash) {
    return table.get(PaymentMethodItems.tokenKey(tokenHash)).isPresent();
  }

  @Override
  public void putReference(
      String reference, String accountId, String paymentMethodId, Instant expiresAt) {
    // a reference that points already keeps pointing where it does: losing the condition is the
    // expected outcome of a second write, not a failure; one past its expiry is as good as gone
    table.putIf(
        PaymentMethodItems.referenceItem(reference, accountId, paymentMethodId, expiresAt),
        Condition.absentOrExpired(table.now()));
  }

  @Override
  public Optional<PaymentMethodRef> findReference(String reference, Instant now) {
    return table
        .get(PaymentMethodItems.referenceKey(reference))
        .filter(item -> PaymentMethodItems.referenceLive(item, now))
        .map(
            item ->
                new PaymentMethodRef(
                    Items.requiredString(item, PaymentMethodItems.ACCOUNT_ID),
                    Items.requiredString(item, PaymentMethodItems.PAYMENT_METHOD_ID)));
  }

  /** Whether the method holds its account's card slot or PayPal slot. */
  private static boolean holdsASlot(PaymentMethod pm) {
    return pm.holdsCardSlot() || pm.holdsPayPalSlot();
  }

  private void putIf(PaymentMethod pm, Map<String, AttributeValue> item, Condition condition) {
    if (!table.putIf(item, condition)) {
      throw conflict(pm);
    }
  }

  /** Deletes a uniqueness item inside a transaction, provided it still names this method. */
  private TransactWriteItem deleteIfHeldBy(Map<String, AttributeValue> key, PaymentMethod pm) {
    return TransactWriteItem.builder()
        .delete(
            Delete.builder()
                .tableName(table.tableName())
                .key(key)
                .conditionExpression("#paymentMethodId = :paymentMethodId")
                .expressionAttributeNames(
                    Map.of("#paymentMethodId", PaymentMethodItems.PAYMENT_METHOD_ID))
                .expressionAttributeValues(
                    Map.of(":paymentMethodId", Items.s(pm.paymentMethodId())))
                .build())
        .build();
  }

  /**
   * The account holding a fingerprint whose put was refused: from the refusal when it carries the
   * stored item, else read; empty when the holder has freed it since.
   */
  private Optional<String> fingerprintHolder(CancellationReason refusal, String fingerprintHash) {
    if (refusal.hasItem() && refusal.item().containsKey(PaymentMethodItems.ACCOUNT_ID)) {
      return Optional.of(Items.requiredString(refusal.item(), PaymentMethodItems.ACCOUNT_ID));
    }
    return fingerprintOwner(fingerprintHash);
  }

  /** Whether the write at this position (-1: none such in the transaction) failed its condition. */
  private static boolean failed(List<CancellationReason> reasons, int write) {
    return write >= 0
        && reasons.size() > write
        && CONDITIONAL_CHECK_FAILED.equals(reasons.get(write).code());
  }

  private static ConcurrentModificationException conflict(PaymentMethod pm) {
    return new ConcurrentModificationException("payment method " + pm.paymentMethodId());
  }
}
