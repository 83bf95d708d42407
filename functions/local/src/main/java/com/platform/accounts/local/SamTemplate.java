package com.platform.accounts.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the local runtime needs of template.yaml: the functions and their handler classes, the API
 * routes (each function's {@code Type: Api} events) and the state machines with their
 * substitutions. Reading them from the template means there is no second list of routes to keep in
 * step.
 */
public final class SamTemplate {
  /** A function: its logical id and handler class. */
  public record Function(String logicalId, String handlerClass) {}

  /** An API route: method, API Gateway resource path, and the function that serves it. */
  public record ApiRoute(String method, String path, String functionId) {}

  /** A scheduled event of a function: every {@code rate}, as {@code rate(15 minutes)} says. */
  public record Schedule(String functionId, Duration rate) {}

  /** A scheduled start of a state machine: an execution every {@code rate}. */
  public record StateMachineSchedule(String stateMachineId, Duration rate) {}

  /** A state machine: definition file and its substitutions ({@code ${Name}} to a function id). */
  public record StateMachine(String logicalId, Path definition, Map<String, String> functionArns) {
    public StateMachine {
      functionArns = Collections.unmodifiableMap(functionArns);
    }
  }

  private final Map<String, Function> functions = new LinkedHashMap<>();
  private final List<ApiRoute> routes = new ArrayList<>();
  private final List<Schedule> schedules = new ArrayList<>();
  private final List<StateMachineSchedule> stateMachineSchedules = new ArrayList<>();
  private final Map<String, StateMachine> stateMachines = new LinkedHashMap<>();

  public static SamTemplate read(Path repoRoot) {
    Path file = repoRoot.resolve("template.yaml");
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
      return new SamTemplate(root, repoRoot);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private SamTemplate(JsonNode root, Path repoRoot) {
    JsonNode globalsHandler = root.path("Globals").path("Function").path("Handler");
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("Resources").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> resource = it.next();
      String type = resource.getValue().path("Type").asText();
      JsonNode props = resource.getValue().path("Properties");
      if ("AWS::Serverless::Function".equals(type)) {
        String handler = props.path("Handler").asText(globalsHandler.asText());
        String handlerClass =
            handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        functions.put(resource.getKey(), new Function(resource.getKey(), handlerClass));
        for (JsonNode event : iterable(props.path("Events"))) {
          String eventType = event.path("Type").asText();
          if ("Api".equals(eventType)) {
            JsonNode p = event.path("Properties");
            routes.add(
                new ApiRoute(
                    p.path("Method").asText().toUpperCase(Locale.ROOT),
                    p.path("Path").asText(),
                    resource.getKey()));
          } else if ("Schedule".equals(eventType) || "ScheduleV2".equals(eventType)) {
            String expression =
                event
                    .path("Properties")
                    .path("Schedule")
                    .asText(event.path("Properties").path("ScheduleExpression").asText());
            schedules.add(new Schedule(resource.getKey(), rate(expression)));
          }
        }
      } else if ("AWS::Serverless::StateMachine".equals(type)) {
        Map<String, String> arns = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> s =
                props.path("DefinitionSubstitutions").fields();
            s.hasNext(); ) {
          Map.Entry<String, JsonNode> sub = s.next();
          String value = sub.getValue().asText();
          // "!GetAtt SomeFunction.Arn" and "!Ref SomeFunction.Alias" (the published alias that
          // SnapStart serves) read as the scalars "SomeFunction.Arn" and "SomeFunction.Alias"
          for (String suffix : List.of(".Arn", ".Alias")) {
            if (value.endsWith(suffix)) {
              arns.put(sub.getKey(), value.substring(0, value.length() - suffix.length()));
            }
          }
        }
        stateMachines.put(
            resource.getKey(),
            new StateMachine(
                resource.getKey(), repoRoot.resolve(props.path("DefinitionUri").asText()), arns));
        for (JsonNode event : iterable(props.path("Events"))) {
          String eventType = event.path("Type").asText();
          if ("Schedule".equals(eventType) || "ScheduleV2".equals(eventType)) {
            String expression =
                event
                    .path("Properties")
                    .path("Schedule")
                    .asText(event.path("Properties").path("ScheduleExpression").asText());
            stateMachineSchedules.add(
                new StateMachineSchedule(resource.getKey(), rate(expression)));
          }
        }
      }
    }
  }

  private static Iterable<JsonNode> iterable(JsonNode node) {
    List<JsonNode> values = new ArrayList<>();
    node.elements().forEachRemaining(values::add);
    return values;
  }

  public Map<String, Function> functions() {
    return Collections.unmodifiableMap(functions);
  }

  public List<ApiRoute> routes() {
    return Collections.unmodifiableList(routes);
  }

  public List<Schedule> schedules() {
    return Collections.unmodifiableList(schedules);
  }

  public List<StateMachineSchedule> stateMachineSchedules() {
    return Collections.unmodifiableList(stateMachineSchedules);
  }

  /** {@code rate(15 minutes)} as a duration; the local runtime runs rate schedules only. */
  static Duration rate(String expression) {
    Matcher m =
        Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)")
            .matcher(expression);
    if (!m.matches()) {
      throw new IllegalArgumentException("unsupported schedule expression: " + expression);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "minute", "minutes" -> Duration.ofMinutes(n);
      case "hour", "hours" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  public Map<String, StateMachine> stateMachines() {
    return Collections.unmodifiableMap(stateMachines);
  }
}
