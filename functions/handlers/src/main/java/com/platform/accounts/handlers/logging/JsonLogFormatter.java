package com.platform.accounts.handlers.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.slf4j.MDC;

/**
 * One JSON object per line with Powertools' field names: {@code timestamp}, {@code level}, {@code
 * message}, {@code name} (the logger), the fields Powertools keeps in the MDC for the current
 * invocation ({@code function_request_id}, {@code cold_start}, {@code service}, {@code
 * xray_trace_id} ...), and for a failure its class and stack frames. An exception's message is
 * never written: it may quote a value the service was given.
 */
public final class JsonLogFormatter extends Formatter {
  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public String format(LogRecord record) {
    StringWriter line = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(line)) {
      json.writeStartObject();
      json.writeStringField("timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
      json.writeStringField("level", levelName(record.getLevel()));
      json.writeStringField("message", formatMessage(record));
      json.writeStringField("name", record.getLoggerName());
      Map<String, String> context = MDC.getCopyOfContextMap();
      if (context != null) {
        for (Map.Entry<String, String> field : new TreeMap<>(context).entrySet()) {
          json.writeStringField(field.getKey(), field.getValue());
        }
      }
      Throwable failure = record.getThrown();
      if (failure != null) {
        json.writeStringField("error", failure.getClass().getName());
        json.writeArrayFieldStart("stack");
        for (StackTraceElement frame : failure.getStackTrace()) {
          json.writeString(frame.toString());
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("a log line could not be written", e);
    }
    return line.append(System.lineSeparator()).toString();
  }

  /** Powertools' (and SLF4J's) names for java.util.logging's levels. */
  static String levelName(Level level) {
    int value = level.intValue();
    if (value >= Level.SEVERE.intValue()) {
      return "ERROR";
    }
    if (value >= Level.WARNING.intValue()) {
      return "WARN";
    }
    if (value >= Level.INFO.intValue()) {
      return "INFO";
    }
    return value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
  }
}
