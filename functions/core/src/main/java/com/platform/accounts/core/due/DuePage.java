package com.platform.accounts.core.due;

import java.util.List;
import java.util.Optional;

/**
 * One page of a shard's due items, earliest first, and where the next page starts (an opaque
 * position that only the index that made it reads), empty on the last page.
 */
public record DuePage(List<DueItem> items, Optional<String> next) {
  public DuePage {
    items = List.copyOf(items);
  }
}
