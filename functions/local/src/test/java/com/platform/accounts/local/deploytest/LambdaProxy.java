package com.platform.accounts.local.deploytest;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.platform.accounts.local.SamTemplate;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The deploy test's Lambda runtime: ministack POSTs every invoke of a deployed function to this
 * server ({@code MINISTACK_LAMBDA_PROXY_URL}), which answers it with the real handler class the
 * template names for that function, built by its production (no-argument) constructor from this
 * process's environment — the deployed functions' variables, with {@code AWS_ENDPOINT_URL} pointing
 * at ministack.
 *
 * <p>Arguments: the port, the repository root (for template.yaml) and a file of {@code
 * deployedName=LogicalId} lines (the stack's functions, read from the deployed stack).
 */
public final class LambdaProxy {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> logicalIdByName;
  private final Map<String, String> handlerClassByLogicalId = new LinkedHashMap<>();
  private final Map<String, Object> handlers = new ConcurrentHashMap<>();
  private SandboxCards cards;

  LambdaProxy(SamTemplate template, Map<String, String> logicalIdByName) {
    this.logicalIdByName = logicalIdByName;
    template
        .functions()
        .values()
        .forEach(f -> handlerClassByLogicalId.put(f.logicalId(), f.handlerClass()));
  }

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    SamTemplate template = SamTemplate.read(Path.of(args[1]));
    Map<String, String> names = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of(args[2]))) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        names.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
      }
    }
    LambdaProxy proxy = new LambdaProxy(template, names);
    // the JDK's own server: the classpath also holds Jetty's provider (jetty-http-spi), which
    // LocalHttpServer starts itself and which listens on nothing when created this way
    System.setProperty(
        "com.sun.net.httpserver.HttpServerProvider",
        "sun.net.httpserver.DefaultHttpServerProvider");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/", proxy::serve);
    server.createContext("/_sandbox/", proxy::sandbox);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.start();
    System.out.println("lambda proxy listening on 127.0.0.1:" + port);
  }

  private void serve(HttpExchange exchange) throws IOException {
    String name = exchange.getRequestHeaders().getFirst("X-Amzn-Lambda-Function-Name");
    byte[] event = exchange.getRequestBody().readAllBytes();
    int status = 200;
    byte[] answer;
    try {
      String logicalId = logicalIdOf(name);
      long started = System.nanoTime();
      answer = emptyBodyForNull(invoke(handler(logicalId), event, context(exchange, name)));
      System.out.printf(
          "invoke %s: ok in %d ms%s%n",
          logicalId, (System.nanoTime() - started) / 1_000_000, statusOf(answer));
    } catch (RuntimeException | IOException | Error e) {
      // the class only: a message may quote a code or a key
      System.out.printf("invoke %s: failed%n", name);
      printWithoutMessages(e);
      status = 500;
      Map<String, String> error = new LinkedHashMap<>();
      error.put("errorType", e.getClass().getSimpleName());
      error.put("errorMessage", e.getClass().getName());
      answer = JSON.writeValueAsBytes(error);
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }

  /**
   * ministack's API Gateway fails with a 500 on a proxy answer whose body is null (a 204), where
   * AWS answers with no body: the proxy gives it an empty body instead.
   */
  @SuppressWarnings("unchecked")
  private static byte[] emptyBodyForNull(byte[] answer) throws IOException {
    if (answer.length == 0 || answer[0] != '{') {
      return answer;
    }
    Map<String, Object> object = JSON.readValue(answer, Map.class);
    if (object.containsKey("statusCode")
        && object.containsKey("body")
        && object.get("body") == null) {
      object.put("body", "");
      return JSON.writeValueAsBytes(object);
    }
    return answer;
  }

  /** An API function's answer's status (its body may hold a token, so not the body). */
  private static String statusOf(byte[] answer) {
    try {
      Object status = JSON.readValue(answer, Map.class).get("statusCode");
      return status == null ? "" : ", status " + status;
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** Each cause's class and frames: enough to find a fault, without a message to leak a secret. */
  private static void printWithoutMessages(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      System.out.println((t == failure ? "  " : "  caused by ") + t.getClass().getName());
      StackTraceElement[] frames = t.getStackTrace();
      for (int i = 0; i < Math.min(frames.length, 12); i++) {
        System.out.println("    at " + frames[i]);
      }
    }
  }

  private String logicalIdOf(String name) {
    if (name == null) {
      throw new IllegalArgumentException("no function name header");
    }
    String logicalId = logicalIdByName.get(name);
    if (logicalId == null && handlerClassByLogicalId.containsKey(name)) {
      logicalId = name;
    }
    if (logicalId == null) {
      throw new IllegalArgumentException("unknown function " + name);
    }
    return logicalId;
  }

  private Object handler(String logicalId) {
    return handlers.computeIfAbsent(logicalId, this::build);
  }

  private synchronized SandboxCards cards() {
    if (cards == null) {
      cards = new SandboxCards();
    }
    return cards;
  }

  /**
   * What a card holder does outside the service: tokenizing a card in the processor's browser
   * library ({@code POST /_sandbox/card-tokens}) and reading the statement ({@code GET
   * /_sandbox/statement?last4=}).
   */
  private void sandbox(HttpExchange exchange) throws IOException {
    byte[] answer;
    int status = 200;
    try {
      if (exchange.getRequestURI().getPath().equals("/_sandbox/card-tokens")) {
        Map<String, Object> card =
            JSON.readValue(exchange.getRequestBody().readAllBytes(), new TypeReference<>() {});
        String token =
            cards()
                .processor
                .tokenize(
                    (String) card.get("number"),
                    (Integer) card.get("expMonth"),
                    (Integer) card.get("expYear"),
                    (String) card.get("cvc"),
                    (String) card.get("holderName"));
        answer = JSON.writeValueAsBytes(Map.of("token", token));
      } else {
        String last4 = exchange.getRequestURI().getQuery().replace("last4=", "");
        List<Map<String, String>> lines =
            cards().processor.statement(last4).stream()
                .map(
                    line ->
                        Map.of(
                            "description", String.valueOf(line.description()),
                            "amount", line.amount().amount().toPlainString(),
                            "currency", line.amount().currency().getCurrencyCode(),
                            "status", line.status()))
                .toList();
        answer = JSON.writeValueAsBytes(Map.of("lines", lines));
      }
    } catch (RuntimeException e) {
      printWithoutMessages(e);
      status = 400;
      answer = JSON.writeValueAsBytes(Map.of("error", e.getClass().getSimpleName()));
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }

  private Object build(String logicalId) {
    Object card = cards().handler(logicalId);
    if (card != null) {
      return card;
    }
    String className = handlerClassByLogicalId.get(logicalId);
    try {
      return Class.forName(className).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
      throw new IllegalStateException("cannot build " + className, cause);
    }
  }

  @SuppressWarnings("unchecked")
  private static byte[] invoke(Object handler, byte[] event, Context context) throws IOException {
    if (handler instanceof RequestStreamHandler stream) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      stream.handleRequest(new ByteArrayInputStream(event), out, context);
      return out.toByteArray();
    }
    Map<String, Object> input =
        event.length == 0 ? Map.of() : JSON.readValue(event, new TypeReference<>() {});
    Object output =
        ((RequestHandler<Map<String, Object>, Object>) handler).handleRequest(input, context);
    return JSON.writeValueAsBytes(output);
  }

  private static Context context(HttpExchange exchange, String name) {
    String requestId = exchange.getRequestHeaders().getFirst("X-Amzn-Lambda-Request-Id");
    String arn = exchange.getRequestHeaders().getFirst("X-Amzn-Lambda-Function-Arn");
    String deadline = exchange.getRequestHeaders().getFirst("X-Amzn-Lambda-Deadline-Ms");
    long deadlineMs =
        deadline == null ? System.currentTimeMillis() + 15_000 : Long.parseLong(deadline);
    return new ProxyContext(name, arn, requestId == null ? "local" : requestId, deadlineMs);
  }

  private record ProxyContext(String name, String arn, String requestId, long deadlineMs)
      implements Context {
    @Override
    public String getAwsRequestId() {
      return requestId;
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/" + name;
    }

    @Override
    public String getLogStreamName() {
      return "deploy-test";
    }

    @Override
    public String getFunctionName() {
      return name;
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return arn;
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return (int) Math.max(0, deadlineMs - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
      return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {
          System.out.print(message);
        }

        @Override
        public void log(byte[] message) {
          System.out.print(new String(message, StandardCharsets.UTF_8));
        }
      };
    }
  }
}
