package com.platform.accounts.handlers.tasks;

import com.amazonaws.services.lambda.runtime.Context;
import com.platform.accounts.core.deletion.AccountDeletion;
import com.platform.accounts.core.deletion.Deletion;
import com.platform.accounts.core.deletion.DeletionNotRecordedException;
import com.platform.accounts.handlers.Priming;
import com.platform.accounts.handlers.wiring.DeletionWiring;
import java.util.Map;

/**
 * The account-deletion state machine's tasks: collect the final charges (COLLECT_FINAL_CHARGES,
 * answering the deletion's status afterwards) and erase a deleted account (ERASE). Both are
 * idempotent. A deletion not yet written (the request writes it just after starting the execution)
 * is thrown as {@code DeletionNotRecordedException} for the state machine to ask again; a deletion
 * of another id (a concurrent request's, which won) answers {@code SUPERSEDED}.
 */
public final class AccountDeletionTasks extends TaskHandler {
  static final String SUPERSEDED = "SUPERSEDED";

  private final AccountDeletion deletion;

  /** Production: the deletion wiring (ledger, table, processor, PayPal, email, events). */
  public AccountDeletionTasks() {
    this(DeletionWiring.deletion());
    Priming.register();
  }

  public AccountDeletionTasks(AccountDeletion deletion) {
    this.deletion = deletion;
  }

  @Override
  protected Map<String, Object> run(Map<String, Object> input, Context context) {
    String action = TaskInput.text(input, "action");
    String accountId = TaskInput.text(input, "accountId");
    String deletionId = TaskInput.text(input, "deletionId");
    Deletion current = deletion.find(accountId).orElseThrow(DeletionNotRecordedException::new);
    if (!current.deletionId().equals(deletionId)) {
      return Map.of("status", SUPERSEDED);
    }
    switch (action) {
      case "COLLECT_FINAL_CHARGES":
        return Map.of(
            "status", deletion.collectFinalCharges(accountId).map(Enum::name).orElse(SUPERSEDED));
      case "ERASE":
        deletion.erase(accountId);
        return Map.of("erased", true);
      default:
        throw new IllegalArgumentException("unknown action " + action);
    }
  }
}
