package com.platform.accounts.aws;

import com.platform.accounts.core.port.ChallengeStore;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.verification.Challenge;
import java.time.Instant;
import java.util.Optional;

/**
 * Challenges in the table. Round trips: {@code find} 1 GetItem; {@code create} and {@code update} 1
 * conditional PutItem each.
 */
final class DynamoDbChallengeStore implements ChallengeStore {
  private final DynamoDbTable table;

  DynamoDbChallengeStore(DynamoDbTable table) {
    this.table = table;
  }

  @Override
  public Optional<Challenge> find(String challengeId, Instant now) {
    return table
        .get(ChallengeItems.key(challengeId))
        .filter(item -> Items.live(item, now))
        .map(ChallengeItems::fromItem);
  }

  @Override
  public void create(Challenge challenge) {
    if (!table.putIf(ChallengeItems.toItem(challenge, 1), Condition.absentOrExpired(table.now()))) {
      throw new ConcurrentModificationException("challenge " + challenge.challengeId());
    }
  }

  @Override
  public void update(Challenge challenge) {
    if (!table.putIf(
        ChallengeItems.toItem(challenge, challenge.version() + 1),
        Condition.liveVersionIs(challenge.version(), table.now()))) {
      throw new ConcurrentModificationException("challenge " + challenge.challengeId());
    }
  }
}
