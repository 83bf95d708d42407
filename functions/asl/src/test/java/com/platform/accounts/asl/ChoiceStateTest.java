package com.platform.accounts.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.asl.ExecutionDescription.Status;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Choice rules: every operator family, combinators, missing variables and ordering. */
class ChoiceStateTest extends EngineTestSupport {

  private static final String INPUT =
      """
      {"s": "beta", "n": 10, "d": 2.5, "b": true, "nil": null,
       "ts": "2024-05-01T10:00:00Z", "later": "2024-05-01T12:00:00+01:00",
       "other": "beta", "limit": 10, "file": "report-2024.csv", "star": "a*b"}
      """;

  /** Runs a Choice with one rule: the execution ends in Yes if it matched, in No otherwise. */
  private String decide(String rule, String input) {
    ExecutionDescription d =
        run(
            """
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Choices": [%s], "Default": "No"},
          "Yes": {"Type": "Pass", "Result": "yes", "End": true},
          "No": {"Type": "Pass", "Result": "no", "End": true}}}
        """
                .formatted(rule.replaceFirst("\\{", "{\"Next\": \"Yes\", ")),
            input);
    assertThat(d.status()).as("%s %s", d.error(), d.cause()).isEqualTo(Status.SUCCEEDED);
    return d.output().textValue();
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of("{\"Variable\": \"$.s\", \"StringEquals\": \"beta\"}", "yes"),
        Arguments.of("{\"Variable\": \"$.s\", \"StringEquals\": \"Beta\"}", "no"),
        Arguments.of("{\"Variable\": \"$.s\", \"StringLessThan\": \"gamma\"}", "yes"),
        Arguments.of("{\"Variable\": \"$.s\", \"StringGreaterThan\": \"alpha\"}", "yes"),
        Arguments.of("{\"Variable\": \"$.s\", \"StringLessThanEquals\": \"beta\"}", "yes"),
        Arguments.of("{\"Variable\": \"$.s\", \"StringGreaterThanEquals\": \"c\"}", "no"),
        Arguments.of("{\"Variable\": \"$.s\", \"StringEqualsPath\": \"$.other\"}", "yes"),
        Arguments.of("{\"Variable\": \"$.file\", \"StringMatches\": \"report-*.csv\"}", "yes"),
        Arguments.of("{\"Variable\": \"$.file\", \"StringMatches\": \"*.txt\"}", "no"),
        Arguments.of("{\"Variable\": \"$.star\", \"StringMatches\": \"a\\\\*b\"}", "yes"),
        Arguments.of("{\"Variable\": \"$.file\", \"StringMatches\": \"a\\\\*b\"}", "no"),
        Arguments.of("{\"Variable\": \"$.n\", \"NumericEquals\": 10.0}", "yes"),
        Arguments.of("{\"Variable\": \"$.n\", \"NumericLessThan\": 10}", "no"),
        Arguments.of("{\"Variable\": \"$.d\", \"NumericLessThan\": 3}", "yes"),
        Arguments.of("{\"Variable\": \"$.n\", \"NumericGreaterThan\": 9.5}", "yes"),
        Arguments.of("{\"Variable\": \"$.n\", \"NumericLessThanEquals\": 10}", "yes"),
        Arguments.of("{\"Variable\": \"$.n\", \"NumericGreaterThanEquals\": 11}", "no"),
        Arguments.of("{\"Variable\": \"$.n\", \"NumericEqualsPath\": \"$.limit\"}", "yes"),
        Arguments.of("{\"Variable\": \"$.d\", \"NumericLessThanPath\": \"$.limit\"}", "yes"),
        Arguments.of("{\"Variable\": \"$.b\", \"BooleanEquals\": true}", "yes"),
        Arguments.of("{\"Variable\": \"$.b\", \"BooleanEqualsPath\": \"$.b\"}", "yes"),
        Arguments.of(
            "{\"Variable\": \"$.ts\", \"TimestampEquals\": \"2024-05-01T10:00:00.000Z\"}", "yes"),
        Arguments.of(
            "{\"Variable\": \"$.ts\", \"TimestampLessThan\": \"2024-05-01T11:30:00Z\"}", "yes"),
        Arguments.of(
            "{\"Variable\": \"$.ts\", \"TimestampGreaterThan\": \"2024-05-01T09:00:00Z\"}", "yes"),
        Arguments.of(
            "{\"Variable\": \"$.ts\", \"TimestampLessThanEqualsPath\": \"$.later\"}", "yes"),
        Arguments.of(
            "{\"Variable\": \"$.ts\", \"TimestampGreaterThanEquals\": "
                + "\"2024-05-01T10:00:01Z\"}",
            "no"),
        Arguments.of("{\"Variable\": \"$.nil\", \"IsNull\": true}", "yes"),
        Arguments.of("{\"Variable\": \"$.s\", \"IsNull\": true}", "no"),
        Arguments.of("{\"Variable\": \"$.s\", \"IsPresent\": true}", "yes"),
        Arguments.of("{\"Variable\": \"$.absent\", \"IsPresent\": false}", "yes"),
        Arguments.of("{\"Variable\": \"$.absent.deeper\", \"IsPresent\": true}", "no"),
        Arguments.of("{\"Variable\": \"$.d\", \"IsNumeric\": true}", "yes"),
        Arguments.of("{\"Variable\": \"$.s\", \"IsNumeric\": true}", "no"),
        Arguments.of("{\"Variable\": \"$.s\", \"IsString\": true}", "yes"),
        Arguments.of("{\"Variable\": \"$.b\", \"IsBoolean\": true}", "yes"),
        Arguments.of("{\"Variable\": \"$.ts\", \"IsTimestamp\": true}", "yes"),
        Arguments.of("{\"Variable\": \"$.s\", \"IsTimestamp\": false}", "yes"),
        Arguments.of("{\"Variable\": \"$.n\", \"StringEquals\": \"10\"}", "no"),
        Arguments.of("{\"Variable\": \"$.s\", \"NumericEquals\": 10}", "no"),
        Arguments.of(
            "{\"Variable\": \"$.s\", \"TimestampEquals\": \"2024-05-01T10:00:00Z\"}", "no"),
        Arguments.of(
            "{\"And\": [{\"Variable\": \"$.n\", \"NumericGreaterThan\": 5}, "
                + "{\"Variable\": \"$.b\", \"BooleanEquals\": true}]}",
            "yes"),
        Arguments.of(
            "{\"And\": [{\"Variable\": \"$.n\", \"NumericGreaterThan\": 5}, "
                + "{\"Variable\": \"$.b\", \"BooleanEquals\": false}]}",
            "no"),
        Arguments.of(
            "{\"Or\": [{\"Variable\": \"$.n\", \"NumericLessThan\": 5}, "
                + "{\"Variable\": \"$.s\", \"StringEquals\": \"beta\"}]}",
            "yes"),
        Arguments.of("{\"Not\": {\"Variable\": \"$.s\", \"StringEquals\": \"beta\"}}", "no"),
        Arguments.of(
            "{\"And\": [{\"Variable\": \"$.absent\", \"IsPresent\": false}, "
                + "{\"Not\": {\"Or\": [{\"Variable\": \"$.n\", \"NumericEquals\": 1}]}}]}",
            "yes"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("rules")
  void ruleMatchesAsAwsDefinesIt(String rule, String expected) {
    assertThat(decide(rule, INPUT)).isEqualTo(expected);
  }

  @Test
  void comparisonOnAMissingVariableFailsTheExecutionWithStatesRuntime() {
    ExecutionDescription d =
        run(
            """
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Choices": [
            {"Variable": "$.missing", "StringEquals": "x", "Next": "Done"}], "Default": "Done"},
          "Done": {"Type": "Succeed"}}}
        """,
            "{}");

    assertThat(d.status()).isEqualTo(Status.FAILED);
    assertThat(d.error()).isEqualTo("States.Runtime");
    assertThat(d.cause()).contains("$.missing");
  }

  @Test
  void missingComparisonPathOperandFailsWithStatesRuntime() {
    ExecutionDescription d =
        run(
            """
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Choices": [
            {"Variable": "$.a", "NumericEqualsPath": "$.nope", "Next": "Done"}]},
          "Done": {"Type": "Succeed"}}}
        """,
            "{\"a\": 1}");

    assertThat(d.error()).isEqualTo("States.Runtime");
  }

  @Test
  void noMatchingRuleWithoutDefaultFailsWithNoChoiceMatched() {
    ExecutionDescription d =
        run(
            """
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Choices": [
            {"Variable": "$.a", "NumericEquals": 2, "Next": "Done"}]},
          "Done": {"Type": "Succeed"}}}
        """,
            "{\"a\": 1}");

    assertThat(d.status()).isEqualTo(Status.FAILED);
    assertThat(d.error()).isEqualTo("States.NoChoiceMatched");
  }

  @Test
  void firstMatchingRuleWinsAndOutputPathFiltersTheInput() {
    ExecutionDescription d =
        run(
            """
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "InputPath": "$.in", "OutputPath": "$.v", "Choices": [
            {"Variable": "$.v", "NumericGreaterThan": 1, "Next": "First"},
            {"Variable": "$.v", "NumericGreaterThan": 0, "Next": "Second"}]},
          "First": {"Type": "Pass", "ResultPath": "$", "End": true},
          "Second": {"Type": "Fail", "Error": "WrongBranch"}}}
        """,
            "{\"in\": {\"v\": 5}}");

    assertThat(d.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(d.output()).isEqualTo(json("5"));
    assertThat(d.visitedStates()).containsExactly("C", "First");
  }
}
