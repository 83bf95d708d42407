package com.platform.accounts.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class if anything logged while it ran holds a secret its tests used: a code, a
 * password, a session or card token, a card number. Every end-to-end class registers its own:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LogSecretScan LOGS = new LogSecretScan();
 * }</pre>
 *
 * <p>and hands it each secret it uses ({@link #watch}; {@link LocalClient} does so for what goes
 * over the wire). Every log event of the JVM is captured from before the class's first
 * {@code @BeforeAll} to after its last {@code @AfterAll}, so the runtime's start and shutdown are
 * scanned too, and a class run alone is scanned exactly as in the whole suite.
 *
 * <p>A failure names what kind of secret leaked and through which logger, never the secret: test
 * reports are kept like logs.
 */
final class LogSecretScan implements BeforeAllCallback, AfterAllCallback {
  /** Shorter strings turn up in innocent log lines; no secret of the service is shorter. */
  static final int SHORTEST_SECRET = 6;

  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  /** Each watched secret and what it is ("password", "session token", ...). */
  private final Map<String, String> secrets = new ConcurrentHashMap<>();

  private Capture capture;

  /**
   * Watches for {@code secret} in the log; {@code null} or blank is ignored (nothing was used).
   *
   * @param what what the secret is, for the failure message
   * @throws IllegalArgumentException if the secret is shorter than {@value #SHORTEST_SECRET}
   */
  void watch(String what, String secret) {
    if (secret == null || secret.isBlank()) {
      return;
    }
    if (secret.length() < SHORTEST_SECRET) {
      throw new IllegalArgumentException(
          "a "
              + what
              + " shorter than "
              + SHORTEST_SECRET
              + " characters cannot be told apart from innocent log text");
    }
    secrets.putIfAbsent(secret, what);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    capture = new Capture("log-secret-scan-" + UUID.randomUUID());
    capture.start();
    Configuration config = loggerContext().getConfiguration();
    config.getRootLogger().addAppender(capture, Level.ALL, null);
    loggerContext().updateLoggers();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    loggerContext().getConfiguration().getRootLogger().removeAppender(capture.getName());
    loggerContext().updateLoggers();
    capture.stop();
    List<Captured> events = List.copyOf(capture.events);
    if (events.isEmpty()) {
      throw new AssertionError(
          context.getDisplayName()
              + ": no log event was captured, so a"
              + " leak could not have been seen; is Log4j 2 still the logging backend of the tests?");
    }
    // how many secrets of each kind leaked through each logger at each level
    Map<String, Long> leaks = new TreeMap<>();
    secrets.forEach(
        (secret, what) ->
            firstHolding(events, secret)
                .ifPresent(
                    event ->
                        leaks.merge(
                            what + " in " + event.level() + " lines of " + event.logger(),
                            1L,
                            Long::sum)));
    if (!leaks.isEmpty()) {
      List<String> kinds = new ArrayList<>();
      leaks.forEach((where, count) -> kinds.add(where + ": " + count));
      throw new AssertionError(
          context.getDisplayName()
              + ": the log holds "
              + leaks.values().stream().mapToLong(Long::longValue).sum()
              + " of the "
              + secrets.size()
              + " secrets the tests used: "
              + String.join("; ", kinds));
    }
  }

  private static Optional<Captured> firstHolding(List<Captured> events, String secret) {
    // a code inside a longer number (an epoch time, a duration) is a coincidence, not a leak
    Pattern holding =
        DIGITS.matcher(secret).matches()
            ? Pattern.compile("(?<![0-9])" + Pattern.quote(secret) + "(?![0-9])")
            : Pattern.compile(Pattern.quote(secret));
    return events.stream().filter(e -> holding.matcher(e.text()).find()).findFirst();
  }

  private static LoggerContext loggerContext() {
    if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
      throw new IllegalStateException(
          "the scan reads Log4j 2 events, but the logging backend of"
              + " the tests is "
              + LogManager.getContext(false).getClass());
    }
    return context;
  }

  /** One log event as text, with where it came from. */
  private record Captured(String logger, String level, String text) {}

  /** Keeps every event rendered whole: message, context map and any throwable's trace. */
  private static final class Capture extends AbstractAppender {
    private final List<Captured> events = new CopyOnWriteArrayList<>();

    Capture(String name) {
      super(
          name,
          null,
          PatternLayout.newBuilder().withPattern("%message %X %throwable").build(),
          true,
          Property.EMPTY_ARRAY);
    }

    @Override
    public void append(LogEvent event) {
      events.add(
          new Captured(
              event.getLoggerName(),
              event.getLevel().name(),
              ((PatternLayout) getLayout()).toSerializable(event)));
    }
  }
}
