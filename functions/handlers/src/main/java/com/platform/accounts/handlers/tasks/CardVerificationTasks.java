package com.platform.accounts.handlers.tasks;

import com.amazonaws.services.lambda.runtime.Context;
import com.platform.accounts.core.card.ChargePlacement;
import com.platform.accounts.core.card.ChargeRelease;
import com.platform.accounts.core.card.OwnerAnswers;
import com.platform.accounts.handlers.Priming;
import com.platform.accounts.handlers.wiring.CardWiring;
import java.util.Map;

/**
 * The card-verification state machine's tasks. Each is idempotent, so Step Functions' retries are
 * harmless; failures are thrown for the state machine's Retry and Catch.
 */
public final class CardVerificationTasks extends TaskHandler {
  private final ChargePlacement placement;
  private final OwnerAnswers answers;
  private final ChargeRelease release;

  /** Production: the card wiring (processor, keys). */
  public CardVerificationTasks() {
    this(CardWiring.placement(), CardWiring.answers(), CardWiring.release());
    Priming.register();
  }

  public CardVerificationTasks(
      ChargePlacement placement, OwnerAnswers answers, ChargeRelease release) {
    this.placement = placement;
    this.answers = answers;
    this.release = release;
  }

  @Override
  protected Map<String, Object> run(Map<String, Object> input, Context context) {
    String action = TaskInput.text(input, "action");
    String accountId = TaskInput.text(input, "accountId");
    String paymentMethodId = TaskInput.text(input, "paymentMethodId");
    switch (action) {
      case "PLACE_CHARGES":
        return Map.of("status", placement.confirmPlacement(accountId, paymentMethodId));
      case "NOTIFY_CHARGES_PLACED":
        return Map.of("status", answers.notifyChargesPlaced(accountId, paymentMethodId));
      case "RELEASE_CHARGES":
        return Map.of("status", release.release(accountId, paymentMethodId).status().name());
      default:
        throw new IllegalArgumentException("unknown action " + action);
    }
  }
}
