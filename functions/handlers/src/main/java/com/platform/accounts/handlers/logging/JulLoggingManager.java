package com.platform.accounts.handlers.logging;

import java.util.logging.Level;
import java.util.logging.LogManager;
import org.slf4j.Logger;
import software.amazon.lambda.powertools.logging.internal.LoggingManager;

/**
 * Lets Powertools set the level (POWERTOOLS_LOG_LEVEL, sampling) on java.util.logging, the backend
 * of the deployed functions. Found by Powertools through the ServiceLoader.
 */
// SLF4J's and java.util.logging's Level and Logger meet here: one of each pair stays qualified.
@SuppressWarnings("checkstyle:inlinequalifiedtype")
public final class JulLoggingManager implements LoggingManager {

  @Override
  public void setLogLevel(org.slf4j.event.Level level) {
    LogManager.getLogManager().getLogger("").setLevel(LambdaLogging.julLevel(level.name()));
  }

  @Override
  public org.slf4j.event.Level getLogLevel(Logger logger) {
    java.util.logging.Logger jul = java.util.logging.Logger.getLogger(logger.getName());
    while (jul.getLevel() == null && jul.getParent() != null) {
      jul = jul.getParent();
    }
    Level level = jul.getLevel() == null ? Level.INFO : jul.getLevel();
    return org.slf4j.event.Level.valueOf(JsonLogFormatter.levelName(level));
  }
}
