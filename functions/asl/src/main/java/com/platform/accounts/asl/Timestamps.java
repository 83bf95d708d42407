package com.platform.accounts.asl;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Optional;

/** RFC 3339 timestamps as the States Language uses them (Wait, Timestamp* comparisons, $$). */
final class Timestamps {

  /**
   * Strict RFC 3339: seconds are required, an upper-case T separates date and time, and the offset
   * is Z or +hh:mm. Java's ISO parsers are more lenient than AWS, which would let a definition pass
   * here and fail on AWS.
   */
  private static final DateTimeFormatter RFC_3339 =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .appendOffset("+HH:MM", "Z")
          .toFormatter()
          .withResolverStyle(ResolverStyle.STRICT);

  /** The form AWS uses in the context object, e.g. 2019-03-26T20:14:13.192Z. */
  private static final DateTimeFormatter CONTEXT_FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  static Optional<Instant> parse(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text, RFC_3339).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static String format(Instant instant) {
    return CONTEXT_FORMAT.format(instant);
  }
}
