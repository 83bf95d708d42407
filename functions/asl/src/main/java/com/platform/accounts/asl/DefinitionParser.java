package com.platform.accounts.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.asl.Model.Catcher;
import com.platform.accounts.asl.Model.Choice;
import com.platform.accounts.asl.Model.ChoiceState;
import com.platform.accounts.asl.Model.FailState;
import com.platform.accounts.asl.Model.Graph;
import com.platform.accounts.asl.Model.MapState;
import com.platform.accounts.asl.Model.ParallelState;
import com.platform.accounts.asl.Model.PassState;
import com.platform.accounts.asl.Model.Retrier;
import com.platform.accounts.asl.Model.State;
import com.platform.accounts.asl.Model.SucceedState;
import com.platform.accounts.asl.Model.TaskState;
import com.platform.accounts.asl.Model.Transition;
import com.platform.accounts.asl.Model.WaitState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns definition JSON into a {@link Model.Graph}, rejecting what AWS would reject (and what this
 * engine does not support) with a message that says where and why. Catching these at parse time
 * means a broken definition fails a unit test rather than a deployment.
 */
final class DefinitionParser {

  private static final String PREFIX = "Invalid state machine definition: ";

  private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
  private static final Set<String> FLOW = Set.of("Next", "End", "InputPath", "OutputPath");
  private static final Map<String, Set<String>> FIELDS_BY_TYPE =
      Map.of(
          "Pass", union(FLOW, Set.of("ResultPath", "Parameters", "Result")),
          "Task",
              union(
                  FLOW,
                  Set.of(
                      "ResultPath",
                      "Parameters",
                      "ResultSelector",
                      "Resource",
                      "Retry",
                      "Catch",
                      "TimeoutSeconds",
                      "TimeoutSecondsPath",
                      "HeartbeatSeconds",
                      "HeartbeatSecondsPath",
                      "Credentials")),
          "Choice", Set.of("Choices", "Default", "InputPath", "OutputPath"),
          "Wait", union(FLOW, Set.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")),
          "Succeed", Set.of("InputPath", "OutputPath"),
          "Fail", Set.of("Error", "ErrorPath", "Cause", "CausePath"),
          "Parallel",
              union(
                  FLOW,
                  Set.of(
                      "ResultPath", "Parameters", "ResultSelector", "Branches", "Retry", "Catch")),
          "Map",
              union(
                  FLOW,
                  Set.of(
                      "ResultPath",
                      "Parameters",
                      "ItemSelector",
                      "ResultSelector",
                      "ItemsPath",
                      "MaxConcurrency",
                      "MaxConcurrencyPath",
                      "Iterator",
                      "ItemProcessor",
                      "Retry",
                      "Catch")));

  /** Fields that exist in the States Language but need features this engine does not have. */
  private static final Map<String, String> UNSUPPORTED =
      Map.of(
          "Assign", "variables (Assign) are not supported",
          "Arguments", "'Arguments' belongs to JSONata, which is not supported",
          "Output", "'Output' belongs to JSONata, which is not supported",
          "Items", "'Items' belongs to JSONata, which is not supported",
          "ItemReader", "distributed Map 'ItemReader' is not supported",
          "ItemBatcher", "distributed Map 'ItemBatcher' is not supported",
          "ResultWriter", "distributed Map 'ResultWriter' is not supported",
          "ToleratedFailurePercentage", "'ToleratedFailurePercentage' is not supported",
          "ToleratedFailureCount", "'ToleratedFailureCount' is not supported",
          "Label", "distributed Map 'Label' is not supported");

  private DefinitionParser() {}

  static Graph parse(String definitionJson) {
    if (definitionJson == null) {
      throw new IllegalArgumentException(PREFIX + "the definition is null");
    }
    JsonNode root;
    try {
      root = Json.parse(definitionJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(PREFIX + "not valid JSON: " + e.getOriginalMessage(), e);
    }
    try {
      return graph(root, "", true);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(PREFIX + e.getMessage(), e);
    }
  }

  private static Graph graph(JsonNode node, String where, boolean topLevel) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(at(where, "must be a JSON object"));
    }
    Set<String> allowed =
        topLevel
            ? Set.of("StartAt", "States", "Comment", "TimeoutSeconds", "Version", "QueryLanguage")
            : Set.of("StartAt", "States", "Comment", "ProcessorConfig");
    checkFields(node, allowed, where.isEmpty() ? "the state machine" : where);
    queryLanguage(node, where.isEmpty() ? "the state machine" : where);
    JsonNode startAt = node.get("StartAt");
    if (startAt == null || !startAt.isTextual()) {
      throw new IllegalArgumentException(at(where, "StartAt is missing"));
    }
    JsonNode statesNode = node.get("States");
    if (statesNode == null || !statesNode.isObject() || statesNode.isEmpty()) {
      throw new IllegalArgumentException(at(where, "States must be a non-empty object"));
    }
    Map<String, State> states = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = statesNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String location = location(where, entry.getKey());
      try {
        states.put(entry.getKey(), state(entry.getKey(), entry.getValue(), location));
      } catch (IllegalArgumentException e) {
        throw e.getMessage().startsWith(location)
            ? e
            : new IllegalArgumentException(location + ": " + e.getMessage(), e);
      }
    }
    if (!states.containsKey(startAt.textValue())) {
      throw new IllegalArgumentException(
          at(where, "StartAt '" + startAt.textValue() + "' is not a state"));
    }
    for (State state : states.values()) {
      for (String target : targets(state)) {
        if (!states.containsKey(target)) {
          throw new IllegalArgumentException(
              location(where, state.name())
                  + ": the transition to '"
                  + target
                  + "' points to no state in the same scope");
        }
      }
    }
    Integer timeout = topLevel ? positiveInt(node, "TimeoutSeconds") : null;
    return new Graph(startAt.textValue(), Map.copyOf(states), timeout);
  }

  /** Where a state sits, e.g. States.Verify.Branches[1].States.SendEmail. */
  private static String location(String where, String stateName) {
    return (where.isEmpty() ? "" : where + ".") + "States." + stateName;
  }

  private static String at(String where, String message) {
    return where.isEmpty() ? message : where + ": " + message;
  }

  private static List<String> targets(State state) {
    List<String> targets = new ArrayList<>();
    Transition transition = transitionOf(state);
    if (transition != null && transition.next() != null) {
      targets.add(transition.next());
    }
    if (state instanceof ChoiceState choice) {
      choice.choices().forEach(c -> targets.add(c.next()));
      if (choice.defaultNext() != null) {
        targets.add(choice.defaultNext());
      }
    }
    if (state instanceof Model.Recoverable recoverable) {
      recoverable.catchers().forEach(c -> targets.add(c.next()));
    }
    return targets;
  }

  /** The Next/End of a state that has one (Choice, Succeed and Fail do not). */
  static Transition transitionOf(State state) {
    if (state instanceof PassState s) {
      return s.transition();
    }
    if (state instanceof TaskState s) {
      return s.transition();
    }
    if (state instanceof WaitState s) {
      return s.transition();
    }
    if (state instanceof ParallelState s) {
      return s.transition();
    }
    if (state instanceof MapState s) {
      return s.transition();
    }
    return null;
  }

  private static State state(String name, JsonNode node, String where) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("a state must be a JSON object");
    }
    JsonNode typeNode = node.get("Type");
    if (typeNode == null || !typeNode.isTextual()) {
      throw new IllegalArgumentException("Type is missing");
    }
    String type = typeNode.textValue();
    Set<String> fields = FIELDS_BY_TYPE.get(type);
    if (fields == null) {
      throw new IllegalArgumentException("unknown state type '" + type + "'");
    }
    checkFields(node, union(COMMON, fields), type + " state");
    queryLanguage(node, "this state");
    return switch (type) {
      case "Pass" ->
          new PassState(
              name,
              transition(node),
              dataPath(node, "InputPath"),
              dataPath(node, "OutputPath"),
              template(node, "Parameters"),
              node.has("Result") ? node.get("Result").deepCopy() : null,
              resultPath(node, "ResultPath"));
      case "Task" -> task(name, node);
      case "Choice" -> choice(name, node);
      case "Wait" -> waitState(name, node);
      case "Succeed" ->
          new SucceedState(name, dataPath(node, "InputPath"), dataPath(node, "OutputPath"));
      case "Fail" -> fail(name, node);
      case "Parallel" -> parallel(name, node, where);
      case "Map" -> map(name, node, where);
      default -> throw new IllegalStateException("type table and switch disagree on " + type);
    };
  }

  private static TaskState task(String name, JsonNode node) {
    String resource = text(node, "Resource");
    if (resource == null || resource.isBlank()) {
      throw new IllegalArgumentException("Resource is missing");
    }
    exclusive(node, "TimeoutSeconds", "TimeoutSecondsPath");
    exclusive(node, "HeartbeatSeconds", "HeartbeatSecondsPath");
    return new TaskState(
        name,
        transition(node),
        dataPath(node, "InputPath"),
        dataPath(node, "OutputPath"),
        resource,
        template(node, "Parameters"),
        template(node, "ResultSelector"),
        resultPath(node, "ResultPath"),
        retriers(node),
        catchers(node),
        positiveInt(node, "TimeoutSeconds"),
        referencePath(node, "TimeoutSecondsPath"));
  }

  private static ChoiceState choice(String name, JsonNode node) {
    JsonNode choicesNode = node.get("Choices");
    if (choicesNode == null || !choicesNode.isArray() || choicesNode.isEmpty()) {
      throw new IllegalArgumentException("Choices must be a non-empty array");
    }
    List<Choice> choices = new ArrayList<>();
    for (int i = 0; i < choicesNode.size(); i++) {
      try {
        JsonNode rule = choicesNode.get(i);
        choices.add(new Choice(ChoiceRule.parse(rule, true), rule.get("Next").textValue()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Choices[" + i + "]: " + e.getMessage(), e);
      }
    }
    return new ChoiceState(
        name,
        dataPath(node, "InputPath"),
        dataPath(node, "OutputPath"),
        List.copyOf(choices),
        text(node, "Default"));
  }

  private static WaitState waitState(String name, JsonNode node) {
    int given = 0;
    for (String field : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")) {
      given += node.has(field) ? 1 : 0;
    }
    if (given != 1) {
      throw new IllegalArgumentException(
          "a Wait needs exactly one of Seconds, SecondsPath, Timestamp and TimestampPath");
    }
    Long seconds = null;
    if (node.has("Seconds")) {
      Long value = Json.wholeNumber(node.get("Seconds"));
      if (value == null || value < 0) {
        throw new IllegalArgumentException("Seconds must be a non-negative integer");
      }
      seconds = value;
    }
    Instant timestamp = null;
    if (node.has("Timestamp")) {
      String text = text(node, "Timestamp");
      timestamp = text == null ? null : Timestamps.parse(text).orElse(null);
      if (timestamp == null) {
        throw new IllegalArgumentException("Timestamp must be an RFC 3339 timestamp string");
      }
    }
    return new WaitState(
        name,
        transition(node),
        dataPath(node, "InputPath"),
        dataPath(node, "OutputPath"),
        seconds,
        referencePath(node, "SecondsPath"),
        timestamp,
        referencePath(node, "TimestampPath"));
  }

  private static FailState fail(String name, JsonNode node) {
    exclusive(node, "Error", "ErrorPath");
    exclusive(node, "Cause", "CausePath");
    return new FailState(
        name,
        text(node, "Error"),
        text(node, "Cause"),
        valueExpression(node, "ErrorPath"),
        valueExpression(node, "CausePath"));
  }

  private static ParallelState parallel(String name, JsonNode node, String where) {
    JsonNode branchesNode = node.get("Branches");
    if (branchesNode == null || !branchesNode.isArray() || branchesNode.isEmpty()) {
      throw new IllegalArgumentException("Branches must be a non-empty array");
    }
    List<Graph> branches = new ArrayList<>();
    for (int i = 0; i < branchesNode.size(); i++) {
      branches.add(graph(branchesNode.get(i), where + ".Branches[" + i + "]", false));
    }
    return new ParallelState(
        name,
        transition(node),
        dataPath(node, "InputPath"),
        dataPath(node, "OutputPath"),
        List.copyOf(branches),
        template(node, "Parameters"),
        template(node, "ResultSelector"),
        resultPath(node, "ResultPath"),
        retriers(node),
        catchers(node));
  }

  private static MapState map(String name, JsonNode node, String where) {
    exclusive(node, "Iterator", "ItemProcessor");
    exclusive(node, "ItemSelector", "Parameters");
    exclusive(node, "MaxConcurrency", "MaxConcurrencyPath");
    String processorField = node.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
    if (!node.has(processorField)) {
      throw new IllegalArgumentException("a Map needs an ItemProcessor (or the older Iterator)");
    }
    Graph iterator = graph(node.get(processorField), where + "." + processorField, false);
    String selectorField = node.has("Parameters") ? "Parameters" : "ItemSelector";
    int maxConcurrency = 0;
    if (node.has("MaxConcurrency")) {
      Long value = Json.wholeNumber(node.get("MaxConcurrency"));
      if (value == null || value < 0 || value > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("MaxConcurrency must be a non-negative integer");
      }
      maxConcurrency = value.intValue();
    }
    JsonPath itemsPath = node.has("ItemsPath") ? referencePath(node, "ItemsPath") : JsonPath.ROOT;
    return new MapState(
        name,
        transition(node),
        dataPath(node, "InputPath"),
        dataPath(node, "OutputPath"),
        iterator,
        itemsPath,
        template(node, selectorField),
        maxConcurrency,
        referencePath(node, "MaxConcurrencyPath"),
        template(node, "ResultSelector"),
        resultPath(node, "ResultPath"),
        retriers(node),
        catchers(node));
  }

  private static Transition transition(JsonNode node) {
    boolean end = node.has("End");
    if (end && !node.get("End").isBoolean()) {
      throw new IllegalArgumentException("End must be a boolean");
    }
    end = end && node.get("End").booleanValue();
    String next = text(node, "Next");
    if (end && next != null) {
      throw new IllegalArgumentException("a state cannot have both Next and End");
    }
    if (!end && next == null) {
      throw new IllegalArgumentException("a state needs Next or \"End\": true");
    }
    return new Transition(next, end);
  }

  private static List<Retrier> retriers(JsonNode node) {
    List<Retrier> retriers = new ArrayList<>();
    JsonNode retry = node.get("Retry");
    if (retry == null) {
      return List.of();
    }
    if (!retry.isArray()) {
      throw new IllegalArgumentException("Retry must be an array");
    }
    for (int i = 0; i < retry.size(); i++) {
      JsonNode r = retry.get(i);
      String where = "Retry[" + i + "]";
      if (!r.isObject()) {
        throw new IllegalArgumentException(where + " must be an object");
      }
      checkFields(
          r,
          Set.of(
              "ErrorEquals",
              "IntervalSeconds",
              "MaxAttempts",
              "BackoffRate",
              "MaxDelaySeconds",
              "JitterStrategy",
              "Comment"),
          where);
      List<String> errors = errorEquals(r, where, i == retry.size() - 1);
      int interval = r.has("IntervalSeconds") ? positiveInt(r, "IntervalSeconds") : 1;
      int maxAttempts = 3;
      if (r.has("MaxAttempts")) {
        Long value = Json.wholeNumber(r.get("MaxAttempts"));
        if (value == null || value < 0 || value > Integer.MAX_VALUE) {
          throw new IllegalArgumentException(
              where + ": MaxAttempts must be a non-negative integer");
        }
        maxAttempts = value.intValue();
      }
      double backoff = 2.0;
      if (r.has("BackoffRate")) {
        if (!r.get("BackoffRate").isNumber() || r.get("BackoffRate").doubleValue() < 1.0) {
          throw new IllegalArgumentException(where + ": BackoffRate must be a number >= 1.0");
        }
        backoff = r.get("BackoffRate").doubleValue();
      }
      String jitter = text(r, "JitterStrategy");
      if (jitter != null && !jitter.equals("FULL") && !jitter.equals("NONE")) {
        throw new IllegalArgumentException(where + ": JitterStrategy must be FULL or NONE");
      }
      retriers.add(
          new Retrier(
              errors,
              interval,
              maxAttempts,
              backoff,
              positiveInt(r, "MaxDelaySeconds"),
              "FULL".equals(jitter)));
    }
    return List.copyOf(retriers);
  }

  private static List<Catcher> catchers(JsonNode node) {
    List<Catcher> catchers = new ArrayList<>();
    JsonNode catchNode = node.get("Catch");
    if (catchNode == null) {
      return List.of();
    }
    if (!catchNode.isArray()) {
      throw new IllegalArgumentException("Catch must be an array");
    }
    for (int i = 0; i < catchNode.size(); i++) {
      JsonNode c = catchNode.get(i);
      String where = "Catch[" + i + "]";
      if (!c.isObject()) {
        throw new IllegalArgumentException(where + " must be an object");
      }
      checkFields(c, Set.of("ErrorEquals", "ResultPath", "Next", "Comment"), where);
      List<String> errors = errorEquals(c, where, i == catchNode.size() - 1);
      String next = text(c, "Next");
      if (next == null) {
        throw new IllegalArgumentException(where + ": Next is missing");
      }
      catchers.add(new Catcher(errors, resultPath(c, "ResultPath"), next));
    }
    return List.copyOf(catchers);
  }

  private static List<String> errorEquals(JsonNode node, String where, boolean last) {
    JsonNode errorsNode = node.get("ErrorEquals");
    if (errorsNode == null || !errorsNode.isArray() || errorsNode.isEmpty()) {
      throw new IllegalArgumentException(where + ": ErrorEquals must be a non-empty array");
    }
    List<String> errors = new ArrayList<>();
    for (JsonNode error : errorsNode) {
      if (!error.isTextual()) {
        throw new IllegalArgumentException(where + ": ErrorEquals must hold strings");
      }
      errors.add(error.textValue());
    }
    if (errors.contains(StatesErrors.ALL) && (errors.size() > 1 || !last)) {
      throw new IllegalArgumentException(
          where + ": States.ALL must appear alone, in the last " + "retrier or catcher");
    }
    return List.copyOf(errors);
  }

  private static PayloadTemplate template(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    try {
      return PayloadTemplate.compile(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
    }
  }

  /** InputPath or OutputPath: absent means $, JSON null means an empty object. */
  private static JsonPath dataPath(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return JsonPath.ROOT;
    }
    if (value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(field + " must be a path string or null");
    }
    try {
      return JsonPath.parse(value.textValue());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
    }
  }

  /** ResultPath: like {@link #dataPath}, and it must name a single place in the data. */
  private static JsonPath resultPath(JsonNode node, String field) {
    JsonPath path = dataPath(node, field);
    if (path != null && (path.isContextPath() || !path.isDefinite())) {
      throw new IllegalArgumentException(
          field
              + " '"
              + path.text()
              + "' must be a reference path into the data (no $$ and no wildcards)");
    }
    return path;
  }

  /** A path-valued field such as SecondsPath; absent means null. */
  private static JsonPath referencePath(JsonNode node, String field) {
    if (!node.has(field)) {
      return null;
    }
    JsonPath path = dataPath(node, field);
    if (path == null) {
      throw new IllegalArgumentException(field + " must be a path string");
    }
    return path;
  }

  /** ErrorPath and CausePath accept a path or an intrinsic function. */
  private static Intrinsics.Expr valueExpression(JsonNode node, String field) {
    if (!node.has(field)) {
      return null;
    }
    String text = text(node, field);
    if (text == null) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return Intrinsics.compileValue(text, field);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return value.textValue();
  }

  private static Integer positiveInt(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    Long number = Json.wholeNumber(value);
    if (number == null || number <= 0 || number > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(field + " must be a positive integer");
    }
    return number.intValue();
  }

  private static void exclusive(JsonNode node, String one, String other) {
    if (node.has(one) && node.has(other)) {
      throw new IllegalArgumentException("'" + one + "' and '" + other + "' cannot both be set");
    }
  }

  private static void checkFields(JsonNode node, Set<String> allowed, String what) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      String unsupported = UNSUPPORTED.get(field);
      if (unsupported != null) {
        throw new IllegalArgumentException(unsupported);
      }
      if (!allowed.contains(field)) {
        throw new IllegalArgumentException("field '" + field + "' is not valid in " + what);
      }
    }
  }

  private static void queryLanguage(JsonNode node, String what) {
    JsonNode language = node.get("QueryLanguage");
    if (language == null || "JSONPath".equals(language.asText())) {
      return;
    }
    if ("JSONata".equals(language.asText())) {
      throw new IllegalArgumentException(
          "QueryLanguage JSONata is not supported (in " + what + "); only JSONPath is");
    }
    throw new IllegalArgumentException("unknown QueryLanguage " + Json.quote(language));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
