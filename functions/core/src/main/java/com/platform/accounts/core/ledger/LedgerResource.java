package com.platform.accounts.core.ledger;

import java.time.Instant;

/**
 * A resource of an account as the ledger knows it. {@code provisioned} and {@code released} only
 * ever become true, whatever order their events arrive in: a resource is active while provisioned
 * and not released. A prepaid resource is a subscription that runs until {@code endsAt} (renewed if
 * {@code autoRenew}); {@code updatedAt} is the occurrence of the subscription update applied last.
 * An update that occurred before it, arriving later, only fills the subscription's fields that no
 * update has set yet; of two that occurred at the same instant the later arrival wins.
 */
public record LedgerResource(
    String resourceId,
    Billing billing,
    boolean provisioned,
    boolean released,
    Instant releasedAt,
    Boolean autoRenew,
    Instant endsAt,
    Instant updatedAt) {

  public boolean active() {
    return provisioned && !released;
  }
}
