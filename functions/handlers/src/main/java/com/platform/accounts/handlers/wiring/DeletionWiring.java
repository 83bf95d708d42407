package com.platform.accounts.handlers.wiring;

import com.platform.accounts.aws.StepFunctionsWorkflows;
import com.platform.accounts.core.deletion.AccountDeletion;
import com.platform.accounts.core.deletion.FinalChargesTrigger;
import com.platform.accounts.core.deletion.FinishDeletions;
import com.platform.accounts.core.due.DueKind;
import com.platform.accounts.core.due.DueSweep;
import com.platform.accounts.core.due.Lanes;
import com.platform.accounts.core.port.Workflows;
import com.platform.accounts.core.ratelimit.RateLimiter;
import java.util.Map;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Account deletion: the service (the table, the ledger, the password check, the card processor and
 * release, PayPal's vault when an agreement is deleted, email, events, the deletion workflow), the
 * finish-deletions job's sweep, and the light trigger the ledger's functions call when a charge is
 * issued. Each is built when a function first asks for it.
 */
public final class DeletionWiring {
  private DeletionWiring() {}

  public static AccountDeletion deletion() {
    return DeletionHolder.DELETION;
  }

  public static FinishDeletions finishDeletions() {
    return SweepHolder.FINISH;
  }

  /** What the ledger's functions tell of each charge issued: the table and Step Functions only. */
  public static FinalChargesTrigger finalChargesTrigger() {
    return TriggerHolder.TRIGGER;
  }

  private static final class WorkflowsHolder {
    static final Workflows WORKFLOWS =
        new StepFunctionsWorkflows(
            Infrastructure.clients().client(SfnClient.builder()),
            null,
            null,
            null,
            Infrastructure.settings().accountDeletionStateMachineArn());
  }

  private static final class DeletionHolder {
    static final AccountDeletion DELETION =
        new AccountDeletion(
            Infrastructure.table().accounts(),
            Infrastructure.table().deletions(),
            Infrastructure.table().ledger(),
            Infrastructure.table().paymentMethods(),
            // built on first use: the API's requests never charge, detach or release
            CardWiring::processor,
            PayPalWiring::gateway,
            CardWiring::release,
            SessionWiring.passwords(),
            new RateLimiter(Infrastructure.table().rateLimits(), Infrastructure.clock()),
            WorkflowsHolder.WORKFLOWS,
            // the SES client built at the first email: the API's requests send none
            message -> MessagingWiring.messages().send(message),
            MessagingWiring.events(),
            Infrastructure.telemetry(),
            Infrastructure.clock());
  }

  private static final class SweepHolder {
    static final FinishDeletions FINISH =
        new FinishDeletions(
            new DueSweep(
                Infrastructure.table().dueIndex(),
                Map.of(DueKind.ACCOUNT_DELETION, DeletionHolder.DELETION::finishDue),
                Infrastructure.telemetry(),
                Infrastructure.clock(),
                () -> Lanes.threads(DueSweep.LANES)));
  }

  private static final class TriggerHolder {
    static final FinalChargesTrigger TRIGGER =
        new FinalChargesTrigger(
            Infrastructure.table().deletions(),
            WorkflowsHolder.WORKFLOWS,
            Infrastructure.telemetry());
  }
}
