package com.platform.accounts.core.due;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lanes on a fixed pool of threads; a semaphore of as many permits says which lanes are free. The
 * threads are made when the first task starts, so a sweep of an empty shard makes none.
 */
final class ThreadLanes implements Lanes {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final int count;
  private final Semaphore free;
  private ExecutorService threads;

  ThreadLanes(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("lanes: " + count);
    }
    this.count = count;
    this.free = new Semaphore(count);
  }

  /** The pool, made on first use; only the sweep's own thread starts tasks. */
  private ExecutorService threads() {
    if (threads == null) {
      int pool = POOLS.incrementAndGet();
      AtomicInteger lane = new AtomicInteger();
      threads =
          Executors.newFixedThreadPool(
              count,
              r -> {
                Thread t = new Thread(r, "due-sweep-" + pool + "-" + lane.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
    }
    return threads;
  }

  @Override
  public void awaitFree() {
    free.acquireUninterruptibly();
  }

  @Override
  public void start(Runnable task) {
    threads()
        .execute(
            () -> {
              try {
                task.run();
              } finally {
                free.release();
              }
            });
  }

  @Override
  public void giveBack() {
    free.release();
  }

  @Override
  public void awaitIdle() {
    free.acquireUninterruptibly(count);
    free.release(count);
  }

  @Override
  public void close() {
    if (threads != null) {
      threads.shutdown();
    }
  }
}
