package com.platform.accounts.core.deletion;

import com.platform.accounts.core.ledger.LedgerEvent;
import com.platform.accounts.core.ledger.LedgerEventType;
import com.platform.accounts.core.ledger.LedgerListener;
import com.platform.accounts.core.port.DeletionStore;
import com.platform.accounts.core.port.Telemetry;
import com.platform.accounts.core.port.WorkflowUnavailableException;
import com.platform.accounts.core.port.Workflows;
import java.util.Optional;

/**
 * Starts the collection of a deletion's final charges once they are issued: the ledger tells it of
 * every CHARGE_ISSUED it records, and a deletion PENDING_FINAL_CHARGES starts its workflow (named
 * after the deletion, so more charges issued meanwhile start nothing more). The billing service
 * issues the final charges of an account whose deletion it was told of (AccountDeletionRequested)
 * together, so the first issued one means they are there; one issued later is collected by the next
 * collection (a retry, or the finish-deletions job at {@code finalChargesBy}).
 *
 * <p>Light on purpose: the ledger's functions build it with the table and Step Functions only. A
 * start refused for throttling is counted and left to the finish-deletions job.
 */
public final class FinalChargesTrigger implements LedgerListener {
  private final DeletionStore deletions;
  private final Workflows workflows;
  private final Telemetry telemetry;

  public FinalChargesTrigger(DeletionStore deletions, Workflows workflows, Telemetry telemetry) {
    this.deletions = deletions;
    this.workflows = workflows;
    this.telemetry = telemetry;
  }

  @Override
  public void recorded(LedgerEvent event) {
    if (event.type() == LedgerEventType.CHARGE_ISSUED) {
      chargesIssued(event.accountId());
    }
  }

  /** Starts the collection of a deletion waiting for its final charges; nothing otherwise. */
  public void chargesIssued(String accountId) {
    Optional<Deletion> deletion = deletions.find(accountId);
    if (deletion.isEmpty() || deletion.get().status() != DeletionStatus.PENDING_FINAL_CHARGES) {
      return;
    }
    try {
      workflows.startAccountDeletion(accountId, deletion.get().deletionId());
    } catch (WorkflowUnavailableException e) {
      telemetry.count(AccountDeletion.WORKFLOW_UNAVAILABLE);
    }
  }
}
