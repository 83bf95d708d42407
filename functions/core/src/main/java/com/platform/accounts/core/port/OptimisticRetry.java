package com.platform.accounts.core.port;

import java.util.function.Supplier;

/**
 * Runs a read-decide-write again, on freshly read state, each time its conditional write loses
 * against another writer ({@link ConcurrentModificationException}). Anything else the attempt
 * throws ends the run at once.
 */
public final class OptimisticRetry {
  /**
   * Attempts before giving up. A lost race means another writer's write landed, so every retry sees
   * newer state; only a burst of simultaneous writers to one item (one person's clients, a workflow
   * task and its redelivery) gets this far, and then the caller is better told "busy" than kept
   * spinning, one read and one write per attempt, against the function's timeout.
   */
  static final int MAX_ATTEMPTS = 16;

  private OptimisticRetry() {}

  /**
   * The result of the first attempt that does not lose a race.
   *
   * @throws ConcurrentModificationException the last attempt's, when every attempt lost
   */
  public static <T> T run(Supplier<T> attempt) {
    ConcurrentModificationException lost = null;
    for (int tries = 0; tries < MAX_ATTEMPTS; tries++) {
      try {
        return attempt.get();
      } catch (ConcurrentModificationException e) {
        lost = e;
      }
    }
    throw lost;
  }

  /**
   * Runs the attempt until one does not lose a race.
   *
   * @throws ConcurrentModificationException the last attempt's, when every attempt lost
   */
  public static void run(Runnable attempt) {
    run(
        () -> {
          attempt.run();
          return null;
        });
  }
}
