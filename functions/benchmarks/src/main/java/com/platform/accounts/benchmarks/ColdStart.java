package com.platform.accounts.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs in a fresh JVM: builds one handler with its production (no-argument) constructor, invokes it
 * once with a sample event, and prints one JSON line: JVM start to ready, the first invocation, and
 * the classes loaded. As the Lambda Java runtime does, a {@link RequestStreamHandler} gets the
 * event's bytes, and a {@link RequestHandler}'s event is first converted to its input type with
 * Jackson, found reflectively so that the baseline measures no Jackson at all.
 */
public final class ColdStart {
  private static final Pattern STATUS_CODE = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)");

  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    String handlerClass = args[0];
    Path eventFile = Path.of(args[1]);
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();

    long t0 = System.nanoTime();
    Class<?> type = Class.forName(handlerClass);
    Object instance = type.getConstructor().newInstance();
    long initNanos = System.nanoTime() - t0;

    if (instance instanceof RequestStreamHandler streamHandler) {
      byte[] event = Files.readAllBytes(eventFile);
      long t1 = System.nanoTime();
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      streamHandler.handleRequest(new ByteArrayInputStream(event), output, null);
      long invokeNanos = System.nanoTime() - t1;
      Matcher status = STATUS_CODE.matcher(output.toString(StandardCharsets.UTF_8));
      report(type, initNanos, invokeNanos, jvmStart, status.find() ? status.group(1) : "ok");
      return;
    }
    @SuppressWarnings("unchecked")
    RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) instance;

    Class<?> inputType = inputType(type);
    // "-" is the baseline's empty event: no JSON library is loaded for it
    String eventJson = args[1].equals("-") ? null : Files.readString(eventFile);
    long t1 = System.nanoTime();
    Object input = eventJson == null ? Map.of() : convert(eventJson, inputType);
    Object output = handler.handleRequest(input, null);
    long invokeNanos = System.nanoTime() - t1;

    report(type, initNanos, invokeNanos, jvmStart, status(output));
  }

  private static void report(
      Class<?> type, long initNanos, long invokeNanos, long jvmStart, String status) {
    long total = System.currentTimeMillis() - jvmStart;
    System.out.printf(
        "{\"handler\":\"%s\",\"initMs\":%d,\"firstInvokeMs\":%d,\"totalMs\":%d,"
            + "\"classesLoaded\":%d,\"status\":\"%s\"}%n",
        type.getSimpleName(),
        initNanos / 1_000_000,
        invokeNanos / 1_000_000,
        total,
        ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount(),
        status);
  }

  private static Class<?> inputType(Class<?> handler) {
    for (Method m : handler.getMethods()) {
      if (m.getName().equals("handleRequest") && !m.isBridge() && m.getParameterCount() == 2) {
        return m.getParameterTypes()[0];
      }
    }
    throw new IllegalArgumentException(handler + " has no handleRequest");
  }

  private static Object convert(String json, Class<?> type) throws Exception {
    Class<?> mapperType = Class.forName("com.fasterxml.jackson.databind.ObjectMapper");
    Object mapper = mapperType.getConstructor().newInstance();
    Class<?> feature = Class.forName("com.fasterxml.jackson.databind.DeserializationFeature");
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object failOnUnknown = Enum.valueOf((Class<Enum>) feature, "FAIL_ON_UNKNOWN_PROPERTIES");
    mapperType.getMethod("configure", feature, boolean.class).invoke(mapper, failOnUnknown, false);
    return mapperType
        .getMethod("readValue", String.class, Class.class)
        .invoke(mapper, json, type == Object.class ? Map.class : type);
  }

  private static String status(Object output) {
    if (output == null) {
      return "null";
    }
    try {
      return String.valueOf(output.getClass().getMethod("getStatusCode").invoke(output));
    } catch (ReflectiveOperationException e) {
      return "ok";
    }
  }
}
