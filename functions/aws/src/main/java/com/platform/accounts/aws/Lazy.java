package com.platform.accounts.aws;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made on first use, once, even when several threads ask at the same time. Used for SDK
 * clients: a function that never talks to a service never pays for building its client.
 */
final class Lazy<T> implements Supplier<T> {
  private final Supplier<? extends T> factory;
  private volatile T value;

  Lazy(Supplier<? extends T> factory) {
    this.factory = Objects.requireNonNull(factory);
  }

  @Override
  public T get() {
    T result = value;
    if (result == null) {
      synchronized (this) {
        result = value;
        if (result == null) {
          result = Objects.requireNonNull(factory.get(), "factory returned null");
          value = result;
        }
      }
    }
    return result;
  }

  /** The value if it was made, else null; never makes it. */
  T peek() {
    return value;
  }
}
