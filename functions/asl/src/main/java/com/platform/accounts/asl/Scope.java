package com.platform.accounts.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/**
 * What a path or payload template is evaluated against: the data ({@code $}) and the context object
 * ({@code $$}). The context object is built on first use only, since most paths never touch it.
 */
final class Scope {

  private final JsonNode input;
  private final Supplier<JsonNode> contextFactory;
  private JsonNode context;

  Scope(JsonNode input, Supplier<JsonNode> contextFactory) {
    this.input = input;
    this.contextFactory = contextFactory;
  }

  JsonNode input() {
    return input;
  }

  JsonNode context() {
    if (context == null) {
      context = contextFactory.get();
    }
    return context;
  }
}
