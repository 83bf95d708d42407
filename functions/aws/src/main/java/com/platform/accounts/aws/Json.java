package com.platform.accounts.aws;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The adapters' one JSON mapper: building one is costly, and a configured one is shareable. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}
}
