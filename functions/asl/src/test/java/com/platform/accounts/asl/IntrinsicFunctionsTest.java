package com.platform.accounts.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.platform.accounts.asl.ExecutionDescription.Status;
import org.junit.jupiter.api.Test;

/** Each intrinsic function, evaluated through a Pass state's Parameters. */
class IntrinsicFunctionsTest extends EngineTestSupport {

  /** Evaluates one intrinsic expression against the input and returns its value. */
  private JsonNode eval(String expression, String input) {
    ExecutionDescription d = run(passWithParameters("{\"v.$\": " + quote(expression) + "}"), input);
    assertThat(d.status()).as("%s: %s", d.error(), d.cause()).isEqualTo(Status.SUCCEEDED);
    return d.output().get("v");
  }

  private ExecutionDescription evalFailing(String expression, String input) {
    return run(passWithParameters("{\"v.$\": " + quote(expression) + "}"), input);
  }

  private static String quote(String text) {
    return TextNode.valueOf(text).toString();
  }

  @Test
  void formatReplacesPlaceholdersWithArgumentsInOrder() {
    assertThat(
            eval(
                    "States.Format('Hello {}, you have {} new {}', $.name, $.count, $.flag)",
                    "{\"name\": \"Ana\", \"count\": 3, \"flag\": true}")
                .textValue())
        .isEqualTo("Hello Ana, you have 3 new true");
  }

  @Test
  void formatKeepsEscapedBracesAndQuotesLiteral() {
    assertThat(eval("States.Format('\\{literal\\} it\\'s {}', null)", "{}").textValue())
        .isEqualTo("{literal} it's null");
  }

  @Test
  void formatTakesItsTemplateFromAPath() {
    assertThat(
            eval(
                    "States.Format($.template, $.name)",
                    "{\"template\": \"Hi {}.\", \"name\": \"Bo\"}")
                .textValue())
        .isEqualTo("Hi Bo.");
  }

  @Test
  void formatWithTooFewArgumentsFailsWithIntrinsicFailure() {
    ExecutionDescription d = evalFailing("States.Format('{} and {}', 'one')", "{}");

    assertThat(d.status()).isEqualTo(Status.FAILED);
    assertThat(d.error()).isEqualTo("States.IntrinsicFailure");
  }

  @Test
  void formatRejectsObjectArguments() {
    assertThat(evalFailing("States.Format('{}', $)", "{\"a\": 1}").error())
        .isEqualTo("States.IntrinsicFailure");
  }

  @Test
  void stringToJsonParsesAnEscapedJsonString() {
    assertThat(eval("States.StringToJson($.raw)", "{\"raw\": \"{\\\"foo\\\": [1, 2]}\"}"))
        .isEqualTo(json("{\"foo\": [1, 2]}"));
  }

  @Test
  void jsonToStringSerialisesCompactly() {
    assertThat(
            eval("States.JsonToString($.obj)", "{\"obj\": {\"foo\": \"bar\", \"n\": 1}}")
                .textValue())
        .isEqualTo("{\"foo\":\"bar\",\"n\":1}");
  }

  @Test
  void arrayCollectsItsArgumentsOfAnyType() {
    assertThat(eval("States.Array('a', 1, 2.5, true, null, $.obj)", "{\"obj\": {\"k\": 1}}"))
        .isEqualTo(json("[\"a\", 1, 2.5, true, null, {\"k\": 1}]"));
    assertThat(eval("States.Array()", "{}")).isEqualTo(json("[]"));
  }

  @Test
  void arrayPartitionSplitsIntoChunksWithAShorterLastChunk() {
    assertThat(eval("States.ArrayPartition($.a, 2)", "{\"a\": [1, 2, 3, 4, 5]}"))
        .isEqualTo(json("[[1, 2], [3, 4], [5]]"));
  }

  @Test
  void arrayPartitionRejectsANonPositiveChunkSize() {
    assertThat(evalFailing("States.ArrayPartition($.a, 0)", "{\"a\": [1]}").error())
        .isEqualTo("States.IntrinsicFailure");
  }

  @Test
  void arrayContainsComparesJsonValues() {
    String input = "{\"a\": [1, \"two\", {\"k\": 3}]}";
    assertThat(eval("States.ArrayContains($.a, 'two')", input).booleanValue()).isTrue();
    assertThat(
            eval(
                    "States.ArrayContains($.a, $.probe)",
                    "{\"a\": [{\"k\": 3}], \"probe\": {\"k\": 3}}")
                .booleanValue())
        .isTrue();
    assertThat(eval("States.ArrayContains($.a, 1.0)", input).booleanValue()).isTrue();
    assertThat(eval("States.ArrayContains($.a, 'three')", input).booleanValue()).isFalse();
  }

  @Test
  void arrayRangeIsInclusiveAndSupportsNegativeSteps() {
    assertThat(eval("States.ArrayRange(1, 9, 2)", "{}")).isEqualTo(json("[1, 3, 5, 7, 9]"));
    assertThat(eval("States.ArrayRange(5, 0, -2)", "{}")).isEqualTo(json("[5, 3, 1]"));
    assertThat(evalFailing("States.ArrayRange(1, 2, 0)", "{}").error())
        .isEqualTo("States.IntrinsicFailure");
    assertThat(evalFailing("States.ArrayRange(0, 5000, 1)", "{}").error())
        .isEqualTo("States.IntrinsicFailure");
  }

  @Test
  void arrayGetItemReturnsTheElementAtAnIndex() {
    assertThat(eval("States.ArrayGetItem($.a, 1)", "{\"a\": [\"x\", \"y\"]}").textValue())
        .isEqualTo("y");
    assertThat(evalFailing("States.ArrayGetItem($.a, 5)", "{\"a\": [1]}").error())
        .isEqualTo("States.IntrinsicFailure");
  }

  @Test
  void arrayLengthCountsElements() {
    assertThat(eval("States.ArrayLength($.a)", "{\"a\": [1, 2, 3]}").intValue()).isEqualTo(3);
    assertThat(evalFailing("States.ArrayLength($.a)", "{\"a\": \"not an array\"}").error())
        .isEqualTo("States.IntrinsicFailure");
  }

  @Test
  void arrayUniqueKeepsFirstOccurrencesInOrder() {
    assertThat(
            eval(
                "States.ArrayUnique($.a)",
                "{\"a\": [1, 2, 1, \"x\", 2, \"x\", {\"k\": 1}, " + "{\"k\": 1}]}"))
        .isEqualTo(json("[1, 2, \"x\", {\"k\": 1}]"));
  }

  @Test
  void base64EncodeAndDecodeRoundTripUtf8() {
    assertThat(eval("States.Base64Encode('Data to encode ü')", "{}").textValue())
        .isEqualTo("RGF0YSB0byBlbmNvZGUgw7w=");
    assertThat(eval("States.Base64Decode('RGF0YSB0byBlbmNvZGUgw7w=')", "{}").textValue())
        .isEqualTo("Data to encode ü");
    assertThat(evalFailing("States.Base64Decode('***')", "{}").error())
        .isEqualTo("States.IntrinsicFailure");
  }

  @Test
  void hashComputesHexDigestsWithTheNamedAlgorithm() {
    assertThat(eval("States.Hash('abc', 'SHA-256')", "{}").textValue())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(eval("States.Hash($.v, $.alg)", "{\"v\": \"abc\", \"alg\": \"MD5\"}").textValue())
        .isEqualTo("900150983cd24fb0d6963f7d28e17f72");
    assertThat(evalFailing("States.Hash('abc', 'SHA-3')", "{}").error())
        .isEqualTo("States.IntrinsicFailure");
  }

  @Test
  void jsonMergeIsShallowWithTheSecondObjectWinning() {
    assertThat(
            eval(
                "States.JsonMerge($.a, $.b, false)",
                """
        {"a": {"x": {"x1": 1}, "y": 2}, "b": {"x": {"x2": 2}, "z": 3}}
        """))
        .isEqualTo(json("{\"x\": {\"x2\": 2}, \"y\": 2, \"z\": 3}"));
  }

  @Test
  void jsonMergeRejectsDeepMergeLikeAws() {
    assertThat(evalFailing("States.JsonMerge($.a, $.a, true)", "{\"a\": {}}").error())
        .isEqualTo("States.IntrinsicFailure");
  }

  @Test
  void mathRandomStaysWithinStartInclusiveEndExclusiveAndRepeatsForASeed() {
    for (int i = 0; i < 20; i++) {
      assertThat(eval("States.MathRandom(1, 4)", "{}").intValue()).isBetween(1, 3);
    }
    JsonNode first = eval("States.MathRandom(0, 1000000, 42)", "{}");
    assertThat(eval("States.MathRandom(0, 1000000, 42)", "{}")).isEqualTo(first);
  }

  @Test
  void mathAddSumsIntegersAndDecimals() {
    assertThat(eval("States.MathAdd($.n, -1)", "{\"n\": 10}")).isEqualTo(json("9"));
    assertThat(eval("States.MathAdd(1.25, 2)", "{}").decimalValue()).isEqualByComparingTo("3.25");
    assertThat(evalFailing("States.MathAdd('1', 2)", "{}").error())
        .isEqualTo("States.IntrinsicFailure");
  }

  @Test
  void stringSplitTreatsEachDelimiterCharacterAsASeparator() {
    assertThat(eval("States.StringSplit($.s, ',')", "{\"s\": \"1,2,3\"}"))
        .isEqualTo(json("[\"1\", \"2\", \"3\"]"));
    assertThat(eval("States.StringSplit('This.is+a,test', '.+,')", "{}"))
        .isEqualTo(json("[\"This\", \"is\", \"a\", \"test\"]"));
  }

  @Test
  void uuidReturnsARandomVersion4Uuid() {
    String first = eval("States.UUID()", "{}").textValue();
    String second = eval("States.UUID()", "{}").textValue();

    assertThat(first)
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void intrinsicsNestAndReadTheContextObject() {
    assertThat(
            eval(
                    "States.Format('{}-{}', States.ArrayGetItem(States.StringSplit($.arn, ':'), "
                        + "1), States.ArrayLength(States.Array($$.State.Name, 'x')))",
                    "{\"arn\": \"a:b:c\"}")
                .textValue())
        .isEqualTo("b-2");
  }

  @Test
  void intrinsicArgumentPathThatIsMissingFailsWithStatesRuntime() {
    assertThat(evalFailing("States.ArrayLength($.missing)", "{}").error())
        .isEqualTo("States.Runtime");
  }

  @Test
  void malformedIntrinsicsAreRejectedWhenTheDefinitionIsParsed() {
    for (String bad :
        new String[] {
          "States.Nope(1)",
          "States.ArrayLength()",
          "States.Format('x'",
          "States.Array('unterminated)",
          "States.UUID() trailing",
          "States.Array(@)"
        }) {
      assertThatThrownBy(() -> engine.parse(passWithParameters("{\"v.$\": " + quote(bad) + "}")))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("States.P");
    }
  }
}
