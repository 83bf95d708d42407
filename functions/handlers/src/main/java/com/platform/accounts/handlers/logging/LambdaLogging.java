package com.platform.accounts.handlers.logging;

import java.io.PrintStream;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Logging of a deployed function: SLF4J (the code's and the AWS SDK's) through java.util.logging,
 * which the JDK already carries, to standard output as JSON lines ({@link JsonLogFormatter}). A
 * full logging framework would cost a cold start several hundred milliseconds of class loading for
 * the same few lines.
 */
public final class LambdaLogging {
  /** The SDK's own chatter is for debugging it, not for running the service. */
  private static final String SDK_LOGGER = "software.amazon.awssdk";

  // a lock of its own: any code can synchronize on the class object and stall install
  private static final Object INSTALL_LOCK = new Object();
  private static volatile boolean installed;

  private LambdaLogging() {}

  /** Sends every log line to standard output as JSON, at {@code level} (Powertools' names). */
  public static void install(String level) {
    synchronized (INSTALL_LOCK) {
      if (installed) {
        return;
      }
      Logger root = LogManager.getLogManager().getLogger("");
      for (Handler handler : root.getHandlers()) {
        root.removeHandler(handler);
      }
      Handler stdout = new StdoutHandler(System.out);
      stdout.setFormatter(new JsonLogFormatter());
      stdout.setLevel(Level.ALL);
      root.addHandler(stdout);
      root.setLevel(julLevel(level));
      Logger.getLogger(SDK_LOGGER).setLevel(Level.WARNING);
      installed = true;
    }
  }

  /** java.util.logging's level for a Powertools / SLF4J level name; INFO for anything unknown. */
  static Level julLevel(String name) {
    switch (name == null ? "" : name.strip().toUpperCase(Locale.ROOT)) {
      case "TRACE":
        return Level.FINEST;
      case "DEBUG":
        return Level.FINE;
      case "WARN":
        return Level.WARNING;
      case "ERROR":
        return Level.SEVERE;
      default:
        return Level.INFO;
    }
  }

  /** Writes each line whole and at once: Lambda reads standard output line by line. */
  private static final class StdoutHandler extends Handler {
    private final PrintStream out;

    StdoutHandler(PrintStream out) {
      this.out = out;
    }

    @Override
    public void publish(LogRecord record) {
      if (isLoggable(record)) {
        out.print(getFormatter().format(record));
        out.flush();
      }
    }

    @Override
    public void flush() {
      out.flush();
    }

    @Override
    public void close() {
      flush();
    }
  }
}
