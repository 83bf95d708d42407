package com.platform.accounts.core.deletion;

/**
 * The workflow of a deletion started before the deletion was written, and it is not there (yet):
 * the request that started it writes it just after. The state machine asks again for a few seconds,
 * then ends without doing anything (the request failed after the start).
 */
public final class DeletionNotRecordedException extends RuntimeException {
  public DeletionNotRecordedException() {
    super("the deletion is not recorded (yet)", null, false, false);
  }
}
