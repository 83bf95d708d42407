package com.platform.accounts.core.port;

import com.platform.accounts.core.card.PaymentMethodStatus;

/**
 * What a waiting workflow execution is resumed with. The state machines branch on the outcome's
 * status; how it travels (JSON task output, say) is the adapter's business.
 */
public sealed interface WorkflowOutcome {

  /** The name of the status the execution branches on. */
  String status();

  /** A contact-verification challenge was proven, or can no longer be. */
  enum ContactOutcome implements WorkflowOutcome {
    VERIFIED,
    EXPIRED;

    @Override
    public String status() {
      return name();
    }
  }

  /** The card-verification's payment method reached this status (or still holds it). */
  record CardOutcome(PaymentMethodStatus paymentMethodStatus) implements WorkflowOutcome {

    @Override
    public String status() {
      return paymentMethodStatus.name();
    }
  }
}
