package com.platform.accounts.aws;

import static com.platform.accounts.aws.Transactions.CONDITIONAL_CHECK_FAILED;
import static com.platform.accounts.aws.Transactions.lostReasons;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.EmailClaim;
import com.platform.accounts.core.port.AccountStore;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.port.EmailAlreadyRegisteredException;
import com.platform.accounts.core.verification.Challenge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Accounts and their email claims in the table. Round trips: {@code find} and {@code findClaim} 1
 * GetItem each; {@code findAll} 1 GetItem for one account, 1 BatchGetItem for more; {@code
 * findByEmail} 2 GetItems (the claim, then the owner); {@code create}, {@code createNaming}, {@code
 * updateProvingEmail} and {@code updateReleasingEmail} 1 TransactWriteItems each; {@code update} 1
 * PutItem, or 1 TransactWriteItems with a challenge.
 *
 * <p>The claim names its accounts rather than keeping copies of them (their password hashes, say):
 * a copy would turn every account write into a two-item transaction (twice the write cost, and a
 * second item that could drift), to save one single-digit-millisecond read on sign-in.
 */
final class DynamoDbAccountStore implements AccountStore {
  /** Position of the claim's write in the transactions that claim an address. */
  private static final int CLAIM_WRITE = 1;

  private final DynamoDbTable table;

  DynamoDbAccountStore(DynamoDbTable table) {
    this.table = table;
  }

  @Override
  public Optional<Account> find(String accountId) {
    return table.get(AccountItems.key(accountId)).map(AccountItems::fromItem);
  }

  @Override
  public List<Account> findAll(List<String> accountIds) {
    if (accountIds.isEmpty()) {
      return List.of();
    }
    if (accountIds.size() == 1) {
      return find(accountIds.get(0)).stream().toList();
    }
    Map<String, Account> byId = new HashMap<>();
    for (Map<String, AttributeValue> item :
        table.getAll(accountIds.stream().distinct().map(AccountItems::key).toList())) {
      Account account = AccountItems.fromItem(item);
      byId.put(account.accountId(), account);
    }
    List<Account> found = new ArrayList<>();
    for (String accountId : accountIds) {
      Optional.ofNullable(byId.get(accountId)).ifPresent(found::add);
    }
    return found;
  }

  @Override
  public EmailClaim findClaim(String normalizedEmail) {
    return table
        .get(AccountItems.emailKey(normalizedEmail))
        .map(item -> AccountItems.claimFromItem(normalizedEmail, item))
        .orElseGet(() -> EmailClaim.unclaimed(normalizedEmail));
  }

  @Override
  public Optional<Account> findByEmail(String normalizedEmail) {
    return findClaim(normalizedEmail).owner().flatMap(this::find);
  }

  @Override
  public void create(Account account, Challenge completedChallenge) {
    TransactWriteItem accountWrite =
        table.transactPut(AccountItems.toItem(account, account.version() + 1), Condition.absent());
    if (!account.emailVerified()) {
      commit(account, List.of(accountWrite, challengeWrite(completedChallenge)));
      return;
    }
    claim(
        account,
        List.of(
            accountWrite,
            table.transactUpdate(
                AccountItems.emailKey(EmailClaim.key(account.email())),
                AccountItems.claimProvenBy(account.accountId()),
                AccountItems.claimUnproven()),
            challengeWrite(completedChallenge)));
  }

  @Override
  public void createNaming(Account account, Challenge completedChallenge, EmailClaim claimAsRead) {
    commit(
        account,
        List.of(
            table.transactPut(
                AccountItems.toItem(account, account.version() + 1), Condition.absent()),
            table.transactUpdate(
                AccountItems.emailKey(claimAsRead.email()),
                AccountItems.claimNamedBy(account.accountId()),
                AccountItems.claimIs(claimAsRead)),
            challengeWrite(completedChallenge)));
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
    commit(
        account,
        List.of(
            table.transactPut(accountItem, unchanged), challengeWrite(completedChallenge.get())));
  }

  @Override
  public void updateProvingEmail(Account account, Challenge completedChallenge) {
    claim(
        account,
        List.of(
            table.transactPut(
                AccountItems.toItem(account, account.version() + 1),
                Condition.versionIs(account.version())),
            table.transactUpdate(
                AccountItems.emailKey(EmailClaim.key(account.email())),
                AccountItems.claimProvenBy(account.accountId()),
                AccountItems.claimUnproven()),
            challengeWrite(completedChallenge)));
  }

  @Override
  public void updateReleasingEmail(Account account, String normalizedEmail) {
    commit(
        account,
        List.of(
            table.transactPut(
                AccountItems.toItem(account, account.version() + 1),
                Condition.versionIs(account.version())),
            table.transactUpdate(
                AccountItems.emailKey(normalizedEmail),
                AccountItems.claimReleasing(account.accountId()),
                null)));
  }

  /**
   * Reads the claim to know whether the account owns the address or only names it, then writes the
   * tombstone and the claim without it in one transaction, the claim's write conditional on that
   * reading (still the owner, or still not): 1 GetItem and 1 TransactWriteItems.
   */
  @Override
  public void updateErasing(Account tombstone, String normalizedEmail) {
    TransactWriteItem accountWrite =
        table.transactPut(
            AccountItems.toItem(tombstone, tombstone.version() + 1),
            Condition.versionIs(tombstone.version()));
    EmailClaim claim = normalizedEmail == null ? null : findClaim(normalizedEmail);
    if (claim == null || claim.version() == 0) {
      // no claim stored: nothing holds the address for the account
      commit(tombstone, List.of(accountWrite));
      return;
    }
    boolean owner = tombstone.accountId().equals(claim.ownerId());
    commit(
        tombstone,
        List.of(
            accountWrite,
            table.transactUpdate(
                AccountItems.emailKey(normalizedEmail),
                owner
                    ? AccountItems.claimErasingOwner(tombstone.accountId())
                    : AccountItems.claimReleasing(tombstone.accountId()),
                owner
                    ? AccountItems.claimOwnedBy(tombstone.accountId())
                    : AccountItems.claimNotOwnedBy(tombstone.accountId()))));
  }

  /** A transaction whose every lost condition is a concurrent change. */
  private void commit(Account account, List<TransactWriteItem> writes) {
    try {
      table.transact(writes);
    } catch (TransactionCanceledException e) {
      lostReasons(e);
      throw new ConcurrentModificationException("account " + account.accountId());
    }
  }

  /** A transaction that claims the address at {@link #CLAIM_WRITE}. */
  private void claim(Account account, List<TransactWriteItem> writes) {
    try {
      table.transact(writes);
    } catch (TransactionCanceledException e) {
      List<CancellationReason> reasons = lostReasons(e);
      // the in-memory table checks the claim first; so does this translation
      if (reasons.size() > CLAIM_WRITE
          && CONDITIONAL_CHECK_FAILED.equals(reasons.get(CLAIM_WRITE).code())) {
        throw new EmailAlreadyRegisteredException();
      }
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
