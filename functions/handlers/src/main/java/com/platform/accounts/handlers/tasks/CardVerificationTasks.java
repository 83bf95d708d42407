package com.platform.accounts.handlers.tasks;

import com.platform.accounts.core.card.CardVerification;
import com.platform.accounts.handlers.Priming;
import com.platform.accounts.handlers.wiring.CardWiring;
import java.util.Map;

/**
 * The card-verification state machine's tasks. Each is idempotent, so Step Functions' retries are
 * harmless; failures are thrown for the state machine's Retry and Catch.
 */
public final class CardVerificationTasks extends TaskHandler {
  private final CardVerification cards;

  /** Production: the card wiring (processor, keys, workflow). */
  public CardVerificationTasks() {
    this(CardWiring.cards());
    Priming.register(this, null);
  }

  public CardVerificationTasks(CardVerification cards) {
    this.cards = cards;
  }

  @Override
  protected Map<String, Object> run(Map<String, Object> input) {
    String action = TaskInput.text(input, "action");
    String accountId = TaskInput.text(input, "accountId");
    String paymentMethodId = TaskInput.text(input, "paymentMethodId");
    switch (action) {
      case "PLACE_CHARGES":
        return Map.of("status", cards.confirmPlacement(accountId, paymentMethodId));
      case "NOTIFY_CHARGES_PLACED":
        cards.notifyChargesPlaced(accountId, paymentMethodId);
        return Map.of("status", cards.status(accountId, paymentMethodId));
      case "AWAIT_OWNER":
        cards.awaitOwner(accountId, paymentMethodId, TaskInput.text(input, "taskToken"));
        return Map.of("status", "WAITING");
      case "RELEASE_CHARGES":
        return Map.of("status", cards.release(accountId, paymentMethodId).status().name());
      case "EXPIRE_VERIFICATION":
        return Map.of("status", cards.expire(accountId, paymentMethodId));
      default:
        throw new IllegalArgumentException("unknown action " + action);
    }
  }
}
