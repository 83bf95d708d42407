package com.platform.accounts.core.contact;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address we can deliver to. The local part must be ASCII because SES cannot send to
 * SMTPUTF8 mailboxes; an internationalised domain is accepted and kept in its ASCII (punycode)
 * form. {@code key} is the case-folded form that makes an address unique.
 */
public record EmailAddress(String value, String key) {
  private static final Pattern LOCAL =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern TLD = Pattern.compile("([a-z]{2,63}|xn--[a-z0-9-]{1,59})");

  public static Optional<EmailAddress> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String trimmed = raw.strip();
    int at = trimmed.lastIndexOf('@');
    if (at <= 0 || at == trimmed.length() - 1 || trimmed.length() > 254) {
      return Optional.empty();
    }
    String local = trimmed.substring(0, at);
    if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
      return Optional.empty();
    }
    String domain;
    try {
      domain =
          IDN.toASCII(trimmed.substring(at + 1), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2 || domain.length() > 253) {
      return Optional.empty();
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return Optional.empty();
      }
    }
    if (!TLD.matcher(labels[labels.length - 1]).matches()) {
      return Optional.empty();
    }
    String value = local + "@" + domain;
    return Optional.of(new EmailAddress(value, value.toLowerCase(Locale.ROOT)));
  }

  /** The address as shown back to its owner without revealing it: {@code a***@example.com}. */
  public static String mask(String email) {
    int at = email.lastIndexOf('@');
    if (at <= 0) {
      return "***";
    }
    return email.charAt(0) + "***" + email.substring(at);
  }
}
