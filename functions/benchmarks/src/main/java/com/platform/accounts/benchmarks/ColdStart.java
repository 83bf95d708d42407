package com.platform.accounts.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs in a fresh JVM: builds one handler with its production (no-argument) constructor, invokes it
 * once with a sample event, and prints one JSON line: JVM start to ready, the first invocation, and
 * the classes loaded. The event is converted to the handler's input type the way the Lambda Java
 * runtime does, with Jackson, found reflectively so the baseline measures no Jackson at all.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    String handlerClass = args[0];
    Path eventFile = Path.of(args[1]);
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();

    long t0 = System.nanoTime();
    Class<?> type = Class.forName(handlerClass);
    @SuppressWarnings("unchecked")
    RequestHandler<Object, Object> handler =
        (RequestHandler<Object, Object>) type.getConstructor().newInstance();
    long initNanos = System.nanoTime() - t0;

    Class<?> inputType = inputType(type);
    // "-" is the baseline's empty event: no JSON library is loaded for it
    String eventJson = args[1].equals("-") ? null : Files.readString(eventFile);
    long t1 = System.nanoTime();
    Object input = eventJson == null ? Map.of() : convert(eventJson, inputType);
    Object output = handler.handleRequest(input, null);
    long invokeNanos = System.nanoTime() - t1;

    long total = System.currentTimeMillis() - jvmStart;
    System.out.printf("{\"handler\":\"%s\",\"initMs\":%d,\"firstInvokeMs\":%d,\"totalMs\":%d,"
            + "\"classesLoaded\":%d,\"status\":\"%s\"}%n",
        type.getSimpleName(), initNanos / 1_000_000, invokeNanos / 1_000_000, total,
        ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount(), status(output));
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
    return mapperType.getMethod("readValue", String.class, Class.class)
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
