package com.platform.accounts.core.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.crypto.Hmac;
import com.platform.accounts.core.due.DueKind;
import com.platform.accounts.core.due.DueSweep;
import com.platform.accounts.core.due.Lanes;
import com.platform.accounts.core.memory.SandboxCardProcessor;
import com.platform.accounts.core.memory.SandboxCardProcessor.Transaction;
import com.platform.accounts.core.money.Money;
import com.platform.accounts.core.port.CardProcessor;
import com.platform.accounts.core.port.PaymentMethodStore;
import com.platform.accounts.core.port.Workflows;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.CodeSent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the tests of each part of card verification stand on: the core on in-memory ports and the
 * sandbox processor, accounts ready to add a card, and reading the code off a card's statement.
 */
abstract class CardTestSupport {
  static final String PASSWORD = "correct horse battery staple";
  static final Pattern DESCRIPTOR = Pattern.compile("INTL([0-9]{6})\\*ACMECLOUD");
  private static final AtomicInteger EMAILS = new AtomicInteger();

  final TestLifecycle t = new TestLifecycle();
  final SandboxCardProcessor processor = t.cards;
  final ChargePlacement placement = t.lifecycle.chargePlacement();
  final OwnerAnswers answers = t.lifecycle.ownerAnswers();
  final ChargeRelease release = t.lifecycle.chargeRelease();
  final AccountPaymentMethods methods = t.lifecycle.accountPaymentMethods();

  /** One run of the expire-holds job: every shard swept, the results added up. */
  DueSweep.Result sweep() {
    return sweepEveryShard(t.lifecycle.dueSweep());
  }

  /** One run of the expire-holds job with another release (say, one whose email is down). */
  DueSweep.Result sweepWith(ChargeRelease other) {
    return sweepEveryShard(
        new DueSweep(
            t.table.dueIndex(),
            Map.of(DueKind.CARD_VERIFICATION, other::finishDue),
            t.lifecycle.telemetry(),
            t.clock,
            () -> Lanes.threads(DueSweep.LANES)));
  }

  private static DueSweep.Result sweepEveryShard(DueSweep sweep) {
    int finished = 0;
    int failed = 0;
    int deadLettered = 0;
    int left = 0;
    for (int shard : sweep.shards().all()) {
      DueSweep.Result r = sweep.sweep(shard, () -> true);
      finished += r.finished();
      failed += r.failed();
      deadLettered += r.deadLettered();
      left += r.left();
    }
    return new DueSweep.Result(finished, failed, deadLettered, left);
  }

  /** A signed-up account of this country, with both contacts proven. */
  Account account(String country) {
    return t.provePhone(emailOnlyAccount(country).accountId());
  }

  /** A signed-up account of this country whose email is proven, its phone not yet. */
  Account emailOnlyAccount(String country) {
    String email = "card" + EMAILS.incrementAndGet() + "@example.com";
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand(country, email, PASSWORD, PASSWORD, true, null, null),
                new Validation());
    String id = t.lifecycle.signups().verify(sent.challengeId(), t.lastCode(email)).accountId();
    return t.table.accounts().find(id).orElseThrow();
  }

  String token(String number) {
    return processor.tokenize(number, 12, 2030, "123", "Ana Silva");
  }

  PaymentMethod stored(PaymentMethod pm) {
    return t.table.paymentMethods().find(pm.accountId(), pm.paymentMethodId()).orElseThrow();
  }

  static Problem problemOf(Runnable action) {
    try {
      action.run();
    } catch (Problem p) {
      return p;
    }
    throw new AssertionError("expected a problem");
  }

  Transaction microcharge(String last4) {
    return processor.statement(last4).stream()
        .filter(
            tx -> tx.status().equals("CAPTURED") || tx.description().matches(DESCRIPTOR.pattern()))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  String descriptorCode(String last4) {
    Matcher m = DESCRIPTOR.matcher(microcharge(last4).description());
    assertThat(m.matches()).isTrue();
    return m.group(1);
  }

  static String wrongCode(String right) {
    return right.equals("000000") ? "111111" : "000000";
  }

  /** Charges are placed as the core places them, but through this processor and workflows. */
  ChargePlacement placementWith(CardProcessor cards, Workflows workflows) {
    Hmac hmac = new Hmac(t.lifecycle.ports().keys().hmacKey());
    ChargeRelease releaseThere =
        new ChargeRelease(
            t.table.paymentMethods(),
            t.table.accounts(),
            cards,
            t.outbox,
            t.lifecycle.telemetry(),
            t.clock,
            "ACMECLOUD");
    return new ChargePlacement(
        t.table.paymentMethods(),
        new CardEligibility(t.table.paymentMethods(), cards, hmac, t.clock),
        cards,
        hmac,
        releaseThere,
        workflows,
        t.lifecycle.telemetry(),
        t.clock,
        "ACMECLOUD");
  }

  /** A processor that does what the sandbox does, but for what a test overrides. */
  static class DelegatingProcessor implements CardProcessor {
    private final CardProcessor inner;

    DelegatingProcessor(CardProcessor inner) {
      this.inner = inner;
    }

    @Override
    public CardDetails describe(String cardToken) {
      return inner.describe(cardToken);
    }

    @Override
    public String authorizeHold(String cardToken, Money amount, String descriptor, String key) {
      return inner.authorizeHold(cardToken, amount, descriptor, key);
    }

    @Override
    public String charge(String cardToken, Money amount, String descriptor, String key) {
      return inner.charge(cardToken, amount, descriptor, key);
    }

    @Override
    public Money minimumCharge() {
      return inner.minimumCharge();
    }

    @Override
    public Optional<String> findCharge(String key) {
      return inner.findCharge(key);
    }

    @Override
    public void voidHold(String holdId, String key) {
      inner.voidHold(holdId, key);
    }

    @Override
    public void refund(String chargeId, String key) {
      inner.refund(chargeId, key);
    }

    @Override
    public String chargeMerchantInitiated(String cardToken, Money amount, String key) {
      return inner.chargeMerchantInitiated(cardToken, amount, key);
    }

    @Override
    public void detach(String cardToken) {
      inner.detach(cardToken);
    }
  }

  /** A store that does what the in-memory one does, but for what a test overrides. */
  static class DelegatingStore implements PaymentMethodStore {
    private final PaymentMethodStore inner;

    DelegatingStore(PaymentMethodStore inner) {
      this.inner = inner;
    }

    @Override
    public void create(PaymentMethod paymentMethod) {
      inner.create(paymentMethod);
    }

    @Override
    public Optional<PaymentMethod> find(String accountId, String paymentMethodId) {
      return inner.find(accountId, paymentMethodId);
    }

    @Override
    public List<PaymentMethod> list(String accountId) {
      return inner.list(accountId);
    }

    @Override
    public void update(PaymentMethod paymentMethod) {
      inner.update(paymentMethod);
    }

    @Override
    public Optional<String> fingerprintOwner(String fingerprintHash) {
      return inner.fingerprintOwner(fingerprintHash);
    }

    @Override
    public boolean cardTokenUsed(String tokenHash) {
      return inner.cardTokenUsed(tokenHash);
    }

    @Override
    public void putReference(
        String reference, String accountId, String paymentMethodId, Instant expiresAt) {
      inner.putReference(reference, accountId, paymentMethodId, expiresAt);
    }

    @Override
    public Optional<PaymentMethodRef> findReference(String reference, Instant now) {
      return inner.findReference(reference, now);
    }
  }
}
