package com.platform.accounts.core.due;

/**
 * A fixed number of lanes that run a sweep's items side by side. The sweep waits for a free lane
 * before it decides to start another item, so that it decides with the time then left. {@link
 * #threads} runs them on threads; the sweep simulation runs them on a virtual clock.
 */
public interface Lanes extends AutoCloseable {

  /** Waits until a lane is free and holds it for the next {@link #start} or {@link #giveBack}. */
  void awaitFree();

  /** Runs the task on the lane held; the lane is free again when the task ends. */
  void start(Runnable task);

  /** Frees the lane held without running anything. */
  void giveBack();

  /** Waits until every task started has ended. */
  void awaitIdle();

  /** Stops the lanes' threads, if any; call after {@link #awaitIdle}. */
  @Override
  void close();

  /** {@code count} lanes on threads of their own, made now and stopped by {@link #close}. */
  static Lanes threads(int count) {
    return new ThreadLanes(count);
  }
}
