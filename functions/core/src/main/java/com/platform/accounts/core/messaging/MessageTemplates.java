package com.platform.accounts.core.messaging;

import com.platform.accounts.core.verification.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Message texts kept in {@code infrastructure/messages} (packaged under {@code messages/}). An
 * email template starts with a {@code Subject:} line and a blank line; placeholders are {@code
 * {{name}}}.
 */
public final class MessageTemplates {
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private MessageTemplates() {}

  /** Renders {@code name.channel.txt} for the channel into a message to {@code to}. */
  public static OutboundMessage render(
      String name, Channel channel, String to, Map<String, String> values, String code) {
    String file = name + "." + channel.name().toLowerCase(Locale.ROOT) + ".txt";
    String text = CACHE.computeIfAbsent(file, MessageTemplates::load);
    for (Map.Entry<String, String> v : values.entrySet()) {
      text = text.replace("{{" + v.getKey() + "}}", v.getValue());
    }
    String subject = null;
    if (text.startsWith("Subject: ")) {
      int end = text.indexOf('\n');
      subject = text.substring("Subject: ".length(), end).strip();
      text = text.substring(end + 1).stripLeading();
    }
    return new OutboundMessage(channel, to, subject, text.strip(), code);
  }

  private static String load(String file) {
    try (InputStream in = MessageTemplates.class.getResourceAsStream("/messages/" + file)) {
      if (in == null) {
        throw new IllegalStateException("message template missing: " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
