package com.platform.accounts.core.deletion;

import com.platform.accounts.core.ledger.AccountLedger;
import com.platform.accounts.core.ledger.LedgerCharge;
import com.platform.accounts.core.ledger.LedgerEvent;
import com.platform.accounts.core.ledger.LedgerResource;
import com.platform.accounts.core.port.LedgerStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A ledger for the deletion's tests, until the resource ledger's own in-memory store is wired: each
 * event id counts once; resources and charges as {@link AccountLedger} reads them.
 */
public final class FakeLedger implements LedgerStore {
  private final Set<String> seen = new HashSet<>();
  private final Map<String, Map<String, LedgerResource>> resources = new LinkedHashMap<>();
  private final Map<String, Map<String, LedgerCharge>> charges = new LinkedHashMap<>();
  private int recorded;

  @Override
  public synchronized boolean record(LedgerEvent e) {
    if (!seen.add(e.eventId())) {
      return false;
    }
    recorded++;
    Map<String, LedgerResource> rs =
        resources.computeIfAbsent(e.accountId(), a -> new LinkedHashMap<>());
    Map<String, LedgerCharge> cs =
        charges.computeIfAbsent(e.accountId(), a -> new LinkedHashMap<>());
    LedgerResource r =
        rs.getOrDefault(
            e.resourceId(),
            new LedgerResource(e.resourceId(), e.billing(), false, false, null, null, null, null));
    LedgerCharge c =
        cs.getOrDefault(e.resourceId(), new LedgerCharge(e.resourceId(), null, null, false, null));
    switch (e.type()) {
      case RESOURCE_PROVISIONED ->
          rs.put(
              e.resourceId(),
              new LedgerResource(
                  r.resourceId(),
                  e.billing(),
                  true,
                  r.released(),
                  r.releasedAt(),
                  e.autoRenew() != null ? e.autoRenew() : r.autoRenew(),
                  e.endsAt() != null ? e.endsAt() : r.endsAt(),
                  r.updatedAt()));
      case RESOURCE_RELEASED ->
          rs.put(
              e.resourceId(),
              new LedgerResource(
                  r.resourceId(),
                  r.billing() != null ? r.billing() : e.billing(),
                  r.provisioned(),
                  true,
                  e.occurredAt(),
                  r.autoRenew(),
                  r.endsAt(),
                  r.updatedAt()));
      case SUBSCRIPTION_UPDATED ->
          rs.put(
              e.resourceId(),
              new LedgerResource(
                  r.resourceId(),
                  r.billing(),
                  r.provisioned(),
                  r.released(),
                  r.releasedAt(),
                  e.autoRenew(),
                  e.endsAt(),
                  e.occurredAt()));
      case CHARGE_ISSUED ->
          cs.put(
              e.resourceId(),
              new LedgerCharge(c.chargeId(), e.amount(), e.occurredAt(), c.paid(), c.paidAt()));
      case CHARGE_PAID ->
          cs.put(
              e.resourceId(),
              new LedgerCharge(c.chargeId(), c.amount(), c.issuedAt(), true, e.occurredAt()));
    }
    return true;
  }

  @Override
  public synchronized AccountLedger load(String accountId) {
    return new AccountLedger(
        accountId,
        new ArrayList<>(resources.getOrDefault(accountId, Map.of()).values()),
        List.copyOf(charges.getOrDefault(accountId, Map.of()).values()));
  }

  /** Events recorded (duplicates not counted). */
  public synchronized int recorded() {
    return recorded;
  }
}
