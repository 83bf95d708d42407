package com.platform.accounts.testkit;

import java.util.List;

/**
 * An e-mail that SES accepted in the emulator.
 *
 * @param from the sender's bare address
 * @param to every recipient's bare address: To, then Cc, then Bcc, without duplicates
 * @param subject the decoded subject, or {@code null} if the message had none
 * @param body the HTML body if the message had one, else the text body (what moto keeps)
 */
public record SentEmail(String from, List<String> to, String subject, String body) {
  public SentEmail {
    to = List.copyOf(to);
  }
}
