package com.platform.accounts.core.port;

/**
 * Counters for operators: how often the service tolerated a failure it could not fix at once (a
 * release left to the next expire-holds run, a workflow that did not start). A count is never a
 * reason to fail the work that reports it.
 */
public interface Telemetry {

  /** Adds one to the counter of this name. */
  void count(String metric);
}
