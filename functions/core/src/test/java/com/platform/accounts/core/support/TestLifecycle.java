package com.platform.accounts.core.support;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.core.AccountLifecycle;
import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.memory.EphemeralServiceKeys;
import com.platform.accounts.core.memory.InMemoryEventLog;
import com.platform.accounts.core.memory.InMemoryOutbox;
import com.platform.accounts.core.memory.InMemorySessionTokens;
import com.platform.accounts.core.memory.InMemoryTable;
import com.platform.accounts.core.memory.SandboxCardProcessor;
import com.platform.accounts.core.memory.SandboxPayPal;
import com.platform.accounts.core.messaging.OutboundMessage;
import com.platform.accounts.core.paypal.FrontendOrigins;
import com.platform.accounts.core.port.WorkflowUnavailableException;
import com.platform.accounts.core.port.Workflows;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.verification.CodeSent;
import com.platform.accounts.core.verification.PhoneBudgets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** The core wired on in-memory ports and a manual clock, with what was sent kept for assertions. */
public final class TestLifecycle {
  public final ManualClock clock = new ManualClock(Instant.parse("2026-11-26T09:00:00Z"));
  public final InMemoryTable table = new InMemoryTable(clock);
  public final InMemoryOutbox outbox = new InMemoryOutbox(clock);
  public final InMemoryEventLog events = new InMemoryEventLog();
  public final RecordingWorkflows workflows = new RecordingWorkflows();
  public final SandboxCardProcessor cards = new SandboxCardProcessor(clock);
  public final InMemorySessionTokens sessionTokens = new InMemorySessionTokens(clock);
  public final SandboxPayPal paypal = new SandboxPayPal();

  /** The frontend origin PayPal returns may go back to. */
  public static final String FRONTEND = "https://console.example.com";

  private final AtomicInteger phones = new AtomicInteger();
  public final AccountLifecycle lifecycle;

  public TestLifecycle() {
    this(PhoneBudgets.Limits.defaults());
  }

  /** With these SMS and voice budgets. */
  public TestLifecycle(PhoneBudgets.Limits phoneBudgets) {
    lifecycle =
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
                    sessionTokens)
                .withPayPal(
                    paypal, paypal, table.processedEvents(), new FrontendOrigins(List.of(FRONTEND)))
                .withDeletion(table.ledger(), table.deletions()),
            phoneBudgets,
            table.dueIndex());
  }

  /**
   * A mobile number of the country that no other account of this lifecycle got (each number has its
   * own send limit).
   */
  public String newPhone(String country) {
    return mobileNumber(country, phones.getAndIncrement());
  }

  /**
   * The {@code n}th test mobile number of a country in E.164: libphonenumber's example number with
   * its last four digits replaced by {@code n}, or the example itself where that is not valid.
   */
  public static String mobileNumber(String country, int n) {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    String example =
        util.format(
            util.getExampleNumberForType(country, PhoneNumberUtil.PhoneNumberType.MOBILE),
            PhoneNumberUtil.PhoneNumberFormat.E164);
    String phone =
        example.substring(0, example.length() - 4)
            + String.format(Locale.ROOT, "%04d", 100 + Math.floorMod(n, 9900));
    try {
      return util.isValidNumberForRegion(util.parse(phone, null), country) ? phone : example;
    } catch (NumberParseException e) {
      throw new IllegalStateException("no test phone number for " + country, e);
    }
  }

  /**
   * Proves a fresh phone number of the account's country through the second verification by SMS, as
   * its owner would (the code read from the outbox), which configuring the account (adding a card)
   * needs. Answers the account as stored afterwards.
   */
  public Account provePhone(String accountId) {
    Account account = table.accounts().find(accountId).orElseThrow();
    String phone = newPhone(account.country());
    CodeSent sent = lifecycle.verifications().start(account, "SMS", phone, new Validation());
    lifecycle.verifications().verify(account, sent.challengeId(), lastCode(phone));
    return table.accounts().find(accountId).orElseThrow();
  }

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

  /**
   * Workflows that only remember the executions they started; {@link #refuseNextStarts} makes
   * starts fail as a throttled StartExecution does.
   */
  public static final class RecordingWorkflows implements Workflows {
    public final List<String> started = new ArrayList<>();
    public final List<String> cardVerifications = new ArrayList<>();
    public final List<String> payPalLinkings = new ArrayList<>();
    public final List<String> accountDeletions = new ArrayList<>();
    private int refusals;

    /** The next {@code count} starts are refused with {@link WorkflowUnavailableException}. */
    public synchronized void refuseNextStarts(int count) {
      refusals = count;
    }

    private void refuseIfAsked() {
      if (refusals > 0) {
        refusals--;
        throw new WorkflowUnavailableException("ThrottlingException (test)", null);
      }
    }

    @Override
    public synchronized void startContactVerification(String challengeId) {
      refuseIfAsked();
      started.add(challengeId);
    }

    @Override
    public synchronized void startCardVerification(String accountId, String paymentMethodId) {
      refuseIfAsked();
      cardVerifications.add(paymentMethodId);
    }

    @Override
    public synchronized void startPayPalLinking(String accountId, String paymentMethodId) {
      refuseIfAsked();
      payPalLinkings.add(paymentMethodId);
    }

    @Override
    public synchronized void startAccountDeletion(String accountId, String deletionId) {
      refuseIfAsked();
      accountDeletions.add(deletionId);
    }
  }
}
