package com.platform.accounts.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The JSONPath subset on its own. */
class JsonPathTest extends EngineTestSupport {

  private static final JsonNode DATA =
      json(
          """
      {"a": {"b": [10, 20, {"c": "deep"}]}, "with.dot": 1, "n": null}
      """);
  private static final JsonNode CONTEXT = json("{\"Execution\": {\"Name\": \"e\"}}");

  private static JsonNode read(String path) {
    return JsonPath.parse(path).read(new Scope(DATA, () -> CONTEXT));
  }

  @Test
  void readsDottedBracketedAndIndexedPaths() {
    assertThat(read("$")).isEqualTo(DATA);
    assertThat(read("$.a.b[1]")).isEqualTo(json("20"));
    assertThat(read("$.a.b[2].c")).isEqualTo(json("\"deep\""));
    assertThat(read("$['with.dot']")).isEqualTo(json("1"));
    assertThat(read("$.a['b'][-1]['c']")).isEqualTo(json("\"deep\""));
    assertThat(read("$$.Execution.Name")).isEqualTo(json("\"e\""));
  }

  @Test
  void missingValuesReadAsNullWhileJsonNullIsPresent() {
    assertThat(read("$.nope")).isNull();
    assertThat(read("$.a.b[7]")).isNull();
    assertThat(read("$.a.b.c")).isNull();
    assertThat(read("$.n").isNull()).isTrue();
  }

  @Test
  void wildcardsCollectEveryMatchIntoAnArray() {
    assertThat(read("$.a.b[*]")).isEqualTo(json("[10, 20, {\"c\": \"deep\"}]"));
    assertThat(read("$.a.b[*].c")).isEqualTo(json("[\"deep\"]"));
    assertThat(read("$.*.b[0]")).isEqualTo(json("[10]"));
  }

  @Test
  void writeCopiesAlongThePathAndLeavesTheOriginalUntouched() {
    JsonNode original = json("{\"a\": {\"keep\": 1}, \"list\": [1, 2]}");
    JsonNode snapshot = original.deepCopy();

    assertThat(JsonPath.parse("$.a.new").write(original, json("2")))
        .isEqualTo(json("{\"a\": {\"keep\": 1, \"new\": 2}, \"list\": [1, 2]}"));
    assertThat(JsonPath.parse("$.list[1]").write(original, json("\"x\"")))
        .isEqualTo(json("{\"a\": {\"keep\": 1}, \"list\": [1, \"x\"]}"));
    assertThat(JsonPath.parse("$").write(original, json("7"))).isEqualTo(json("7"));
    assertThat(original).isEqualTo(snapshot);
  }

  @Test
  void writeThroughAScalarOrPastAnArrayEndIsAResultPathMatchFailure() {
    assertThatThrownBy(() -> JsonPath.parse("$.a.b").write(json("{\"a\": 1}"), json("2")))
        .isInstanceOf(StatesError.class)
        .extracting(e -> ((StatesError) e).error())
        .isEqualTo("States.ResultPathMatchFailure");
    assertThatThrownBy(() -> JsonPath.parse("$.l[3]").write(json("{\"l\": []}"), json("2")))
        .isInstanceOf(StatesError.class);
  }

  @Test
  void unsupportedSyntaxIsRejected() {
    for (String bad :
        new String[] {"a.b", "$..a", "$.a[?(@.x)]", "$.a[0:2]", "$.a[", "$.", "$a", "$['open]"}) {
      assertThatThrownBy(() -> JsonPath.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
