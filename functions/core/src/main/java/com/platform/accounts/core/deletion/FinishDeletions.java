package com.platform.accounts.core.deletion;

import com.platform.accounts.core.due.DueSweep;

/**
 * The worker of the finish-deletions job: a sweep of the due-index that finishes ACCOUNT_DELETION
 * items only ({@link AccountDeletion#finishDue}) and passes over the others, which the expire-holds
 * job finishes. A type of its own, so a handler asks for this sweep and not the other.
 */
public record FinishDeletions(DueSweep sweep) {}
