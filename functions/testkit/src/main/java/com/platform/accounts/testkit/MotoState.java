package com.platform.accounts.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads sent messages out of moto's {@code /moto-api/data.json}, which maps service (the moto
 * module name) to model class name to the list of instances, each instance an object of its public
 * attributes. The shapes used here are those of moto 5.2:
 *
 * <pre>
 * ses.Message:    {id, source, subject, body, destinations: {ToAddresses, CcAddresses, BccAddresses}}
 * ses.RawMessage: {id, source, destinations: [address, ...], raw_data: "MIME text"}
 * sns.SMS:        {message_id, phone_number, message}
 * </pre>
 *
 * SES v2 sends are stored by the v1 backend, so they appear under {@code ses} too.
 */
final class MotoState {
  private MotoState() {}

  static List<SentEmail> sentEmails(JsonNode state) {
    JsonNode ses = state.path("ses");
    List<SentEmail> emails = new ArrayList<>();
    for (JsonNode message : ses.path("Message")) {
      JsonNode destinations = message.path("destinations");
      Set<String> to = new LinkedHashSet<>();
      for (String field : List.of("ToAddresses", "CcAddresses", "BccAddresses")) {
        addAddresses(to, destinations.path(field));
      }
      emails.add(
          new SentEmail(
              bareAddress(text(message, "source")),
              List.copyOf(to),
              text(message, "subject"),
              text(message, "body")));
    }
    for (JsonNode message : ses.path("RawMessage")) {
      // moto appends the To/Cc/Bcc header addresses to the explicit destinations, so the same
      // recipient can appear twice (once as "Name <address>"); the set keeps one bare address.
      Set<String> to = new LinkedHashSet<>();
      addAddresses(to, message.path("destinations"));
      MimeText mime =
          MimeText.parse(text(message, "raw_data") == null ? "" : text(message, "raw_data"));
      String from = text(message, "source") != null ? text(message, "source") : mime.header("From");
      emails.add(new SentEmail(bareAddress(from), List.copyOf(to), mime.subject(), mime.body()));
    }
    return List.copyOf(emails);
  }

  static List<SentSms> sentSms(JsonNode state) {
    List<SentSms> messages = new ArrayList<>();
    for (JsonNode sms : state.path("sns").path("SMS")) {
      messages.add(new SentSms(text(sms, "phone_number"), text(sms, "message")));
    }
    return List.copyOf(messages);
  }

  private static void addAddresses(Set<String> into, JsonNode addresses) {
    for (JsonNode address : addresses) {
      if (address.isTextual() && !address.asText().isBlank()) {
        into.add(bareAddress(address.asText()));
      }
    }
  }

  /**
   * {@code "Jane Doe <jane@example.com>"} becomes {@code "jane@example.com"}; a bare address stays.
   */
  static String bareAddress(String address) {
    if (address == null) {
      return null;
    }
    int open = address.lastIndexOf('<');
    int close = address.lastIndexOf('>');
    return open >= 0 && close > open ? address.substring(open + 1, close).trim() : address.trim();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
