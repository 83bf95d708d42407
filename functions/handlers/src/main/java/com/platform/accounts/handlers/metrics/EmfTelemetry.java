package com.platform.accounts.handlers.metrics;

import com.platform.accounts.core.port.Telemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The core's counters as CloudWatch metrics: each count is an EMF record of its own on standard
 * output, from which CloudWatch extracts the metric, so no API call is made. It is written at once,
 * apart from the metrics a request gathers, so that a count made by a job or a task, which gather
 * none, is not lost.
 */
public final class EmfTelemetry implements Telemetry {
  private static final Logger LOG = LoggerFactory.getLogger(EmfTelemetry.class);
  private final String namespace;

  public EmfTelemetry(String namespace) {
    this.namespace = namespace;
  }

  @Override
  public void count(String metric) {
    try {
      MetricsFactory.getMetricsInstance().flushSingleMetric(metric, 1, MetricUnit.COUNT, namespace);
    } catch (RuntimeException e) {
      // a counter is for operators: failing to write one must not fail the work it counts
      LOG.warn("metric {} not recorded: {}", metric, e.getClass().getName());
    }
  }
}
