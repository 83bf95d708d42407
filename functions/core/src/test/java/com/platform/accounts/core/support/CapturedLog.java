package com.platform.accounts.core.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The lines one class logs while a test runs, read through java.util.logging, to which the tests'
 * SLF4J binding writes. Closing it stops the capture.
 */
public final class CapturedLog implements AutoCloseable {
  private final Logger logger;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          lines.add(record.getLevel() + " " + new SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private CapturedLog(Class<?> source) {
    this.logger = Logger.getLogger(source.getName());
    logger.addHandler(handler);
  }

  public static CapturedLog of(Class<?> source) {
    return new CapturedLog(source);
  }

  /** Each line as its level and its formatted message, e.g. {@code WARNING CardReleaseFailed}. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
  }
}
