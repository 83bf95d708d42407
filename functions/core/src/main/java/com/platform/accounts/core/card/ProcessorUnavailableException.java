package com.platform.accounts.core.card;

/**
 * The processor could not be reached or failed (timeout, 5xx) after the adapter's own retries with
 * the same idempotency key. The operation may or may not have happened: retry with the same key.
 */
public class ProcessorUnavailableException extends RuntimeException {
  public ProcessorUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
