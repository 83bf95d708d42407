package com.platform.accounts.local;

import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.aws.Es256SessionIssuer;
import com.platform.accounts.aws.Es256SessionVerifier;
import com.platform.accounts.core.AccountLifecycle;
import com.platform.accounts.core.ledger.ResourceLedger;
import com.platform.accounts.core.memory.EphemeralServiceKeys;
import com.platform.accounts.core.memory.InMemoryEventLog;
import com.platform.accounts.core.memory.InMemoryOutbox;
import com.platform.accounts.core.memory.InMemoryTable;
import com.platform.accounts.core.memory.SandboxCardProcessor;
import com.platform.accounts.core.memory.SandboxPayPal;
import com.platform.accounts.core.paypal.FrontendOrigins;
import com.platform.accounts.core.verification.PhoneBudgets;
import com.platform.accounts.handlers.api.LedgerEventReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole service in one JVM on one port: the template's handlers and state machines, in-memory
 * stores with DynamoDB's semantics, an outbox instead of SES/SNS/voice, and a clock that can jump.
 *
 * <p>{@link #start} is {@code make run}: a ticker thread moves the clock on as real time passes.
 * Tests use {@link #builder} without {@link Builder#followRealTime}: then nothing runs on its own,
 * and time moves only when the test moves it ({@code POST /_local/clock/advance}).
 */
public final class LocalRuntime implements AutoCloseable {
  public static final String TERMS_VERSION = "2026-11-01";
  public static final String MERCHANT_NAME = "ACMECLOUD";
  private final LocalHttpServer server;
  private final ScheduledExecutorService ticker;
  private final ManualClock clock;
  private final InMemoryOutbox outbox;
  private final InMemoryEventLog events;
  private final LocalWorkflows workflows;
  private final SandboxCardProcessor cards;
  private final SandboxPayPal paypal;
  private final ResourceLedger ledger;

  private LocalRuntime(
      Path repoRoot,
      int port,
      ManualClock clock,
      Long followRealTimeFrom,
      PhoneBudgets.Limits phoneBudgets)
      throws IOException {
    SamTemplate template = SamTemplate.read(repoRoot);
    // listening first: the frontend origin PayPal may send browsers back to is this port's
    DeferredHandler router = new DeferredHandler();
    this.server = LocalHttpServer.start(port, router);
    LocalEndpoints endpoints;
    try {
      String origin = "http://127.0.0.1:" + server.port();
      this.clock = clock;
      this.outbox = new InMemoryOutbox(clock);
      this.events = new InMemoryEventLog();
      this.workflows = new LocalWorkflows(template, clock);
      InMemoryTable table = new InMemoryTable(clock);
      this.cards = new SandboxCardProcessor(clock);
      this.paypal = new SandboxPayPal(origin + LocalEndpoints.PAYPAL_CHECKOUT);
      EphemeralServiceKeys keys = new EphemeralServiceKeys();
      AccountLifecycle lifecycle =
          new AccountLifecycle(
              new AccountLifecycle.Ports(
                      table.accounts(),
                      table.challenges(),
                      table.rateLimits(),
                      table.idempotency(),
                      outbox,
                      events,
                      workflows,
                      keys,
                      clock,
                      TERMS_VERSION,
                      table.paymentMethods(),
                      cards,
                      MERCHANT_NAME,
                      table.accountOverviews(),
                      new Es256SessionIssuer(keys, clock),
                      new Es256SessionVerifier(keys.sessionVerificationKey(), clock))
                  .withPayPal(
                      paypal,
                      paypal,
                      table.processedEvents(),
                      // API.md: the runtime's own origin, by address or by name
                      new FrontendOrigins(List.of(origin, "http://localhost:" + server.port()))),
              phoneBudgets,
              table.dueIndex());
      this.ledger = new ResourceLedger(table.accounts(), table.ledger());
      LocalFunctions functions =
          new LocalFunctions(
              template,
              lifecycle,
              Map.of(
                  URI.class,
                  URI.create(origin + "/v1/paypal/return"),
                  ResourceLedger.class,
                  ledger,
                  LedgerEventReader.class,
                  new LedgerEventReader(clock)));
      workflows.connect(functions::get);

      LocalSchedules schedules =
          new LocalSchedules(template, functions, workflows, table.dueIndex(), clock);
      endpoints = new LocalEndpoints(clock, outbox, workflows, cards, paypal, schedules);
      router.route(new LocalHttpRouter(template, functions, endpoints, workflows));
    } catch (RuntimeException e) {
      server.stop();
      throw e;
    }

    this.ticker = followRealTimeFrom == null ? null : startTicker(endpoints, followRealTimeFrom);
  }

  /**
   * Moves the clock on by the real time that passed since {@code fromNanos} (a {@link
   * System#nanoTime} reading), so waits and timeouts fire unasked.
   */
  private static ScheduledExecutorService startTicker(LocalEndpoints endpoints, long fromNanos) {
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "local-clock");
              t.setDaemon(true);
              return t;
            });
    // elapsed time from the monotonic timer: a wall clock set back would stall the clock
    AtomicLong last = new AtomicLong(fromNanos);
    ticker.scheduleWithFixedDelay(
        () -> {
          long now = System.nanoTime();
          endpoints.passRealTime(Duration.ofNanos(now - last.getAndSet(now)));
        },
        1,
        1,
        TimeUnit.SECONDS);
    return ticker;
  }

  /** {@code make run}: the runtime on {@code port}, its clock following real time. */
  public static LocalRuntime start(Path repoRoot, int port) {
    return builder(repoRoot).port(port).followRealTime().start();
  }

  /** A runtime on a free port, its clock moving only when told, unless configured otherwise. */
  public static Builder builder(Path repoRoot) {
    return new Builder(repoRoot);
  }

  /** The options of a runtime: port, clock, and whether real time moves the clock. */
  public static final class Builder {
    private final Path repoRoot;
    private int port;
    private ManualClock clock;
    private boolean followRealTime;
    private PhoneBudgets.Limits phoneBudgets = PhoneBudgets.Limits.defaults();

    private Builder(Path repoRoot) {
      this.repoRoot = Objects.requireNonNull(repoRoot, "repoRoot");
    }

    /** The port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The clock to run on; by default one that starts at the current time. */
    public Builder clock(ManualClock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Starts a ticker thread that advances the clock each second by the real time that passed. */
    public Builder followRealTime() {
      this.followRealTime = true;
      return this;
    }

    /** The SMS and voice budgets and country allow-list; template.yaml's defaults otherwise. */
    public Builder phoneBudgets(PhoneBudgets.Limits limits) {
      this.phoneBudgets = Objects.requireNonNull(limits, "limits");
      return this;
    }

    public LocalRuntime start() {
      // read together, so that the time the start-up takes is not lost to the clock
      long startedNanos = System.nanoTime();
      ManualClock runOn = clock != null ? clock : new ManualClock(Clock.systemUTC().instant());
      try {
        return new LocalRuntime(
            repoRoot, port, runOn, followRealTime ? startedNanos : null, phoneBudgets);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
      }
    }
  }

  /** The resource ledger the internal route records into (what the deletion check reads). */
  public ResourceLedger ledger() {
    return ledger;
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.port());
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

  /** The PayPal stand-in: what a test approves with, and what PayPal holds. */
  public SandboxPayPal paypal() {
    return paypal;
  }

  /**
   * The runtime's clock, to read. Moving it directly fires nothing that falls due; {@code POST
   * /_local/clock/advance} moves it and fires each wait, timeout and schedule at its own time.
   */
  public ManualClock clock() {
    return clock;
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    server.stop();
  }

  public static void main(String[] args) {
    System.setProperty("log4j2.configurationFile", "log4j2-local.xml");
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    LocalRuntime runtime = start(findRepoRoot(), port);
    Runtime.getRuntime().addShutdownHook(new Thread(runtime::close));
    System.out.println(
        "Account lifecycle service (local) listening on "
            + runtime.baseUri()
            + "  - outbox: "
            + runtime.baseUri()
            + "/_local/outbox?to=<email or phone>");
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
