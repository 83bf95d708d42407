package com.platform.accounts.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/** A fresh engine on a manual clock for each test, and JSON helpers. */
abstract class EngineTestSupport {

  static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  static final String MACHINE = "AccountLifecycle";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  final ManualClock clock = new ManualClock(T0);
  final ScriptedInvoker tasks = new ScriptedInvoker();
  final AslEngine engine = new AslEngine(tasks, clock);
  private int executionCounter;

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("bad test JSON: " + text, e);
    }
  }

  /** Starts the definition with the input and returns the execution ARN. */
  String start(String definition, String input) {
    return engine.startExecution(
        engine.parse(definition), MACHINE, "exec-" + ++executionCounter, json(input));
  }

  /** Starts the definition and describes the execution once it is quiescent. */
  ExecutionDescription run(String definition, String input) {
    return engine.describe(start(definition, input));
  }

  ExecutionDescription describe(String arn) {
    return engine.describe(arn);
  }

  /** A one-state machine: a Pass with the given Parameters (a JSON object). */
  static String passWithParameters(String parameters) {
    return """
        {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": %s, "End": true}}}
        """
        .formatted(parameters);
  }
}
