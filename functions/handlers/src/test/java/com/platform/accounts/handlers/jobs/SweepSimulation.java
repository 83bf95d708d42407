package com.platform.accounts.handlers.jobs;

import com.platform.accounts.core.card.CardDetails;
import com.platform.accounts.core.card.ChargeRelease;
import com.platform.accounts.core.card.Funding;
import com.platform.accounts.core.card.OwnershipCheck;
import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.card.PaymentMethodStatus;
import com.platform.accounts.core.card.ProcessorUnavailableException;
import com.platform.accounts.core.card.StoredCard;
import com.platform.accounts.core.due.DueItem;
import com.platform.accounts.core.due.DueKind;
import com.platform.accounts.core.due.DuePage;
import com.platform.accounts.core.due.DueShards;
import com.platform.accounts.core.due.DueSweep;
import com.platform.accounts.core.due.Lanes;
import com.platform.accounts.core.memory.InMemoryOutbox;
import com.platform.accounts.core.memory.InMemoryTable;
import com.platform.accounts.core.memory.InMemoryTelemetry;
import com.platform.accounts.core.money.Money;
import com.platform.accounts.core.port.CardProcessor;
import com.platform.accounts.core.port.DueIndex;
import com.platform.accounts.core.port.PaymentMethodStore;
import com.platform.accounts.handlers.FakeContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The expire-holds sweep on a virtual clock: the real {@link ExpireHoldsJob}, {@link DueSweep} and
 * {@link ChargeRelease} code on in-memory ports, with the latencies of the real services charged to
 * the clock instead of slept, so that a million cards take seconds of real time.
 *
 * <p>What is modelled rather than run: the state machine's fan-out (each run asks the job for its
 * shards, then starts one invocation per shard at once, as the Map state does, each with the
 * function's timeout as its deadline); the threads of a worker (each worker's {@link Lanes} are
 * {@link VirtualLanes}: an item starts on the lane that frees first, at the time it frees); and the
 * latencies: each processor call 100 to 300 ms (uniform), each DynamoDB call a few milliseconds,
 * each invocation's start. Shards share no items, so they are run one after the other, each on its
 * own timeline from the run's start.
 */
final class SweepSimulation {
  /** As template.yaml deploys it. */
  static final int SHARDS = 16;

  static final Duration SCHEDULE = Duration.ofMinutes(5);
  static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(300);

  static final Duration INVOKE = Duration.ofMillis(100);
  static final Duration GET_ITEM = Duration.ofMillis(5);
  static final Duration PUT_ITEM = Duration.ofMillis(10);
  static final Duration QUERY_AND_BATCH_GET = Duration.ofMillis(25);
  static final Duration UPDATE_ITEM = Duration.ofMillis(8);

  static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

  /** What a simulated backlog came to. */
  record Figures(
      int cards,
      int shards,
      int lanes,
      int runs,
      Duration allReleasedAfter,
      Duration medianReleasedAfter,
      long processorCalls,
      int minPerShard,
      int maxPerShard,
      Optional<Duration> poisonDeadLetteredAfter,
      long deadLetteredCount,
      long realMillis) {}

  private final int cards;
  private final boolean poison;
  private final VirtualClock clock = new VirtualClock(T0);
  private final SimulatedProcessor processor;
  private final InMemoryTable table;
  private final ExpireHoldsJob job;
  private final InMemoryTelemetry telemetry = new InMemoryTelemetry();
  private final Map<String, Instant> releasedAt = new HashMap<>();
  private final List<String> ids = new ArrayList<>();
  private String poisonId;

  SweepSimulation(int cards, boolean poison, long seed) {
    this.cards = cards;
    this.poison = poison;
    this.processor = new SimulatedProcessor(clock, new Random(seed));
    this.table = new InMemoryTable(clock, new DueShards(SHARDS));
    DueIndex index = new SlowIndex(table.dueIndex(), clock);
    PaymentMethodStore store = new SlowStore(table.paymentMethods(), clock);
    ChargeRelease release =
        new ChargeRelease(
            store,
            table.accounts(),
            processor,
            new InMemoryOutbox(clock),
            telemetry,
            clock,
            "ACMECLOUD");
    // as CardWiring wires it, but for the lanes, which run on the virtual clock
    DueSweep sweep =
        new DueSweep(
            index,
            Map.of(DueKind.CARD_VERIFICATION, release::finishDue),
            telemetry,
            clock,
            () -> new VirtualLanes(clock, DueSweep.LANES));
    this.job = new ExpireHoldsJob(sweep);
  }

  /** {@code cards} cards whose charges all fell due at T0 (the poison one first in due order). */
  private void seed() {
    for (int i = 0; i < cards; i++) {
      String id = String.format("pm_sim%07d", i);
      Instant dueAt = T0.minusMillis(cards - i);
      table.paymentMethods().create(card(id, "acct_sim" + i, dueAt));
      ids.add(id);
    }
    if (poison) {
      poisonId = ids.get(0);
      processor.poisonHold = "hold_" + poisonId;
    }
  }

  private static PaymentMethod card(String id, String accountId, Instant dueAt) {
    Instant placed = dueAt.minus(Duration.ofHours(23));
    return new PaymentMethod(
        id,
        accountId,
        PaymentMethod.PaymentMethodType.CARD,
        PaymentMethodStatus.PENDING_VERIFICATION,
        new StoredCard(
            "tok_" + id,
            "visa",
            "4242",
            12,
            2030,
            "US",
            Funding.CREDIT,
            "fp_" + id,
            null,
            null,
            null),
        new OwnershipCheck(
            "hold_" + id,
            "ch_" + id,
            "hmac",
            "hmac",
            0,
            placed,
            dueAt,
            null,
            placed.plus(Duration.ofDays(7))),
        placed,
        0);
  }

  /** Runs the schedule until every card (the poison one aside) is released and {@code until}. */
  Figures run(Duration until) {
    long started = System.nanoTime();
    seed();
    int runs = 0;
    Optional<Duration> poisonDead = Optional.empty();
    for (Instant runAt = T0; !runAt.isAfter(T0.plus(until)); runAt = runAt.plus(SCHEDULE)) {
      runs++;
      clock.set(runAt.plus(INVOKE));
      @SuppressWarnings("unchecked")
      List<Integer> shards =
          (List<Integer>) job.handleRequest(Map.of("plan", true), null).get("shards");
      Instant fannedOut = clock.instant();
      for (int shard : shards) {
        // the Map state's iterations start together, each its own invocation and deadline
        Instant start = fannedOut.plus(INVOKE);
        clock.set(start);
        Instant deadline = start.plus(FUNCTION_TIMEOUT);
        job.handleRequest(
            Map.of("shard", shard),
            new FakeContext(() -> (int) Duration.between(clock.instant(), deadline).toMillis()));
      }
      if (poison && poisonDead.isEmpty() && telemetry.counted(DueSweep.DEAD_LETTERED) > 0) {
        poisonDead = Optional.of(Duration.between(T0, runAt));
      }
      boolean allReleased = releasedAt.size() == cards - (poison ? 1 : 0);
      if (allReleased && (!poison || poisonDead.isPresent())) {
        break;
      }
    }
    Instant[] times = releasedAt.values().stream().sorted().toArray(Instant[]::new);
    int[] perShard = new int[SHARDS];
    DueShards shards = new DueShards(SHARDS);
    for (String id : ids) {
      perShard[shards.of(id)]++;
    }
    return new Figures(
        cards,
        SHARDS,
        DueSweep.LANES,
        runs,
        times.length == 0 ? Duration.ZERO : Duration.between(T0, times[times.length - 1]),
        times.length == 0 ? Duration.ZERO : Duration.between(T0, times[times.length / 2]),
        processor.calls,
        Arrays.stream(perShard).min().orElse(0),
        Arrays.stream(perShard).max().orElse(0),
        poisonDead,
        telemetry.counted(DueSweep.DEAD_LETTERED),
        (System.nanoTime() - started) / 1_000_000);
  }

  Instant releasedAt(String id) {
    return releasedAt.get(id);
  }

  String poisonId() {
    return poisonId;
  }

  DuePage deadLetters() {
    return table.dueIndex().deadLetters(Optional.empty(), 10);
  }

  /** A clock that stands still until the simulation moves it (one thread at a time). */
  static final class VirtualClock extends Clock {
    private Instant now;

    VirtualClock(Instant start) {
      this.now = start;
    }

    void set(Instant at) {
      now = at;
    }

    void pass(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  /**
   * A worker's lanes on the virtual clock: an item starts on the lane that frees first, once it
   * frees; the sweep's own steps (reading a page) take the clock from the time it last started an
   * item; the run ends when the last lane frees.
   */
  static final class VirtualLanes implements Lanes {
    private final VirtualClock clock;
    private final Instant[] freeAt;
    private int held = -1;

    VirtualLanes(VirtualClock clock, int count) {
      this.clock = clock;
      this.freeAt = new Instant[count];
      Arrays.fill(freeAt, clock.instant());
    }

    @Override
    public void awaitFree() {
      int first = 0;
      for (int i = 1; i < freeAt.length; i++) {
        if (freeAt[i].isBefore(freeAt[first])) {
          first = i;
        }
      }
      held = first;
      if (freeAt[first].isAfter(clock.instant())) {
        clock.set(freeAt[first]);
      }
    }

    @Override
    public void start(Runnable task) {
      Instant loop = clock.instant();
      task.run();
      freeAt[held] = clock.instant();
      held = -1;
      clock.set(loop);
    }

    @Override
    public void giveBack() {
      held = -1;
    }

    @Override
    public void awaitIdle() {
      for (Instant at : freeAt) {
        if (at.isAfter(clock.instant())) {
          clock.set(at);
        }
      }
    }

    @Override
    public void close() {}
  }

  /** A card processor that takes 100 to 300 ms a call, and refuses one hold, ever. */
  final class SimulatedProcessor implements CardProcessor {
    private final VirtualClock clock;
    private final Random random;
    long calls;
    String poisonHold;

    SimulatedProcessor(VirtualClock clock, Random random) {
      this.clock = clock;
      this.random = random;
    }

    private void call() {
      calls++;
      clock.pass(Duration.ofMillis(100 + random.nextInt(201)));
    }

    @Override
    public void voidHold(String holdId, String idempotencyKey) {
      call();
      if (holdId.equals(poisonHold)) {
        throw new ProcessorUnavailableException("the processor refuses this hold", null);
      }
    }

    @Override
    public void refund(String chargeId, String idempotencyKey) {
      call();
      // the refund is a release's last call: the card's charges are released now
      releasedAt.put(chargeId.substring("ch_".length()), clock.instant());
    }

    @Override
    public Optional<String> findCharge(String idempotencyKey) {
      call();
      return Optional.empty();
    }

    @Override
    public CardDetails describe(String cardToken) {
      throw new UnsupportedOperationException("the sweep places nothing");
    }

    @Override
    public String authorizeHold(
        String cardToken, Money amount, String descriptor, String idempotencyKey) {
      throw new UnsupportedOperationException("the sweep places nothing");
    }

    @Override
    public String charge(String cardToken, Money amount, String descriptor, String idempotencyKey) {
      throw new UnsupportedOperationException("the sweep places nothing");
    }

    @Override
    public Money minimumCharge() {
      throw new UnsupportedOperationException("the sweep places nothing");
    }

    @Override
    public String chargeMerchantInitiated(String cardToken, Money amount, String idempotencyKey) {
      throw new UnsupportedOperationException("the sweep places nothing");
    }

    @Override
    public void detach(String cardToken) {
      throw new UnsupportedOperationException("the sweep detaches nothing");
    }
  }

  /** The in-memory due-index, each call charged its DynamoDB latency. */
  private record SlowIndex(DueIndex inner, VirtualClock clock) implements DueIndex {
    @Override
    public DueShards shards() {
      return inner.shards();
    }

    @Override
    public DuePage due(int shard, Instant now, Optional<String> after, int limit) {
      clock.pass(QUERY_AND_BATCH_GET);
      return inner.due(shard, now, after, limit);
    }

    @Override
    public boolean retryAt(DueItem read, Instant at, int attempts) {
      clock.pass(UPDATE_ITEM);
      return inner.retryAt(read, at, attempts);
    }

    @Override
    public boolean deadLetter(DueItem read, int attempts) {
      clock.pass(UPDATE_ITEM);
      return inner.deadLetter(read, attempts);
    }

    @Override
    public DuePage deadLetters(Optional<String> after, int limit) {
      return inner.deadLetters(after, limit);
    }
  }

  /** The in-memory payment methods, each call charged its DynamoDB latency. */
  private record SlowStore(PaymentMethodStore inner, VirtualClock clock)
      implements PaymentMethodStore {
    @Override
    public void create(PaymentMethod paymentMethod) {
      clock.pass(PUT_ITEM);
      inner.create(paymentMethod);
    }

    @Override
    public Optional<PaymentMethod> find(String accountId, String paymentMethodId) {
      clock.pass(GET_ITEM);
      return inner.find(accountId, paymentMethodId);
    }

    @Override
    public List<PaymentMethod> list(String accountId) {
      clock.pass(GET_ITEM);
      return inner.list(accountId);
    }

    @Override
    public void update(PaymentMethod paymentMethod) {
      clock.pass(PUT_ITEM);
      inner.update(paymentMethod);
    }

    @Override
    public Optional<String> fingerprintOwner(String fingerprintHash) {
      clock.pass(GET_ITEM);
      return inner.fingerprintOwner(fingerprintHash);
    }

    @Override
    public boolean cardTokenUsed(String tokenHash) {
      clock.pass(GET_ITEM);
      return inner.cardTokenUsed(tokenHash);
    }

    @Override
    public void putReference(
        String reference, String accountId, String paymentMethodId, Instant expiresAt) {
      clock.pass(PUT_ITEM);
      inner.putReference(reference, accountId, paymentMethodId, expiresAt);
    }

    @Override
    public Optional<PaymentMethodRef> findReference(String reference, Instant now) {
      clock.pass(GET_ITEM);
      return inner.findReference(reference, now);
    }
  }
}
