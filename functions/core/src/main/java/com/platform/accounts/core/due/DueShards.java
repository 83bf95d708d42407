package com.platform.accounts.core.due;

import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

/**
 * How many shards the due-index has, and which one an item is on: a CRC-32 of its id, which is the
 * same in every process and every release, so a writer and the sweep agree without asking each
 * other. Every writer of due items and the sweep must be configured with the same count. Raising it
 * is safe (the new shards fill as items are written again; items on the old shards stay on shards
 * the sweep still reads); lowering it strands the items of the shards dropped.
 */
public record DueShards(int count) {
  /** The shards of a deployment that configures none (template.yaml's default). */
  public static final DueShards DEFAULT = new DueShards(16);

  /** Step Functions' States.ArrayRange, which lists the shards to the fan-out, caps at 1,000. */
  public static final int MAX = 1000;

  public DueShards {
    if (count < 1 || count > MAX) {
      throw new IllegalArgumentException("due-index shards must be 1 to " + MAX + ": " + count);
    }
  }

  /** The shard of the item of this id. */
  public int of(String itemId) {
    CRC32 crc = new CRC32();
    crc.update(itemId.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % count);
  }

  /** Every shard, 0 to count - 1: what the sweep fans out over. */
  public int[] all() {
    return IntStream.range(0, count).toArray();
  }
}
