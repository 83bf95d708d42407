package com.platform.accounts.core.card;

import com.platform.accounts.core.port.Telemetry;
import com.platform.accounts.core.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failures a part of card verification tolerates because something else finishes the work (the
 * expire-holds job releases whatever stays due): each is logged and counted, never dropped. A line
 * names the payment method and the kind of failure only, never its message, which may quote a token
 * or a processor's id of the card.
 */
final class ToleratedFailures {
  private final Logger log;
  private final Telemetry telemetry;

  ToleratedFailures(Class<?> part, Telemetry telemetry) {
    this.log = LoggerFactory.getLogger(part);
    this.telemetry = telemetry;
  }

  /**
   * Logs and counts a tolerated failure.
   *
   * @param metric the counter, also the start of the log line
   * @param consequence what happens instead, for the reader of the log
   */
  void record(String metric, String paymentMethodId, RuntimeException failure, String consequence) {
    log.warn("{}: payment method {} ({}); {}", metric, paymentMethodId, kind(failure), consequence);
    telemetry.count(metric);
  }

  private static String kind(RuntimeException failure) {
    return failure instanceof Problem problem
        ? problem.code().name()
        : failure.getClass().getName();
  }
}
