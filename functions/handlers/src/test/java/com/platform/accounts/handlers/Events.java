package com.platform.accounts.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The sample events of {@code events/}, the same files `sam local invoke` takes. */
public final class Events {
  private static final ObjectMapper LENIENT =
      Json.MAPPER.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private Events() {}

  public static Path dir() {
    String root = System.getProperty("repo.root", "../..");
    return Path.of(root, "events");
  }

  public static APIGatewayProxyRequestEvent api(String file) {
    try {
      APIGatewayProxyRequestEvent event =
          LENIENT.readValue(
              Files.readString(dir().resolve(file)), APIGatewayProxyRequestEvent.class);
      event.setHeaders(new HashMap<>(event.getHeaders()));
      return event;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Map<String, Object> task(String file) {
    try {
      return Json.MAPPER.readValue(
          Files.readString(dir().resolve(file)), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
