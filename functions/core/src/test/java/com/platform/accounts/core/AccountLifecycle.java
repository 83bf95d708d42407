package com.platform.accounts.core;

import com.platform.accounts.core.account.EmailRelease;
import com.platform.accounts.core.account.SecondVerificationService;
import com.platform.accounts.core.card.AccountPaymentMethods;
import com.platform.accounts.core.card.CardEligibility;
import com.platform.accounts.core.card.ChargePlacement;
import com.platform.accounts.core.card.ChargeRelease;
import com.platform.accounts.core.card.OwnerAnswers;
import com.platform.accounts.core.crypto.Hmac;
import com.platform.accounts.core.crypto.PasswordHasher;
import com.platform.accounts.core.deletion.AccountDeletion;
import com.platform.accounts.core.deletion.FinalChargesTrigger;
import com.platform.accounts.core.deletion.FinishDeletions;
import com.platform.accounts.core.due.DueKind;
import com.platform.accounts.core.due.DueSweep;
import com.platform.accounts.core.due.DueWork;
import com.platform.accounts.core.due.Lanes;
import com.platform.accounts.core.idempotency.Idempotency;
import com.platform.accounts.core.ledger.LedgerListener;
import com.platform.accounts.core.ledger.ResourceLedger;
import com.platform.accounts.core.memory.InMemoryTelemetry;
import com.platform.accounts.core.paypal.FrontendOrigins;
import com.platform.accounts.core.paypal.PayPalLinking;
import com.platform.accounts.core.paypal.PayPalWebhooks;
import com.platform.accounts.core.port.AccountOverviewStore;
import com.platform.accounts.core.port.AccountStore;
import com.platform.accounts.core.port.CardProcessor;
import com.platform.accounts.core.port.ChallengeStore;
import com.platform.accounts.core.port.DeletionStore;
import com.platform.accounts.core.port.DomainEventPublisher;
import com.platform.accounts.core.port.DueIndex;
import com.platform.accounts.core.port.IdempotencyStore;
import com.platform.accounts.core.port.LedgerStore;
import com.platform.accounts.core.port.MessageSender;
import com.platform.accounts.core.port.PayPalGateway;
import com.platform.accounts.core.port.PayPalWebhookVerifier;
import com.platform.accounts.core.port.PaymentMethodStore;
import com.platform.accounts.core.port.ProcessedEvents;
import com.platform.accounts.core.port.RateLimitStore;
import com.platform.accounts.core.port.ServiceKeys;
import com.platform.accounts.core.port.SessionTokenIssuer;
import com.platform.accounts.core.port.SessionTokenVerifier;
import com.platform.accounts.core.port.Workflows;
import com.platform.accounts.core.ratelimit.RateLimiter;
import com.platform.accounts.core.session.Authenticator;
import com.platform.accounts.core.session.SessionService;
import com.platform.accounts.core.signup.SignupService;
import com.platform.accounts.core.verification.CodeChallenges;
import com.platform.accounts.core.verification.PhoneBudgets;
import com.platform.accounts.core.verification.VerificationProcess;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every service of the core wired from one set of ports: for tests and the local runtime, which
 * serve every route in one process. A deployed function never builds this: each wires only what its
 * own routes use (handlers' {@code wiring} package).
 */
public final class AccountLifecycle {

  /** Everything outside the core. */
  public record Ports(
      AccountStore accounts,
      ChallengeStore challenges,
      RateLimitStore rateLimits,
      IdempotencyStore idempotency,
      MessageSender messages,
      DomainEventPublisher events,
      Workflows workflows,
      ServiceKeys keys,
      Clock clock,
      String termsVersion,
      PaymentMethodStore paymentMethods,
      CardProcessor cards,
      String merchantName,
      AccountOverviewStore accountOverviews,
      SessionTokenIssuer sessionIssuer,
      SessionTokenVerifier sessionVerifier,
      PayPalGateway paypal,
      PayPalWebhookVerifier paypalWebhooks,
      ProcessedEvents processedEvents,
      FrontendOrigins frontend,
      LedgerStore ledger,
      DeletionStore deletions) {

    /** Without deletion: its service is not built. */
    public Ports(
        AccountStore accounts,
        ChallengeStore challenges,
        RateLimitStore rateLimits,
        IdempotencyStore idempotency,
        MessageSender messages,
        DomainEventPublisher events,
        Workflows workflows,
        ServiceKeys keys,
        Clock clock,
        String termsVersion,
        PaymentMethodStore paymentMethods,
        CardProcessor cards,
        String merchantName,
        AccountOverviewStore accountOverviews,
        SessionTokenIssuer sessionIssuer,
        SessionTokenVerifier sessionVerifier,
        PayPalGateway paypal,
        PayPalWebhookVerifier paypalWebhooks,
        ProcessedEvents processedEvents,
        FrontendOrigins frontend) {
      this(
          accounts,
          challenges,
          rateLimits,
          idempotency,
          messages,
          events,
          workflows,
          keys,
          clock,
          termsVersion,
          paymentMethods,
          cards,
          merchantName,
          accountOverviews,
          sessionIssuer,
          sessionVerifier,
          paypal,
          paypalWebhooks,
          processedEvents,
          frontend,
          null,
          null);
    }

    /** Without PayPal: its services are not built. */
    public Ports(
        AccountStore accounts,
        ChallengeStore challenges,
        RateLimitStore rateLimits,
        IdempotencyStore idempotency,
        MessageSender messages,
        DomainEventPublisher events,
        Workflows workflows,
        ServiceKeys keys,
        Clock clock,
        String termsVersion,
        PaymentMethodStore paymentMethods,
        CardProcessor cards,
        String merchantName,
        AccountOverviewStore accountOverviews,
        SessionTokenIssuer sessionIssuer,
        SessionTokenVerifier sessionVerifier) {
      this(
          accounts,
          challenges,
          rateLimits,
          idempotency,
          messages,
          events,
          workflows,
          keys,
          clock,
          termsVersion,
          paymentMethods,
          cards,
          merchantName,
          accountOverviews,
          sessionIssuer,
          sessionVerifier,
          null,
          null,
          null,
          null);
    }

    /** The same ports with PayPal's. */
    public Ports withPayPal(
        PayPalGateway gateway,
        PayPalWebhookVerifier verifier,
        ProcessedEvents processed,
        FrontendOrigins origins) {
      return new Ports(
          accounts,
          challenges,
          rateLimits,
          idempotency,
          messages,
          events,
          workflows,
          keys,
          clock,
          termsVersion,
          paymentMethods,
          cards,
          merchantName,
          accountOverviews,
          sessionIssuer,
          sessionVerifier,
          gateway,
          verifier,
          processed,
          origins,
          ledger,
          deletions);
    }

    /** The same ports with the resource ledger and the deletions. */
    public Ports withDeletion(LedgerStore ledgerStore, DeletionStore deletionStore) {
      return new Ports(
          accounts,
          challenges,
          rateLimits,
          idempotency,
          messages,
          events,
          workflows,
          keys,
          clock,
          termsVersion,
          paymentMethods,
          cards,
          merchantName,
          accountOverviews,
          sessionIssuer,
          sessionVerifier,
          paypal,
          paypalWebhooks,
          processedEvents,
          frontend,
          ledgerStore,
          deletionStore);
    }
  }

  private final Ports ports;
  private final SignupService signups;
  private final SessionService sessions;
  private final SecondVerificationService verifications;
  private final VerificationProcess verificationProcess;
  private final Idempotency idempotency;
  private final InMemoryTelemetry telemetry = new InMemoryTelemetry();
  private final ChargeRelease chargeRelease;
  private final ChargePlacement chargePlacement;
  private final OwnerAnswers ownerAnswers;
  private final AccountPaymentMethods accountPaymentMethods;
  private final Authenticator authenticator;
  private final AccountOverviewStore accountOverviews;
  private final DueSweep dueSweep;
  private final PayPalLinking payPalLinking;
  private final PayPalWebhooks payPalWebhooks;
  private final AccountDeletion accountDeletion;
  private final FinishDeletions finishDeletions;
  private final ResourceLedger resourceLedger;

  /** Without a due-index: no sweep (tests of the other parts). */
  public AccountLifecycle(Ports ports) {
    this(ports, PhoneBudgets.Limits.defaults(), null);
  }

  /** With these SMS and voice budgets instead of the defaults. */
  public AccountLifecycle(Ports ports, PhoneBudgets.Limits phoneBudgets) {
    this(ports, phoneBudgets, null);
  }

  /** With the due-index that the payment method store writes, swept by {@link #dueSweep()}. */
  public AccountLifecycle(Ports ports, DueIndex dueIndex) {
    this(ports, PhoneBudgets.Limits.defaults(), dueIndex);
  }

  /** With these SMS and voice budgets and the due-index swept by {@link #dueSweep()}. */
  public AccountLifecycle(Ports ports, PhoneBudgets.Limits phoneBudgets, DueIndex dueIndex) {
    this.ports = ports;
    Clock clock = ports.clock();
    Hmac hmac = new Hmac(ports.keys().hmacKey());
    RateLimiter rateLimiter = new RateLimiter(ports.rateLimits(), clock);
    PasswordHasher passwords = new PasswordHasher();
    SessionTokenIssuer tokens = ports.sessionIssuer();
    CodeChallenges codes =
        new CodeChallenges(
            ports.challenges(),
            ports.messages(),
            rateLimiter,
            new PhoneBudgets(rateLimiter, hmac, telemetry, clock, phoneBudgets),
            hmac,
            clock);
    this.verificationProcess =
        new VerificationProcess(
            ports.challenges(),
            ports.accounts(),
            ports.workflows(),
            ports.events(),
            ports.messages(),
            clock,
            new EmailRelease(
                ports.accounts(),
                ports.accountOverviews(),
                ports.messages(),
                ports.events(),
                clock));
    this.signups =
        new SignupService(
            ports.accounts(),
            ports.challenges(),
            codes,
            passwords,
            tokens,
            verificationProcess,
            clock,
            ports.termsVersion());
    this.sessions = new SessionService(ports.accounts(), passwords, tokens, rateLimiter, hmac);
    this.verifications =
        new SecondVerificationService(
            ports.accounts(), ports.challenges(), codes, verificationProcess);
    this.idempotency = new Idempotency(ports.idempotency(), clock);
    this.authenticator = new Authenticator(ports.sessionVerifier(), ports.accounts());
    this.accountOverviews = ports.accountOverviews();
    this.chargeRelease =
        new ChargeRelease(
            ports.paymentMethods(),
            ports.accounts(),
            ports.cards(),
            ports.messages(),
            telemetry,
            clock,
            ports.merchantName());
    this.chargePlacement =
        new ChargePlacement(
            ports.paymentMethods(),
            new CardEligibility(ports.paymentMethods(), ports.cards(), hmac, clock),
            ports.cards(),
            hmac,
            chargeRelease,
            ports.workflows(),
            telemetry,
            clock,
            ports.merchantName());
    this.ownerAnswers =
        new OwnerAnswers(
            ports.paymentMethods(),
            ports.accounts(),
            hmac,
            ports.messages(),
            ports.events(),
            chargeRelease,
            clock,
            ports.merchantName());
    this.accountPaymentMethods =
        new AccountPaymentMethods(ports.paymentMethods(), chargeRelease, ports::paypal);
    this.payPalLinking =
        ports.paypal() == null
            ? null
            : new PayPalLinking(
                ports.paymentMethods(),
                ports.accounts(),
                ports.paypal(),
                hmac,
                ports.workflows(),
                ports.messages(),
                ports.events(),
                telemetry,
                clock,
                ports.frontend());
    this.payPalWebhooks =
        ports.paypalWebhooks() == null
            ? null
            : new PayPalWebhooks(
                ports.paypalWebhooks(),
                ports.processedEvents(),
                ports.paymentMethods(),
                hmac,
                ports.events(),
                telemetry,
                clock);
    this.accountDeletion =
        ports.deletions() == null
            ? null
            : new AccountDeletion(
                ports.accounts(),
                ports.deletions(),
                ports.ledger(),
                ports.paymentMethods(),
                ports::cards,
                ports::paypal,
                () -> chargeRelease,
                passwords,
                rateLimiter,
                ports.workflows(),
                ports.messages(),
                ports.events(),
                telemetry,
                clock);
    this.finishDeletions =
        dueIndex == null || accountDeletion == null
            ? null
            : new FinishDeletions(
                new DueSweep(
                    dueIndex,
                    Map.of(DueKind.ACCOUNT_DELETION, accountDeletion::finishDue),
                    telemetry,
                    clock,
                    () -> Lanes.threads(DueSweep.LANES)));
    this.resourceLedger =
        ports.ledger() == null
            ? null
            : new ResourceLedger(
                ports.accounts(),
                ports.ledger(),
                ports.deletions() == null
                    ? LedgerListener.NONE
                    : new FinalChargesTrigger(ports.deletions(), ports.workflows(), telemetry));
    Map<DueKind, DueWork> dueWork = new EnumMap<>(DueKind.class);
    dueWork.put(DueKind.CARD_VERIFICATION, chargeRelease::finishDue);
    if (payPalLinking != null) {
      dueWork.put(DueKind.PAYPAL_LINK, payPalLinking::finishDue);
    }
    this.dueSweep =
        dueIndex == null
            ? null
            : new DueSweep(
                dueIndex, dueWork, telemetry, clock, () -> Lanes.threads(DueSweep.LANES));
  }

  /** The worker of the expire-holds job, as production wires it. */
  public DueSweep dueSweep() {
    if (dueSweep == null) {
      throw new IllegalStateException("this lifecycle was wired without a due-index");
    }
    return dueSweep;
  }

  /** The worker of the finish-deletions job, as production wires it. */
  public FinishDeletions finishDeletions() {
    if (finishDeletions == null) {
      throw new IllegalStateException("this lifecycle was wired without a due-index or deletions");
    }
    return finishDeletions;
  }

  /** The resource ledger; only when the ports have it. */
  public ResourceLedger resourceLedger() {
    if (resourceLedger == null) {
      throw new IllegalStateException("this lifecycle was wired without the ledger");
    }
    return resourceLedger;
  }

  /** Account deletion; only when the ports have the ledger and the deletions. */
  public AccountDeletion accountDeletion() {
    if (accountDeletion == null) {
      throw new IllegalStateException("this lifecycle was wired without deletions");
    }
    return accountDeletion;
  }

  /** PayPal linking; only when the ports have PayPal's. */
  public PayPalLinking payPalLinking() {
    if (payPalLinking == null) {
      throw new IllegalStateException("this lifecycle was wired without PayPal");
    }
    return payPalLinking;
  }

  public PayPalWebhooks payPalWebhooks() {
    if (payPalWebhooks == null) {
      throw new IllegalStateException("this lifecycle was wired without PayPal");
    }
    return payPalWebhooks;
  }

  public Authenticator authenticator() {
    return authenticator;
  }

  public AccountOverviewStore accountOverviews() {
    return accountOverviews;
  }

  public ChargePlacement chargePlacement() {
    return chargePlacement;
  }

  public OwnerAnswers ownerAnswers() {
    return ownerAnswers;
  }

  public ChargeRelease chargeRelease() {
    return chargeRelease;
  }

  public AccountPaymentMethods accountPaymentMethods() {
    return accountPaymentMethods;
  }

  /** What the core counted: the failures it tolerated. */
  public InMemoryTelemetry telemetry() {
    return telemetry;
  }

  public Ports ports() {
    return ports;
  }

  public SignupService signups() {
    return signups;
  }

  public SessionService sessions() {
    return sessions;
  }

  public SecondVerificationService verifications() {
    return verifications;
  }

  public VerificationProcess verificationProcess() {
    return verificationProcess;
  }

  public Idempotency idempotency() {
    return idempotency;
  }
}
