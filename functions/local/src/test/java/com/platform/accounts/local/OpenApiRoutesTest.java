package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OpenAPI document, the template and the local runtime agree: every documented operation is
 * routed in template.yaml (or marked local-only) and answered locally by the function the template
 * names; the template routes nothing that is not documented.
 */
class OpenApiRoutesTest {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
  private static final Path ROOT = TestRuntimes.repoRoot();

  @RegisterExtension static final LogSecretScan LOGS = new LogSecretScan();

  private static LocalRuntime runtime;
  private static LocalClient client;

  @BeforeAll
  static void start() {
    runtime = TestRuntimes.start();
    client = new LocalClient(runtime.baseUri(), LOGS);
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  private record Operation(String method, String path, boolean localOnly) {}

  private static Set<Operation> documented() throws Exception {
    JsonNode paths =
        new ObjectMapper(new YAMLFactory())
            .readTree(ROOT.resolve("infrastructure/openapi.yaml").toFile())
            .path("paths");
    Set<Operation> operations = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      boolean pathLocal = path.getValue().path("x-local-only").asBoolean(false);
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (METHODS.contains(op.getKey())) {
          operations.add(
              new Operation(
                  op.getKey().toUpperCase(Locale.ROOT),
                  path.getKey(),
                  pathLocal || op.getValue().path("x-local-only").asBoolean(false)));
        }
      }
    }
    return operations;
  }

  @Test
  void everyDocumentedRouteIsInTheTemplateAndNothingElseIs() throws Exception {
    Set<String> documented = new HashSet<>();
    for (Operation op : documented()) {
      if (!op.localOnly()) {
        documented.add(op.method() + " " + op.path());
      }
    }
    Set<String> routed = new HashSet<>();
    for (SamTemplate.ApiRoute route : SamTemplate.read(ROOT).routes()) {
      routed.add(route.method() + " " + route.path());
    }

    assertThat(documented).isNotEmpty();
    assertThat(routed).containsExactlyInAnyOrderElementsOf(documented);
  }

  @Test
  void everyDocumentedOperationIsServedLocally() throws Exception {
    Map<String, String> functionOf = new HashMap<>();
    for (SamTemplate.ApiRoute route : SamTemplate.read(ROOT).routes()) {
      functionOf.put(route.method() + " " + route.path(), route.functionId());
    }
    for (Operation op : documented()) {
      String path = op.path().replaceAll("\\{[^}]+}", "x");
      String body = op.method().equals("POST") ? "{}" : null;
      LocalClient.Answer answer = client.send(op.method(), path, null, body, Map.of());
      if (op.localOnly()) {
        assertThat(answer.status()).as(op.toString()).isNotIn(404, 405);
      } else {
        assertThat(answer.headers().get("x-local-function"))
            .as(op.toString())
            .isEqualTo(functionOf.get(op.method() + " " + op.path()));
      }
    }
  }
}
