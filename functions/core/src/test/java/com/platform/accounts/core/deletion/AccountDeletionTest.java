package com.platform.accounts.core.deletion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.AccountStatus;
import com.platform.accounts.core.card.OwnershipProof;
import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.card.PaymentMethodStatus;
import com.platform.accounts.core.card.ProcessorUnavailableException;
import com.platform.accounts.core.due.DueItem;
import com.platform.accounts.core.due.DueKind;
import com.platform.accounts.core.due.DueSweep;
import com.platform.accounts.core.event.DomainEvent;
import com.platform.accounts.core.ledger.Billing;
import com.platform.accounts.core.ledger.LedgerEvent;
import com.platform.accounts.core.ledger.LedgerEventType;
import com.platform.accounts.core.memory.InMemoryOutbox;
import com.platform.accounts.core.memory.SandboxCardProcessor;
import com.platform.accounts.core.memory.SandboxCardProcessor.Transaction;
import com.platform.accounts.core.money.Money;
import com.platform.accounts.core.paypal.LinkStarted;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.session.SessionToken;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.CodeSent;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AccountDeletionTest {
  private static final String PASSWORD = "correct horse battery staple";
  private static final Pattern DESCRIPTOR = Pattern.compile("INTL([0-9]{6})\\*ACMECLOUD");
  private static final AtomicInteger EMAILS = new AtomicInteger();
  private static final AtomicInteger EVENTS = new AtomicInteger();

  private final TestLifecycle t = new TestLifecycle();
  private final AccountDeletion deletion = t.lifecycle.accountDeletion();
  private final SandboxCardProcessor processor = t.cards;

  // accounts, cards and the ledger --------------------------------------------------------------

  private String newEmail() {
    return "leaving" + EMAILS.incrementAndGet() + "@example.com";
  }

  private Account signUp(String email) {
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand("US", email, PASSWORD, PASSWORD, true, null, null),
                new Validation());
    String id = t.lifecycle.signups().verify(sent.challengeId(), t.lastCode(email)).accountId();
    return t.provePhone(id);
  }

  private Account account() {
    return signUp(newEmail());
  }

  private Account current(Account account) {
    return t.table.accounts().find(account.accountId()).orElseThrow();
  }

  private String token(String number) {
    return processor.tokenize(number, 12, 2030, "123", "Ana Silva");
  }

  /** A card added and left pending verification, its charges standing. */
  private PaymentMethod pendingCard(Account account, String number) {
    return t.lifecycle.chargePlacement().add(current(account), token(number));
  }

  /** A card added and verified with the code on its statement. */
  private PaymentMethod verifiedCard(Account account, String number) {
    PaymentMethod pm = pendingCard(account, number);
    String last4 = number.substring(number.length() - 4);
    String code =
        processor.statement(last4).stream()
            .map(tx -> DESCRIPTOR.matcher(tx.description()))
            .filter(Matcher::matches)
            .map(m -> m.group(1))
            .reduce((a, b) -> b)
            .orElseThrow();
    return t.lifecycle
        .ownerAnswers()
        .verify(current(account), pm.paymentMethodId(), new OwnershipProof.DescriptorCode(code));
  }

  private void ledger(
      Account account,
      LedgerEventType type,
      String resourceId,
      Billing billing,
      Boolean autoRenew,
      Instant endsAt,
      Money amount) {
    t.table
        .ledger()
        .record(
            new LedgerEvent(
                "ev-" + EVENTS.incrementAndGet(),
                account.accountId(),
                type,
                resourceId,
                billing,
                autoRenew,
                endsAt,
                amount,
                t.clock.instant()));
  }

  /** A post-paid resource used this month and released now. */
  private void usedPostpaid(Account account, String resourceId) {
    ledger(
        account,
        LedgerEventType.RESOURCE_PROVISIONED,
        resourceId,
        Billing.POSTPAID,
        null,
        null,
        null);
    ledger(
        account, LedgerEventType.RESOURCE_RELEASED, resourceId, Billing.POSTPAID, null, null, null);
  }

  private void chargeIssued(Account account, String chargeId, String amount) {
    ledger(account, LedgerEventType.CHARGE_ISSUED, chargeId, null, null, null, Money.usd(amount));
  }

  private Deletion request(Account account) {
    return deletion.request(current(account), true, PASSWORD);
  }

  private Deletion stored(Account account) {
    return t.table.deletions().find(account.accountId()).orElseThrow();
  }

  private static Problem problemOf(Runnable action) {
    try {
      action.run();
    } catch (Problem p) {
      return p;
    }
    throw new AssertionError("expected a problem");
  }

  private DueItem dueItem(Deletion d) {
    return new DueItem(
        DueKind.ACCOUNT_DELETION, d.accountId(), d.deletionId(), 0, d.dueAt().orElseThrow(), 0);
  }

  private DueSweep.Result finishDeletions() {
    DueSweep sweep = t.lifecycle.finishDeletions().sweep();
    int finished = 0;
    int failed = 0;
    for (int shard : sweep.shards().all()) {
      DueSweep.Result r = sweep.sweep(shard, () -> true);
      finished += r.finished();
      failed += r.failed();
    }
    return new DueSweep.Result(finished, failed, 0, 0);
  }

  private List<InMemoryOutbox.Sent> emails(String to, String subjectPart) {
    return t.outbox.to(to).stream()
        .filter(s -> s.message().subject() != null && s.message().subject().contains(subjectPart))
        .toList();
  }

  private List<Transaction> merchantInitiated(String last4) {
    return processor.statement(last4).stream()
        .filter(tx -> tx.status().equals("CAPTURED"))
        .filter(tx -> !DESCRIPTOR.matcher(tx.description()).matches())
        .toList();
  }

  // the request -----------------------------------------------------------------------------------

  @Test
  void withoutTheDisclaimerNothingHappens() {
    Account account = account();

    Problem p = problemOf(() -> deletion.request(current(account), false, PASSWORD));

    assertThat(p.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(p.errors()).extracting(e -> e.field()).containsExactly("disclaimerAccepted");
    assertThat(t.table.deletions().find(account.accountId())).isEmpty();
    assertThat(current(account).status()).isEqualTo(AccountStatus.ACTIVE);
  }

  @Test
  void aWrongPasswordIsRefusedAndTriesAreLimitedPerAccount() {
    Account account = account();

    for (int i = 0; i < AccountDeletion.REAUTHENTICATIONS; i++) {
      Problem p = problemOf(() -> deletion.request(current(account), true, "not the password"));
      assertThat(p.code()).isEqualTo(ErrorCode.REAUTHENTICATION_FAILED);
    }
    Problem limited = problemOf(() -> deletion.request(current(account), true, PASSWORD));

    assertThat(limited.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(limited.retryAfterSeconds()).isPositive();
    assertThat(t.table.deletions().find(account.accountId())).isEmpty();
    t.clock.advanceBy(AccountDeletion.REAUTHENTICATION_WINDOW);
    assertThat(request(account).status()).isEqualTo(DeletionStatus.DELETED);
  }

  @Test
  void aRunningPrepaidSubscriptionBlocksUntilItEndsWithoutRenewing() {
    Account account = account();
    Instant endsAt = t.clock.instant().plus(Duration.ofDays(3));
    ledger(
        account,
        LedgerEventType.RESOURCE_PROVISIONED,
        "ecs-123",
        Billing.PREPAID,
        true,
        endsAt,
        null);

    Problem blocked = problemOf(() -> request(account));

    assertThat(blocked.code()).isEqualTo(ErrorCode.DELETION_BLOCKED);
    assertThat(blocked.extensions().get("blockers"))
        .isEqualTo(
            List.of(
                Map.of(
                    "code", "PREPAID_SUBSCRIPTION_ACTIVE",
                    "resourceId", "ecs-123",
                    "autoRenew", true,
                    "endsAt", endsAt.toString(),
                    "action", "Turn off auto-renew, then wait until the subscription ends.")));
    t.clock.advanceBy(Duration.ofMinutes(1));
    ledger(
        account,
        LedgerEventType.SUBSCRIPTION_UPDATED,
        "ecs-123",
        Billing.PREPAID,
        false,
        endsAt,
        null);
    t.clock.advanceBy(Duration.ofDays(2));
    assertThat(deletion.check(account.accountId()).deletable()).isFalse();
    t.clock.advanceTo(endsAt);

    assertThat(deletion.check(account.accountId()).deletable()).isTrue();
    assertThat(request(account).status()).isEqualTo(DeletionStatus.DELETED);
  }

  @Test
  void anActivePostpaidResourceAndUnpaidChargesBlock() {
    Account account = account();
    ledger(
        account, LedgerEventType.RESOURCE_PROVISIONED, "oss-9", Billing.POSTPAID, null, null, null);
    chargeIssued(account, "ch-1", "12.40");

    DeletionCheck check = deletion.check(account.accountId());

    assertThat(check.deletable()).isFalse();
    assertThat(check.view())
        .extracting(b -> b.get("code"))
        .containsExactly("POSTPAID_RESOURCE_ACTIVE", "OUTSTANDING_BALANCE");
    assertThat(check.view().get(1).get("amount"))
        .isEqualTo(Map.of("amount", "12.40", "currency", "USD"));
    assertThat(problemOf(() -> request(account)).code()).isEqualTo(ErrorCode.DELETION_BLOCKED);
  }

  @Test
  void nothingBillableDeletesAtOnceAndEndsEverySession() {
    String email = newEmail();
    Account account = signUp(email);
    SessionToken session = t.lifecycle.sessions().login(email, PASSWORD);

    Deletion d = request(account);

    assertThat(d.status()).isEqualTo(DeletionStatus.DELETED);
    assertThat(d.deletedAt()).isEqualTo(t.clock.instant());
    assertThat(d.finalChargesBy()).isNull();
    assertThat(t.workflows.accountDeletions).containsExactly(d.deletionId());
    assertThat(current(account).status()).isEqualTo(AccountStatus.DELETED);
    assertThat(problemOf(() -> t.lifecycle.authenticator().authenticate(session.token())).code())
        .isEqualTo(ErrorCode.UNAUTHENTICATED);
    assertThat(problemOf(() -> t.lifecycle.sessions().login(email, PASSWORD)).code())
        .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
  }

  @Test
  void aRequestAgainAnswersTheDeletionThereIs() {
    Account account = account();
    usedPostpaid(account, "oss-1");
    Deletion first = request(account);

    Deletion again = request(account);

    assertThat(again).isEqualTo(first);
    assertThat(again.status()).isEqualTo(DeletionStatus.PENDING_FINAL_CHARGES);
  }

  @Test
  void aThrottledWorkflowStartAnswers503AndChangesNothing() {
    Account account = account();
    t.workflows.refuseNextStarts(1);

    Problem p = problemOf(() -> request(account));

    assertThat(p.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    assertThat(p.retryAfterSeconds()).isPositive();
    assertThat(t.table.deletions().find(account.accountId())).isEmpty();
    assertThat(current(account).status()).isEqualTo(AccountStatus.ACTIVE);
    assertThat(request(account).status()).isEqualTo(DeletionStatus.DELETED);
  }

  @Test
  void twoRequestsAtOnceMakeOneDeletion() throws Exception {
    Account account = account();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Deletion>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return request(account);
                }));
      }
      go.countDown();
      Deletion first = answers.get(0).get();
      Deletion second = answers.get(1).get();

      assertThat(first.deletionId()).isEqualTo(second.deletionId());
      assertThat(stored(account).deletionId()).isEqualTo(first.deletionId());
      assertThat(current(account).sessionVersion()).isEqualTo(account.sessionVersion() + 1);
      assertThat(t.events.all().stream().filter(e -> e.type().equals("AccountDeletionRequested")))
          .extracting(DomainEvent::eventId)
          .containsExactly(first.deletionId() + ":AccountDeletionRequested");
    } finally {
      pool.shutdownNow();
    }
  }

  // final charges ---------------------------------------------------------------------------------

  @Test
  void postpaidUseThisMonthWaitsForTheFinalChargesAtMost48Hours() {
    Account account = account();
    verifiedCard(account, "4111111111111111");
    usedPostpaid(account, "oss-9");

    Deletion d = request(account);

    assertThat(d.status()).isEqualTo(DeletionStatus.PENDING_FINAL_CHARGES);
    assertThat(d.finalChargesBy()).isEqualTo(t.clock.instant().plus(Duration.ofHours(48)));
    assertThat(t.events.all())
        .filteredOn(e -> e.type().equals("AccountDeletionRequested"))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).containsEntry("status", "PENDING_FINAL_CHARGES"));
    assertThat(current(account).status()).isEqualTo(AccountStatus.ACTIVE);
    assertThat(t.workflows.accountDeletions).isEmpty();
    t.clock.advanceBy(Duration.ofHours(47));
    assertThat(finishDeletions().finished()).isZero();
    assertThat(stored(account).status()).isEqualTo(DeletionStatus.PENDING_FINAL_CHARGES);

    t.clock.advanceBy(Duration.ofHours(1));
    assertThat(finishDeletions().finished()).isEqualTo(1);

    assertThat(stored(account).status()).isEqualTo(DeletionStatus.DELETED);
    assertThat(stored(account).erased()).isTrue();
    assertThat(current(account).status()).isEqualTo(AccountStatus.DELETED);
  }

  @Test
  void postpaidUseOfAnEarlierMonthDeletesAtOnce() {
    Account account = account();
    usedPostpaid(account, "oss-old");
    t.clock.advanceBy(Duration.ofDays(31));

    assertThat(request(account).status()).isEqualTo(DeletionStatus.DELETED);
  }

  @Test
  void issuedFinalChargesArePaidWithTheVerifiedCardAndTheAccountDeleted() {
    Account account = account();
    verifiedCard(account, "4111111111111129");
    usedPostpaid(account, "oss-9");
    Deletion pending = request(account);
    chargeIssued(account, "ch-final", "7.25");

    deletion.finalChargesIssued(account.accountId());
    assertThat(t.workflows.accountDeletions).containsExactly(pending.deletionId());
    Optional<DeletionStatus> status = deletion.collectFinalCharges(account.accountId());
    deletion.erase(account.accountId());

    assertThat(status).contains(DeletionStatus.DELETED);
    assertThat(merchantInitiated("1129"))
        .extracting(Transaction::amount)
        .containsExactly(Money.usd("7.25"));
    assertThat(t.table.ledger().load(account.accountId()).outstandingCharges()).isEmpty();
    Deletion done = stored(account);
    assertThat(done.totalCharged()).isEqualTo(Money.usd("7.25"));
    assertThat(done.totalPaid()).isEqualTo(Money.usd("7.25"));
  }

  @Test
  void aChargeIssuedThroughTheLedgerStartsThePendingDeletionsCollectionOnce() {
    Account account = account();
    usedPostpaid(account, "oss-9");
    Account other = account();
    Deletion pending = request(account);
    LedgerEvent issued =
        new LedgerEvent(
            "issued-final",
            account.accountId(),
            LedgerEventType.CHARGE_ISSUED,
            "ch-final",
            null,
            null,
            null,
            Money.usd("1.00"),
            t.clock.instant());

    t.lifecycle.resourceLedger().record(issued);
    t.lifecycle.resourceLedger().record(issued);
    t.lifecycle
        .resourceLedger()
        .record(
            new LedgerEvent(
                "issued-other",
                other.accountId(),
                LedgerEventType.CHARGE_ISSUED,
                "ch-other",
                null,
                null,
                null,
                Money.usd("1.00"),
                t.clock.instant()));

    assertThat(t.workflows.accountDeletions).containsExactly(pending.deletionId());
  }

  @Test
  void aDeclinedFinalChargeWaitsForPaymentTellsTheOwnerAndSucceedsOnRetry() {
    String email = newEmail();
    Account account = signUp(email);
    PaymentMethod declining = verifiedCard(account, "4000000000000341");
    usedPostpaid(account, "oss-9");
    request(account);
    chargeIssued(account, "ch-final", "3.10");

    assertThat(deletion.collectFinalCharges(account.accountId()))
        .contains(DeletionStatus.PENDING_PAYMENT);

    Deletion waiting = stored(account);
    assertThat(waiting.paymentAttempts()).isEqualTo(1);
    assertThat(waiting.nextAttemptAt()).isEqualTo(t.clock.instant().plus(Duration.ofHours(1)));
    assertThat(emails(email, "final charges could not be paid")).hasSize(1);
    assertThat(emails(email, "final charges could not be paid").get(0).message().body())
        .contains("3.10 USD")
        .contains("declined");
    assertThat(current(account).status()).isEqualTo(AccountStatus.ACTIVE);

    // the owner replaces the card; the retry at the next attempt pays
    t.lifecycle.accountPaymentMethods().remove(current(account), declining.paymentMethodId());
    verifiedCard(account, "4111111111111137");
    t.clock.advanceBy(Duration.ofHours(1));
    assertThat(finishDeletions().finished()).isEqualTo(1);

    assertThat(stored(account).status()).isEqualTo(DeletionStatus.DELETED);
    assertThat(merchantInitiated("1137"))
        .extracting(Transaction::amount)
        .containsExactly(Money.usd("3.10"));
    assertThat(stored(account).totalPaid()).isEqualTo(Money.usd("3.10"));
  }

  @Test
  void declinesAreRetriedOnTheSchedule() {
    assertThat(AccountDeletion.retryDelay(1)).isEqualTo(Duration.ofHours(1));
    assertThat(AccountDeletion.retryDelay(2)).isEqualTo(Duration.ofHours(6));
    assertThat(AccountDeletion.retryDelay(3)).isEqualTo(Duration.ofHours(24));
    assertThat(AccountDeletion.retryDelay(9)).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void outstandingChargesWithoutAVerifiedCardAskTheOwnerToAddOne() {
    String email = newEmail();
    Account account = signUp(email);
    usedPostpaid(account, "oss-9");
    request(account);
    chargeIssued(account, "ch-final", "1.00");

    assertThat(deletion.collectFinalCharges(account.accountId()))
        .contains(DeletionStatus.PENDING_PAYMENT);

    assertThat(emails(email, "final charges could not be paid").get(0).message().body())
        .contains("Add a card");
  }

  @Test
  void theProcessorDownWhileChargingChargesNothingTwice() {
    Account account = account();
    verifiedCard(account, "4111111111111145");
    usedPostpaid(account, "oss-9");
    request(account);
    chargeIssued(account, "ch-final", "4.00");
    processor.failNext("chargeMerchantInitiated", SandboxCardProcessor.Fault.LOST_RESPONSE_AFTER);

    assertThatThrownBy(() -> deletion.collectFinalCharges(account.accountId()))
        .isInstanceOf(ProcessorUnavailableException.class);
    assertThat(stored(account).status()).isEqualTo(DeletionStatus.PENDING_FINAL_CHARGES);
    assertThat(t.table.ledger().load(account.accountId()).outstandingCharges()).hasSize(1);

    assertThat(deletion.collectFinalCharges(account.accountId())).contains(DeletionStatus.DELETED);
    assertThat(merchantInitiated("1145")).hasSize(1);
    assertThat(processor.calls("chargeMerchantInitiated")).isEqualTo(1);
  }

  @Test
  void theJobTwiceAtOnceCompletesOnceAndChargesOnce() throws Exception {
    String email = newEmail();
    Account account = signUp(email);
    verifiedCard(account, "4111111111111152");
    usedPostpaid(account, "oss-9");
    request(account);
    chargeIssued(account, "ch-final", "9.99");
    t.clock.advanceBy(Duration.ofHours(48));
    DueItem item = dueItem(stored(account));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(
            pool.submit(
                () -> {
                  go.await();
                  deletion.finishDue(item);
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(stored(account).status()).isEqualTo(DeletionStatus.DELETED);
    assertThat(stored(account).erased()).isTrue();
    assertThat(merchantInitiated("1152")).hasSize(1);
    assertThat(processor.calls("chargeMerchantInitiated")).isEqualTo(1);
    assertThat(emails(email, "Your account is deleted")).hasSize(1);
    assertThat(t.events.all().stream().filter(e -> e.type().equals("AccountDeleted")))
        .extracting(DomainEvent::eventId)
        .containsOnly(stored(account).deletionId() + ":AccountDeleted");
  }

  // erasure ---------------------------------------------------------------------------------------

  @Test
  void erasureReleasesAPendingCardVerificationAndFreesTheCard() {
    Account account = account();
    PaymentMethod pending = pendingCard(account, "4111111111111160");
    String processorToken =
        t.table
            .paymentMethods()
            .find(account.accountId(), pending.paymentMethodId())
            .orElseThrow()
            .card()
            .processorToken();

    request(account);
    deletion.erase(account.accountId());

    assertThat(processor.statement("1160"))
        .extracting(Transaction::status)
        .containsOnly("VOIDED", "REFUNDED");
    assertThat(processor.isDetached(processorToken)).isTrue();
    PaymentMethod removed =
        t.table.paymentMethods().find(account.accountId(), pending.paymentMethodId()).orElseThrow();
    assertThat(removed.status()).isEqualTo(PaymentMethodStatus.REMOVED);
    assertThat(removed.card().holderName()).isNull();
    // the number is free for another account
    Account other = account();
    assertThat(pendingCard(other, "4111111111111160").status())
        .isEqualTo(PaymentMethodStatus.PENDING_VERIFICATION);
  }

  @Test
  void erasureCancelsAPendingPayPalLink() {
    Account account = account();
    LinkStarted started =
        t.lifecycle
            .payPalLinking()
            .start(
                current(account),
                TestLifecycle.FRONTEND + "/billing/paypal",
                TestLifecycle.FRONTEND + "/billing",
                "https://api.example.com/v1/paypal/return");

    request(account);
    deletion.erase(account.accountId());

    assertThat(
            t.table
                .paymentMethods()
                .find(account.accountId(), started.paymentMethod().paymentMethodId())
                .orElseThrow()
                .status())
        .isEqualTo(PaymentMethodStatus.CANCELLED);
  }

  private static String query(String url, String name) {
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return pair.substring(eq + 1);
      }
    }
    throw new AssertionError(name + " not in " + url);
  }

  @Test
  void erasureDeletesAnActivePayPalAgreementAtPayPalAndFreesItsSlot() {
    Account account = account();
    LinkStarted started =
        t.lifecycle
            .payPalLinking()
            .start(
                current(account),
                TestLifecycle.FRONTEND + "/billing/paypal",
                TestLifecycle.FRONTEND + "/billing",
                "https://api.example.com/v1/paypal/return");
    String back =
        t.paypal
            .approve(query(started.approvalUrl(), "token"), true, true, "payer@paypal.example")
            .orElseThrow();
    t.lifecycle.payPalLinking().handleReturn(query(back, "token"), query(back, "state"), false);
    String id = started.paymentMethod().paymentMethodId();
    PaymentMethod active = t.table.paymentMethods().find(account.accountId(), id).orElseThrow();
    assertThat(active.status()).isEqualTo(PaymentMethodStatus.ACTIVE);

    request(account);
    deletion.erase(account.accountId());

    PaymentMethod removed = t.table.paymentMethods().find(account.accountId(), id).orElseThrow();
    assertThat(removed.status()).isEqualTo(PaymentMethodStatus.REMOVED);
    assertThat(removed.paypal().payerEmail()).isNull();
    assertThat(t.paypal.deletedTokens()).contains(active.paypal().paymentTokenId());
    assertThat(t.paypal.holds(active.paypal().paymentTokenId())).isFalse();
  }

  @Test
  void theTombstoneKeepsTheTotalsAndNoPersonalDataAndTheEmailSignsUpAgain() {
    String email = newEmail();
    Account account = signUp(email);
    chargeIssued(account, "ch-old", "20.00");
    ledger(account, LedgerEventType.CHARGE_PAID, "ch-old", null, null, null, Money.usd("20.00"));

    Deletion d = request(account);
    deletion.erase(account.accountId());

    Account tombstone = current(account);
    assertThat(tombstone.status()).isEqualTo(AccountStatus.DELETED);
    assertThat(tombstone.email()).isNull();
    assertThat(tombstone.phone()).isNull();
    assertThat(tombstone.passwordHash()).isNull();
    Deletion erased = stored(account);
    assertThat(erased.erased()).isTrue();
    assertThat(erased.totalCharged()).isEqualTo(Money.usd("20.00"));
    assertThat(erased.totalPaid()).isEqualTo(Money.usd("20.00"));
    assertThat(erased.dueAt()).isEmpty();
    assertThat(emails(email, "Your account is deleted")).hasSize(1);
    assertThat(t.events.all())
        .filteredOn(e -> e.type().equals("AccountDeleted"))
        .extracting(DomainEvent::accountId)
        .containsExactly(account.accountId());
    assertThat(problemOf(() -> t.lifecycle.sessions().login(email, PASSWORD)).code())
        .isEqualTo(ErrorCode.INVALID_CREDENTIALS);

    Account again = signUp(email);

    assertThat(again.accountId()).isNotEqualTo(account.accountId());
    assertThat(t.lifecycle.sessions().login(email, PASSWORD).token()).isNotBlank();
    // erasing again changes nothing and says goodbye once
    deletion.erase(account.accountId());
    assertThat(stored(account)).isEqualTo(erased);
    assertThat(d.deletionId()).isEqualTo(erased.deletionId());
  }
}
