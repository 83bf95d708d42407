package com.platform.accounts.handlers.wiring;

import com.platform.accounts.core.ledger.ResourceLedger;
import com.platform.accounts.handlers.api.LedgerEventReader;

/** The resource ledger: the table only, no secret. */
public final class LedgerWiring {
  private LedgerWiring() {}

  public static ResourceLedger ledger() {
    return LedgerHolder.LEDGER;
  }

  public static LedgerEventReader reader() {
    return ReaderHolder.READER;
  }

  private static final class LedgerHolder {
    static final ResourceLedger LEDGER =
        new ResourceLedger(Infrastructure.table().accounts(), Infrastructure.table().ledger());
  }

  private static final class ReaderHolder {
    static final LedgerEventReader READER = new LedgerEventReader(Infrastructure.clock());
  }
}
