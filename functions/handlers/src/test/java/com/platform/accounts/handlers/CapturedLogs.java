package com.platform.accounts.handlers;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything an action logs (any logger, through SLF4J's java.util.logging binding, with each
 * record's parameters and exception) and writes to standard output (the EMF metrics), as text.
 */
public final class CapturedLogs {
  private CapturedLogs() {}

  public static String of(Runnable action) {
    List<String> lines = new ArrayList<>();
    SimpleFormatter formatter = new SimpleFormatter();
    Handler handler =
        new Handler() {
          @Override
          public synchronized void publish(LogRecord record) {
            lines.add(formatter.format(record));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    root.addHandler(handler);
    String out;
    try {
      out = StandardOutput.of(action);
    } finally {
      root.removeHandler(handler);
    }
    synchronized (handler) {
      return String.join("\n", lines) + "\n" + out;
    }
  }
}
