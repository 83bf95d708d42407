package com.platform.accounts.asl;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invalid definitions are rejected at parse time with a message that says where and why. */
class DefinitionValidationTest extends EngineTestSupport {

  static Stream<Arguments> invalidDefinitions() {
    return Stream.of(
        Arguments.of("not JSON", "{\"StartAt\": ", "not valid JSON"),
        Arguments.of(
            "missing StartAt",
            "{\"States\": {\"A\": {\"Type\": \"Succeed\"}}}",
            "StartAt is missing"),
        Arguments.of(
            "StartAt is not a state",
            "{\"StartAt\": \"B\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}",
            "StartAt 'B' is not a state"),
        Arguments.of("no states", "{\"StartAt\": \"A\", \"States\": {}}", "non-empty"),
        Arguments.of(
            "Next points nowhere",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nowhere"}}}
            """,
            "States.A: the transition to 'Nowhere'"),
        Arguments.of(
            "unknown state type",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Sleep", "End": true}}}
            """,
            "unknown state type 'Sleep'"),
        Arguments.of(
            "missing Type",
            """
            {"StartAt": "A", "States": {"A": {"End": true}}}
            """,
            "Type is missing"),
        Arguments.of(
            "JSONata at the top",
            """
            {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}
            """,
            "JSONata"),
        Arguments.of(
            "JSONata on a state",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Succeed", "QueryLanguage": "JSONata"}}}
            """,
            "JSONata"),
        Arguments.of(
            "variables",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"x": 1}, "End": true}}}
            """,
            "Assign"),
        Arguments.of(
            "neither Next nor End",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass"}}}
            """,
            "needs Next or"),
        Arguments.of(
            "both Next and End",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "A", "End": true}}}
            """,
            "both Next and End"),
        Arguments.of(
            "misspelt field",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Nxt": "A", "End": true}}}
            """,
            "field 'Nxt' is not valid in Pass state"),
        Arguments.of(
            "Task without Resource",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Task", "End": true}}}
            """,
            "Resource is missing"),
        Arguments.of(
            "States.ALL not last",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "r", "End": true,
              "Retry": [{"ErrorEquals": ["States.ALL"]}, {"ErrorEquals": ["X"]}]}}}
            """,
            "States.ALL must appear alone"),
        Arguments.of(
            "States.ALL with others",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "r", "End": true,
              "Catch": [{"ErrorEquals": ["X", "States.ALL"], "Next": "A"}]}}}
            """,
            "States.ALL must appear alone"),
        Arguments.of(
            "Catch to nowhere",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "r", "End": true,
              "Catch": [{"ErrorEquals": ["X"], "Next": "Gone"}]}}}
            """,
            "'Gone'"),
        Arguments.of(
            "Choice without rules",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Choice", "Choices": []}}}
            """,
            "Choices must be a non-empty array"),
        Arguments.of(
            "unknown comparison",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Choice", "Choices": [
              {"Variable": "$.x", "StringIs": "y", "Next": "A"}]}}}
            """,
            "unknown comparison operator 'StringIs'"),
        Arguments.of(
            "comparison operand of the wrong type",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Choice", "Choices": [
              {"Variable": "$.x", "NumericEquals": "1", "Next": "A"}]}}}
            """,
            "'NumericEquals' must be a number"),
        Arguments.of(
            "Next inside a nested rule",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Choice", "Choices": [
              {"Not": {"Variable": "$.x", "IsNull": true, "Next": "A"}, "Next": "A"}]}}}
            """,
            "must not have Next"),
        Arguments.of(
            "Wait with two durations",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": 1,
              "SecondsPath": "$.s", "End": true}}}
            """,
            "exactly one of Seconds"),
        Arguments.of(
            "bad Wait timestamp",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Wait", "Timestamp": "tomorrow",
              "End": true}}}
            """,
            "RFC 3339"),
        Arguments.of(
            "Map without iterator",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Map", "End": true}}}
            """,
            "ItemProcessor"),
        Arguments.of(
            "distributed Map reader",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Map", "End": true, "ItemReader": {},
              "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}}}}
            """,
            "ItemReader"),
        Arguments.of(
            "branch Next leaving its branch",
            """
            {"StartAt": "Par", "States": {
              "Par": {"Type": "Parallel", "Next": "After", "Branches": [
                {"StartAt": "Inner", "States": {"Inner": {"Type": "Pass", "Next": "After"}}}]},
              "After": {"Type": "Succeed"}}}
            """,
            "States.Par.Branches[0].States.Inner: the transition to 'After'"),
        Arguments.of(
            "invalid path",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "InputPath": "$..deep",
              "End": true}}}
            """,
            "deep scan"),
        Arguments.of(
            "path without $",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "OutputPath": "a.b",
              "End": true}}}
            """,
            "must start with $"),
        Arguments.of(
            "ResultPath with wildcard",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "ResultPath": "$.a[*]",
              "End": true}}}
            """,
            "reference path"),
        Arguments.of(
            "non-string .$ value",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"x.$": 1},
              "End": true}}}
            """,
            "'x.$' must be a string"),
        Arguments.of(
            ".$ value that is neither path nor intrinsic",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"x.$": "hello"},
              "End": true}}}
            """,
            "must hold a JSONPath"),
        Arguments.of(
            "non-positive TimeoutSeconds",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "r",
              "TimeoutSeconds": 0, "End": true}}}
            """,
            "TimeoutSeconds must be a positive integer"),
        Arguments.of(
            "BackoffRate below one",
            """
            {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "r", "End": true,
              "Retry": [{"ErrorEquals": ["X"], "BackoffRate": 0.5}]}}}
            """,
            "BackoffRate"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidDefinitions")
  void invalidDefinitionIsRejectedWithAClearMessage(
      String name, String definition, String message) {
    assertThatThrownBy(() -> engine.parse(definition))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid state machine definition: ")
        .hasMessageContaining(message);
  }

  @Test
  void definitionUsingEverySupportedFeatureParses() {
    assertThatCode(
            () ->
                engine.parse(
                    """
        {"Comment": "all features", "Version": "1.0", "QueryLanguage": "JSONPath",
         "TimeoutSeconds": 3600, "StartAt": "Task", "States": {
          "Task": {"Type": "Task", "Comment": "c", "Resource": "r.waitForTaskToken",
            "InputPath": "$", "Parameters": {"t.$": "$$.Task.Token", "f.$": "States.UUID()"},
            "ResultSelector": {"r.$": "$"}, "ResultPath": "$.r", "OutputPath": "$",
            "TimeoutSeconds": 10, "HeartbeatSeconds": 5, "Credentials": {"RoleArn": "x"},
            "Retry": [{"ErrorEquals": ["A"], "IntervalSeconds": 1, "MaxAttempts": 2,
              "BackoffRate": 1.5, "MaxDelaySeconds": 4, "JitterStrategy": "NONE"},
              {"ErrorEquals": ["States.ALL"]}],
            "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.e", "Next": "Fail"}],
            "Next": "Choice"},
          "Choice": {"Type": "Choice", "Choices": [
            {"And": [{"Variable": "$.a", "IsPresent": true},
                     {"Variable": "$.a", "TimestampLessThanEqualsPath": "$.b"}],
             "Next": "Wait"}], "Default": "Map"},
          "Wait": {"Type": "Wait", "TimestampPath": "$.at", "Next": "Map"},
          "Map": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrencyPath": "$.max",
            "ItemSelector": {"v.$": "$$.Map.Item.Value"},
            "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "In",
              "States": {"In": {"Type": "Pass", "End": true}}},
            "Next": "Par"},
          "Par": {"Type": "Parallel", "Branches": [
            {"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}], "Next": "Done"},
          "Done": {"Type": "Succeed"},
          "Fail": {"Type": "Fail", "ErrorPath": "$.e.Error", "CausePath": "$.e.Cause"}}}
        """))
        .doesNotThrowAnyException();
  }
}
