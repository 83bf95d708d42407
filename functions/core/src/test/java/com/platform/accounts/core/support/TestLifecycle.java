package com.platform.accounts.core.support;

import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.core.AccountLifecycle;
import com.platform.accounts.core.memory.EphemeralServiceKeys;
import com.platform.accounts.core.memory.InMemoryEventLog;
import com.platform.accounts.core.memory.InMemoryOutbox;
import com.platform.accounts.core.memory.InMemorySessionTokens;
import com.platform.accounts.core.memory.InMemoryTable;
import com.platform.accounts.core.memory.SandboxCardProcessor;
import com.platform.accounts.core.messaging.OutboundMessage;
import com.platform.accounts.core.port.WorkflowOutcome;
import com.platform.accounts.core.port.Workflows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The core wired on in-memory ports and a manual clock, with what was sent kept for assertions. */
public final class TestLifecycle {
  public final ManualClock clock = new ManualClock(Instant.parse("2026-11-26T09:00:00Z"));
  public final InMemoryTable table = new InMemoryTable(clock);
  public final InMemoryOutbox outbox = new InMemoryOutbox(clock);
  public final InMemoryEventLog events = new InMemoryEventLog();
  public final RecordingWorkflows workflows = new RecordingWorkflows();
  public final SandboxCardProcessor cards = new SandboxCardProcessor(clock);
  public final InMemorySessionTokens sessionTokens = new InMemorySessionTokens(clock);
  public final AccountLifecycle lifecycle =
      new AccountLifecycle(
          new AccountLifecycle.Ports(
              table.accounts(),
              table.challenges(),
              table.rateLimits(),
              table.idempotency(),
              outbox,
              events,
              workflows,
              new EphemeralServiceKeys(),
              clock,
              "2026-11-01",
              table.paymentMethods(),
              cards,
              "ACMECLOUD",
              table.accountOverviews(),
              sessionTokens,
              sessionTokens));

  /** The code of the last message to a destination. */
  public String lastCode(String destination) {
    List<InMemoryOutbox.Sent> sent = outbox.to(destination);
    if (sent.isEmpty()) {
      throw new AssertionError("nothing was sent to " + destination);
    }
    return sent.get(sent.size() - 1).message().code();
  }

  public OutboundMessage lastMessage(String destination) {
    List<InMemoryOutbox.Sent> sent = outbox.to(destination);
    return sent.get(sent.size() - 1).message();
  }

  /** Workflows that only remember what they were asked. */
  public static final class RecordingWorkflows implements Workflows {
    public final List<String> started = new ArrayList<>();
    public final List<String> cardVerifications = new ArrayList<>();
    public final List<Resumed> resumed = new ArrayList<>();

    /** One resumption: the waiting execution's task token and the outcome it got. */
    public record Resumed(String taskToken, WorkflowOutcome outcome) {}

    @Override
    public synchronized void startContactVerification(String challengeId) {
      started.add(challengeId);
    }

    @Override
    public synchronized void startCardVerification(String accountId, String paymentMethodId) {
      cardVerifications.add(paymentMethodId);
    }

    @Override
    public synchronized void resume(String taskToken, WorkflowOutcome outcome) {
      resumed.add(new Resumed(taskToken, outcome));
    }
  }
}
