package com.platform.accounts.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of MIME (RFC 2045-2047) to turn a raw e-mail that SES accepted into a subject and a
 * body for assertions: header unfolding, encoded-word subjects, multipart bodies, base64 and
 * quoted-printable. It is a test aid, not a mail parser: malformed input yields best-effort text,
 * never an exception.
 */
final class MimeText {
  private static final Pattern ENCODED_WORD =
      Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
  private static final Pattern BLANK_LINE = Pattern.compile("\\r?\\n\\r?\\n");
  private static final Pattern LINE_BREAK = Pattern.compile("\\r?\\n");

  private final Map<String, String> headers;
  private final String rawBody;

  private MimeText(Map<String, String> headers, String rawBody) {
    this.headers = headers;
    this.rawBody = rawBody;
  }

  static MimeText parse(String raw) {
    String head;
    String body;
    Matcher blank = BLANK_LINE.matcher(raw);
    if (raw.startsWith("\n") || raw.startsWith("\r\n")) {
      head = ""; // a part without headers: all of it is body
      body = raw.substring(raw.indexOf('\n') + 1);
    } else if (blank.find()) {
      head = raw.substring(0, blank.start());
      body = raw.substring(blank.end());
    } else {
      head = raw;
      body = "";
    }
    Map<String, String> headers = new LinkedHashMap<>();
    String name = null;
    StringBuilder value = new StringBuilder();
    for (String line : LINE_BREAK.split(head, -1)) {
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
        value.append(line); // a folded continuation: unfolding removes only the line break
        continue;
      }
      if (name != null) {
        headers.putIfAbsent(name, value.toString().trim());
      }
      int colon = line.indexOf(':');
      name = colon > 0 ? line.substring(0, colon).trim().toLowerCase(Locale.ROOT) : null;
      value.setLength(0);
      if (name != null) {
        value.append(line, colon + 1, line.length());
      }
    }
    if (name != null) {
      headers.putIfAbsent(name, value.toString().trim());
    }
    return new MimeText(headers, body);
  }

  /** The first header of that name (case-insensitive), unfolded but not decoded; null if absent. */
  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  String subject() {
    String subject = header("Subject");
    return subject == null ? null : decodeEncodedWords(subject);
  }

  /**
   * The HTML part if there is one, else the plain-text part, else the first part: the same choice
   * moto makes for simple (non-raw) messages, so assertions read both kinds alike. Trailing line
   * breaks are dropped, since MIME puts one before every boundary.
   */
  String body() {
    if (!isMultipart()) {
      return decodedContent();
    }
    return find("text/html")
        .or(() -> find("text/plain"))
        .or(() -> parts().stream().findFirst())
        .map(
            part ->
                part.isMultipart() ? stripTrailingLineBreaks(part.rawBody) : part.decodedContent())
        .orElseGet(() -> stripTrailingLineBreaks(rawBody));
  }

  private String mimeType() {
    String contentType = header("Content-Type");
    if (contentType == null) {
      return "text/plain";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  private boolean isMultipart() {
    return mimeType().startsWith("multipart/")
        && parameter(header("Content-Type"), "boundary") != null;
  }

  private Optional<MimeText> find(String type) {
    if (isMultipart()) {
      for (MimeText part : parts()) {
        Optional<MimeText> found = part.find(type);
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    }
    return mimeType().equals(type) ? Optional.of(this) : Optional.empty();
  }

  private List<MimeText> parts() {
    String delimiter = "--" + parameter(header("Content-Type"), "boundary");
    List<MimeText> parts = new ArrayList<>();
    StringBuilder current = null; // null before the first delimiter: that is the ignored preamble
    for (String line : rawBody.split("(?<=\\n)")) {
      String trimmed = line.stripTrailing();
      if (trimmed.equals(delimiter) || trimmed.equals(delimiter + "--")) {
        if (current != null) {
          // the line break before a delimiter belongs to the delimiter, not to the part
          parts.add(parse(stripOneLineBreak(current.toString())));
        }
        if (!trimmed.equals(delimiter)) {
          return parts; // the closing delimiter: what follows is the ignored epilogue
        }
        current = new StringBuilder();
      } else if (current != null) {
        current.append(line);
      }
    }
    if (current != null && current.length() > 0) {
      parts.add(parse(stripOneLineBreak(current.toString())));
    }
    return parts;
  }

  private String decodedContent() {
    String encoding =
        Optional.ofNullable(header("Content-Transfer-Encoding"))
            .map(value -> value.trim().toLowerCase(Locale.ROOT))
            .orElse("7bit");
    Charset charset = charset(parameter(header("Content-Type"), "charset"));
    String content =
        switch (encoding) {
          case "base64" -> new String(Base64.getMimeDecoder().decode(rawBody.strip()), charset);
          case "quoted-printable" -> new String(decodeQuotedPrintable(rawBody, false), charset);
          // moto already decoded the raw bytes as UTF-8, so 7bit/8bit/binary text is final as it is
          default -> rawBody;
        };
    return stripTrailingLineBreaks(content);
  }

  static String decodeEncodedWords(String value) {
    Matcher word = ENCODED_WORD.matcher(value);
    StringBuilder decoded = new StringBuilder();
    int end = 0;
    boolean previousWasEncoded = false;
    while (word.find()) {
      String between = value.substring(end, word.start());
      // RFC 2047: white space between two adjacent encoded words is not part of the text
      if (!(previousWasEncoded && between.isBlank())) {
        decoded.append(between);
      }
      Charset charset = charset(word.group(1));
      String text = word.group(3);
      byte[] bytes =
          word.group(2).equalsIgnoreCase("B")
              ? Base64.getMimeDecoder().decode(text)
              : decodeQuotedPrintable(text, true);
      decoded.append(new String(bytes, charset));
      end = word.end();
      previousWasEncoded = true;
    }
    decoded.append(value.substring(end));
    return decoded.toString();
  }

  /**
   * Quoted-printable (RFC 2045) or, with {@code encodedWord}, its Q variant where '_' is a space.
   */
  private static byte[] decodeQuotedPrintable(String text, boolean encodedWord) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    byte[] in = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < in.length; i++) {
      byte b = in[i];
      if (b == '_' && encodedWord) {
        out.write(' ');
      } else if (b == '=' && i + 1 < in.length && (in[i + 1] == '\r' || in[i + 1] == '\n')) {
        // soft line break: drop "=\r\n" or "=\n"
        i += in[i + 1] == '\r' && i + 2 < in.length && in[i + 2] == '\n' ? 2 : 1;
      } else if (b == '=' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
        out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
        i += 2;
      } else {
        out.write(b);
      }
    }
    return out.toByteArray();
  }

  private static int hex(byte b) {
    return Character.digit((char) b, 16);
  }

  /**
   * A parameter of a structured header such as {@code Content-Type: text/plain; charset="utf-8"}.
   */
  private static String parameter(String headerValue, String name) {
    if (headerValue == null) {
      return null;
    }
    Matcher parameter =
        Pattern.compile(
                "(?i)(?:^|;)\\s*" + Pattern.quote(name) + "\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s]+))")
            .matcher(headerValue);
    if (!parameter.find()) {
      return null;
    }
    return parameter.group(1) != null ? parameter.group(1) : parameter.group(2);
  }

  private static Charset charset(String name) {
    if (name == null) {
      return StandardCharsets.UTF_8;
    }
    String bare =
        name.contains("*") ? name.substring(0, name.indexOf('*')) : name; // RFC 2231 language
    try {
      return Charset.forName(bare.trim());
    } catch (IllegalArgumentException e) {
      // an unknown or malformed charset: UTF-8 is the most likely truth and never throws
      return StandardCharsets.UTF_8;
    }
  }

  private static String stripOneLineBreak(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  private static String stripTrailingLineBreaks(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(0, end);
  }
}
