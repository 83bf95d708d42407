package com.platform.accounts.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.card.PaymentMethodStatus;
import org.junit.jupiter.api.Test;

class WorkflowOutcomeTest {

  @Test
  void aContactOutcomeIsTheStatusTheStateMachineBranchesOn() {
    assertThat(WorkflowOutcome.ContactOutcome.VERIFIED.status()).isEqualTo("VERIFIED");
    assertThat(WorkflowOutcome.ContactOutcome.EXPIRED.status()).isEqualTo("EXPIRED");
  }

  @Test
  void aCardOutcomeIsThePaymentMethodsStatus() {
    for (PaymentMethodStatus status : PaymentMethodStatus.values()) {
      assertThat(new WorkflowOutcome.CardOutcome(status).status()).isEqualTo(status.name());
    }
  }
}
