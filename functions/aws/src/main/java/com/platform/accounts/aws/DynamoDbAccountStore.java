package com.platform.accounts.aws;

import static com.platform.accounts.aws.Transactions.CONDITIONAL_CHECK_FAILED;
import static com.platform.accounts.aws.Transactions.lostReasons;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.port.AccountStore;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.port.EmailAlreadyRegisteredException;
import com.platform.accounts.core.verification.Challenge;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Accounts in the table. Round trips: {@code find} 1 GetItem; {@code findByEmail} 2 GetItems (the
 * email item, then the account); {@code create} 1 TransactWriteItems; {@code update} 1 PutItem, or
 * 1 TransactWriteItems with a challenge.
 *
 * <p>{@code findByEmail} reads twice rather than keeping a copy of the account on the email item: a
 * copy would turn every account write into a two-item transaction (twice the write cost, and a
 * second item that could drift), to save one single-digit-millisecond read on sign-up and sign-in.
 */
final class DynamoDbAccountStore implements AccountStore {
  /** Position of the email item in {@link #create}'s transaction. */
  private static final int EMAIL_WRITE = 1;

  private final DynamoDbTable table;

  DynamoDbAccountStore(DynamoDbTable table) {
    this.table = table;
  }

  @Override
  public Optional<Account> find(String accountId) {
    return table.get(AccountItems.key(accountId)).map(AccountItems::fromItem);
  }

  @Override
  public Optional<Account> findByEmail(String normalizedEmail) {
    return table
        .get(AccountItems.emailKey(normalizedEmail))
        .map(item -> Items.requiredString(item, AccountItems.ACCOUNT_ID))
        .flatMap(this::find);
  }

  @Override
  public void create(Account account, Challenge completedChallenge) {
    List<TransactWriteItem> writes =
        List.of(
            table.transactPut(
                AccountItems.toItem(account, account.version() + 1), Condition.absent()),
            table.transactPut(AccountItems.emailItem(account), Condition.absent()),
            challengeWrite(completedChallenge));
    try {
      table.transact(writes);
    } catch (TransactionCanceledException e) {
      List<CancellationReason> reasons = lostReasons(e);
      // the in-memory table checks the email first; so does this translation
      if (reasons.size() > EMAIL_WRITE
          && CONDITIONAL_CHECK_FAILED.equals(reasons.get(EMAIL_WRITE).code())) {
        throw new EmailAlreadyRegisteredException();
      }
      throw new ConcurrentModificationException("account " + account.accountId());
    }
  }

  @Override
  public void update(Account account, Optional<Challenge> completedChallenge) {
    Map<String, AttributeValue> accountItem = AccountItems.toItem(account, account.version() + 1);
    Condition unchanged = Condition.versionIs(account.version());
    if (completedChallenge.isEmpty()) {
      if (!table.putIf(accountItem, unchanged)) {
        throw new ConcurrentModificationException("account " + account.accountId());
      }
      return;
    }
    try {
      table.transact(
          List.of(
              table.transactPut(accountItem, unchanged), challengeWrite(completedChallenge.get())));
    } catch (TransactionCanceledException e) {
      lostReasons(e);
      throw new ConcurrentModificationException("account " + account.accountId());
    }
  }

  /** The completed challenge, written only if it is still the live version that was read. */
  private TransactWriteItem challengeWrite(Challenge challenge) {
    return table.transactPut(
        ChallengeItems.toItem(challenge, challenge.version() + 1),
        Condition.liveVersionIs(challenge.version(), table.now()));
  }
}
