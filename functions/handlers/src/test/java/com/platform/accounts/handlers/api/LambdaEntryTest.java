package com.platform.accounts.handlers.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.TestHandlers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The JSON entry that Lambda calls: the proxy event as API Gateway sends it, the proxy answer. */
class LambdaEntryTest {
  private static final Path EVENTS = Path.of(System.getProperty("repo.root", "../.."), "events");
  private final SignupApi api = TestHandlers.signupApi(new TestLifecycle().lifecycle);

  private JsonNode call(byte[] event) throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    api.handleRequest(new ByteArrayInputStream(event), output, null);
    return Json.MAPPER.readTree(output.toByteArray());
  }

  @Test
  void theSampleEventIsAnsweredWithAProxyAnswer() throws Exception {
    JsonNode answer =
        call(Files.readAllBytes(EVENTS.resolve("SignupApiFunction-post-signups.json")));

    assertThat(answer.path("statusCode").asInt()).isEqualTo(201);
    assertThat(answer.path("isBase64Encoded").asBoolean(true)).isFalse();
    assertThat(answer.path("headers").path("Content-Type").asText()).isEqualTo("application/json");
    assertThat(answer.path("headers").path("Cache-Control").asText()).isEqualTo("no-store");
    assertThat(Json.MAPPER.readTree(answer.path("body").asText()).path("signupId").asText())
        .startsWith("sgn_");
  }

  @Test
  void aBase64BodyIsDecodedBeforeItIsRead() throws Exception {
    ObjectNode event =
        (ObjectNode)
            Json.MAPPER.readTree(
                Files.readAllBytes(EVENTS.resolve("SignupApiFunction-post-signups.json")));
    event.put(
        "body",
        Base64.getEncoder()
            .encodeToString(event.path("body").asText().getBytes(StandardCharsets.UTF_8)));
    event.put("isBase64Encoded", true);

    assertThat(call(Json.MAPPER.writeValueAsBytes(event)).path("statusCode").asInt())
        .isEqualTo(201);
  }

  @Test
  void anEventWithoutBodyOrHeadersIsAClientError() throws Exception {
    JsonNode answer =
        call(
            "{\"httpMethod\":\"POST\",\"resource\":\"/v1/signups\"}"
                .getBytes(StandardCharsets.UTF_8));

    assertThat(answer.path("statusCode").asInt()).isEqualTo(400);
  }
}
