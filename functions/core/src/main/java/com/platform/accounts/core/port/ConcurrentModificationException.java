package com.platform.accounts.core.port;

/** A conditional write lost against another writer: reload and decide again. */
public class ConcurrentModificationException extends RuntimeException {
  public ConcurrentModificationException(String what) {
    super(what + " was changed by another request", null, false, false);
  }
}
