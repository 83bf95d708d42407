package com.platform.accounts.local;

import com.platform.accounts.aws.Es256SessionIssuer;
import com.platform.accounts.aws.Es256SessionVerifier;
import com.platform.accounts.core.AccountLifecycle;
import com.platform.accounts.core.memory.EphemeralServiceKeys;
import com.platform.accounts.core.memory.InMemoryEventLog;
import com.platform.accounts.core.memory.InMemoryOutbox;
import com.platform.accounts.core.memory.InMemoryTable;
import com.platform.accounts.core.memory.SandboxCardProcessor;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The whole service in one JVM on one port: the template's handlers and state machines, in-memory
 * stores with DynamoDB's semantics, an outbox instead of SES/SNS/voice, and a clock that can jump.
 */
public final class LocalRuntime implements AutoCloseable {
  public static final String TERMS_VERSION = "2026-11-01";
  public static final String MERCHANT_NAME = "ACMECLOUD";
  private final HttpServer server;
  private final ExecutorService requests;
  private final ScheduledExecutorService ticker;
  private final LocalClock clock;
  private final InMemoryOutbox outbox;
  private final InMemoryEventLog events;
  private final LocalWorkflows workflows;
  private final SandboxCardProcessor cards;

  private LocalRuntime(Path repoRoot, int port) throws IOException {
    SamTemplate template = SamTemplate.read(repoRoot);
    this.clock = new LocalClock(Clock.systemUTC());
    this.outbox = new InMemoryOutbox(clock);
    this.events = new InMemoryEventLog();
    this.workflows = new LocalWorkflows(template, clock);
    InMemoryTable table = new InMemoryTable(clock);
    this.cards = new SandboxCardProcessor(clock);
    EphemeralServiceKeys keys = new EphemeralServiceKeys();
    AccountLifecycle lifecycle = new AccountLifecycle(new AccountLifecycle.Ports(
        table.accounts(), table.challenges(), table.rateLimits(), table.idempotency(), outbox,
        events, workflows, keys, clock, TERMS_VERSION,
        table.paymentMethods(), cards, MERCHANT_NAME, table.accountOverviews(),
        new Es256SessionIssuer(keys, clock),
        new Es256SessionVerifier(keys.sessionVerificationKey(), clock)));
    LocalFunctions functions = new LocalFunctions(template, lifecycle);
    workflows.connect(functions::get);

    this.server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    this.requests = Executors.newFixedThreadPool(16);
    server.setExecutor(requests);
    LocalSchedules schedules = new LocalSchedules(template, functions, clock);
    LocalEndpoints endpoints = new LocalEndpoints(clock, outbox, workflows, cards, schedules);
    server.createContext("/", new LocalHttpRouter(template, functions, endpoints));
    server.start();

    // waits and timeouts that fall due as real time passes fire without a request
    this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "local-clock");
      t.setDaemon(true);
      return t;
    });
    ticker.scheduleWithFixedDelay(endpoints::fireDue, 1, 1, TimeUnit.SECONDS);
  }

  public static LocalRuntime start(Path repoRoot, int port) {
    try {
      return new LocalRuntime(repoRoot, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public InMemoryOutbox outbox() {
    return outbox;
  }

  public InMemoryEventLog events() {
    return events;
  }

  public LocalWorkflows workflows() {
    return workflows;
  }

  public SandboxCardProcessor cards() {
    return cards;
  }

  public LocalClock clock() {
    return clock;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    server.stop(0);
    requests.shutdownNow();
  }

  public static void main(String[] args) {
    System.setProperty("log4j2.configurationFile", "log4j2-local.xml");
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    LocalRuntime runtime = start(findRepoRoot(), port);
    Runtime.getRuntime().addShutdownHook(new Thread(runtime::close));
    System.out.println("Account lifecycle service (local) listening on " + runtime.baseUri()
        + "  - outbox: " + runtime.baseUri() + "/_local/outbox?to=<email or phone>");
  }

  /** The folder holding template.yaml: the working directory or one of its parents. */
  static Path findRepoRoot() {
    String configured = System.getProperty("repo.root");
    if (configured != null && Files.exists(Path.of(configured, "template.yaml"))) {
      return Path.of(configured);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("template.yaml"))) {
        return p;
      }
    }
    throw new IllegalStateException("run from the repository (no template.yaml found)");
  }
}
