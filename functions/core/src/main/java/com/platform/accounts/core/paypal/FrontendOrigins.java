package com.platform.accounts.core.paypal;

import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Validation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The origins of the frontend, the only places a browser is ever sent back to: a PayPal return
 * never becomes an open redirect. A URL passes when it is absolute, http(s), has no user info, and
 * its scheme, host and port are those of an allowed origin exactly (default ports made explicit).
 */
public final class FrontendOrigins {
  /** Longer URLs are refused: they would only lengthen PayPal's redirect. */
  static final int MAX_URL_LENGTH = 2048;

  private final Set<String> origins;

  public FrontendOrigins(List<String> origins) {
    this.origins =
        origins.stream()
            .map(String::strip)
            .filter(o -> !o.isEmpty())
            .map(FrontendOrigins::originOf)
            .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether a URL may receive the browser. */
  public boolean allows(String url) {
    if (url == null || url.length() > MAX_URL_LENGTH) {
      return false;
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      // a backslash or a control character is read differently by browsers and by URI parsers
      if (c == '\\' || c <= 0x20 || c == 0x7f) {
        return false;
      }
    }
    try {
      URI uri = new URI(url);
      if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawUserInfo() != null) {
        return false;
      }
      return origins.contains(originOf(uri));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Adds a field error for a URL that may not receive the browser. */
  public void check(Validation validation, String field, String url) {
    if (url != null && !allows(url)) {
      validation.reject(
          field,
          FieldErrorCode.URL_NOT_ALLOWED,
          "Give a page of the frontend (http or https, on its own origin).");
    }
  }

  private static String originOf(String origin) {
    try {
      return originOf(new URI(origin));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not an origin: " + origin, e);
    }
  }

  private static String originOf(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("not an http(s) origin");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("no host");
    }
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port;
  }
}
