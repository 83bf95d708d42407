package com.platform.accounts.handlers.tasks;

import com.amazonaws.services.lambda.runtime.Context;
import com.platform.accounts.core.paypal.PayPalLinking;
import com.platform.accounts.handlers.Priming;
import com.platform.accounts.handlers.wiring.PayPalWiring;
import java.util.Map;

/**
 * The PayPal-linking state machine's tasks: complete the link (make and record the payment token,
 * with the same request id on every retry) and tell the owner. Both are idempotent; a payer not yet
 * back is thrown as {@code NotReturnedException} for the state machine to wait on.
 */
public final class PayPalLinkingTasks extends TaskHandler {
  private final PayPalLinking linking;

  /** Production: the PayPal wiring (vault client, keys, email, events). */
  public PayPalLinkingTasks() {
    this(PayPalWiring.linking());
    Priming.register();
  }

  public PayPalLinkingTasks(PayPalLinking linking) {
    this.linking = linking;
  }

  @Override
  protected Map<String, Object> run(Map<String, Object> input, Context context) {
    String action = TaskInput.text(input, "action");
    String accountId = TaskInput.text(input, "accountId");
    String paymentMethodId = TaskInput.text(input, "paymentMethodId");
    switch (action) {
      case "COMPLETE":
        return Map.of("status", linking.complete(accountId, paymentMethodId).name());
      case "NOTIFY":
        linking.notifyOwner(accountId, paymentMethodId);
        return Map.of("notified", true);
      default:
        throw new IllegalArgumentException("unknown action " + action);
    }
  }
}
