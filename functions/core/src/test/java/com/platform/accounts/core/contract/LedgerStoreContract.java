package com.platform.accounts.core.contract;

import static com.platform.accounts.core.contract.Records.START;
import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.ledger.AccountLedger;
import com.platform.accounts.core.ledger.Billing;
import com.platform.accounts.core.ledger.LedgerCharge;
import com.platform.accounts.core.ledger.LedgerEvent;
import com.platform.accounts.core.ledger.LedgerEventType;
import com.platform.accounts.core.ledger.LedgerResource;
import com.platform.accounts.core.money.Money;
import com.platform.accounts.core.port.LedgerStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link LedgerStore} does: exact round trips of resources and charges, each event id
 * once per account, the same ledger in any order of arrival (a release before its provisioning, a
 * payment before its charge), the subscription update that occurred last winning whichever arrives
 * last, totals, and one recording of an event delivered twice at the same moment.
 */
public abstract class LedgerStoreContract {
  private static final Instant ENDS_AT = START.plus(Duration.ofDays(30)).plusNanos(3);

  protected final ManualClock clock = new ManualClock(START);
  private LedgerStore store;

  /** A fresh store on an empty table that reads the time from {@code clock}. */
  protected abstract LedgerStore newStore(Clock clock);

  @BeforeEach
  void createStore() {
    store = newStore(clock);
  }

  private static String eventId() {
    return Ids.next("evt");
  }

  private static LedgerEvent provisioned(
      String accountId,
      String resourceId,
      Billing billing,
      Boolean autoRenew,
      Instant endsAt,
      Instant at) {
    return new LedgerEvent(
        eventId(),
        accountId,
        LedgerEventType.RESOURCE_PROVISIONED,
        resourceId,
        billing,
        autoRenew,
        endsAt,
        null,
        at);
  }

  private static LedgerEvent released(String accountId, String resourceId, Instant at) {
    return new LedgerEvent(
        eventId(),
        accountId,
        LedgerEventType.RESOURCE_RELEASED,
        resourceId,
        null,
        null,
        null,
        null,
        at);
  }

  private static LedgerEvent subscriptionUpdated(
      String accountId, String resourceId, Boolean autoRenew, Instant endsAt, Instant at) {
    return new LedgerEvent(
        eventId(),
        accountId,
        LedgerEventType.SUBSCRIPTION_UPDATED,
        resourceId,
        null,
        autoRenew,
        endsAt,
        null,
        at);
  }

  private static LedgerEvent issued(String accountId, String chargeId, String amount, Instant at) {
    return new LedgerEvent(
        eventId(),
        accountId,
        LedgerEventType.CHARGE_ISSUED,
        chargeId,
        null,
        null,
        null,
        Money.usd(amount),
        at);
  }

  private static LedgerEvent paid(String accountId, String chargeId, Instant at) {
    return new LedgerEvent(
        eventId(), accountId, LedgerEventType.CHARGE_PAID, chargeId, null, null, null, null, at);
  }

  private LedgerResource onlyResource(String accountId) {
    List<LedgerResource> resources = store.load(accountId).resources();
    assertThat(resources).hasSize(1);
    return resources.get(0);
  }

  private LedgerCharge onlyCharge(String accountId) {
    List<LedgerCharge> charges = store.load(accountId).charges();
    assertThat(charges).hasSize(1);
    return charges.get(0);
  }

  // round trips ---------------------------------------------------------------------------------

  @Test
  void aProvisionedPrepaidResourceKeepsEveryField() {
    String accountId = Records.accountId();

    assertThat(
            store.record(provisioned(accountId, "ecs-123", Billing.PREPAID, true, ENDS_AT, START)))
        .isTrue();

    assertThat(onlyResource(accountId))
        .isEqualTo(
            new LedgerResource(
                "ecs-123", Billing.PREPAID, true, false, null, true, ENDS_AT, START));
  }

  @Test
  void aReleasedResourceKeepsWhenItWasReleased() {
    String accountId = Records.accountId();
    store.record(provisioned(accountId, "oss-9", Billing.POSTPAID, null, null, START));

    store.record(released(accountId, "oss-9", START.plusSeconds(5)));

    LedgerResource resource = onlyResource(accountId);
    assertThat(resource.active()).isFalse();
    assertThat(resource.releasedAt()).isEqualTo(START.plusSeconds(5));
    assertThat(resource.billing()).isEqualTo(Billing.POSTPAID);
    assertThat(resource.updatedAt()).isNull();
  }

  @Test
  void anIssuedAndPaidChargeKeepsItsAmountAndInstants() {
    String accountId = Records.accountId();
    store.record(issued(accountId, "ch-1", "12.40", START));
    store.record(paid(accountId, "ch-1", START.plusSeconds(9)));

    assertThat(onlyCharge(accountId))
        .isEqualTo(new LedgerCharge("ch-1", Money.usd("12.40"), START, true, START.plusSeconds(9)));
  }

  @Test
  void aPaymentCarryingItsAmountCountsAsCharged() {
    String accountId = Records.accountId();
    LedgerEvent paid = paid(accountId, "ch-2", START);
    store.record(
        new LedgerEvent(
            paid.eventId(),
            accountId,
            LedgerEventType.CHARGE_PAID,
            "ch-2",
            null,
            null,
            null,
            Money.usd("3.00"),
            START));

    AccountLedger ledger = store.load(accountId);
    assertThat(ledger.totalCharged()).isEqualTo(Money.usd("3.00"));
    assertThat(ledger.totalPaid()).isEqualTo(Money.usd("3.00"));
    assertThat(ledger.outstanding()).isEqualTo(Money.usd("0.00"));
  }

  @Test
  void anAccountNothingWasReportedAboutHasAnEmptyLedger() {
    store.record(issued(Records.accountId(), "ch-1", "1.00", START));
    String nobody = Records.accountId();

    assertThat(store.load(nobody)).isEqualTo(AccountLedger.empty(nobody));
  }

  @Test
  void accountsDoNotSeeEachOthersResourcesOrCharges() {
    String one = Records.accountId();
    String other = Records.accountId();
    store.record(provisioned(one, "ecs-1", Billing.PREPAID, false, ENDS_AT, START));
    store.record(issued(other, "ch-1", "2.00", START));

    assertThat(store.load(one).charges()).isEmpty();
    assertThat(store.load(other).resources()).isEmpty();
  }

  // each event id once --------------------------------------------------------------------------

  @Test
  void aRepeatedEventIdHasNoSecondEffect() {
    String accountId = Records.accountId();
    LedgerEvent charge = issued(accountId, "ch-1", "5.00", START);
    assertThat(store.record(charge)).isTrue();

    assertThat(store.record(charge)).isFalse();
    // the same id with other content is still the same event
    LedgerEvent again = issued(accountId, "ch-2", "7.00", START);
    assertThat(
            store.record(
                new LedgerEvent(
                    charge.eventId(),
                    accountId,
                    again.type(),
                    again.resourceId(),
                    null,
                    null,
                    null,
                    again.amount(),
                    START)))
        .isFalse();

    assertThat(store.load(accountId).charges())
        .extracting(LedgerCharge::chargeId)
        .containsExactly("ch-1");
    assertThat(store.load(accountId).totalCharged()).isEqualTo(Money.usd("5.00"));
  }

  @Test
  void aRepeatedSubscriptionUpdateThatLostItsOrderIsStillCountedOnce() {
    String accountId = Records.accountId();
    store.record(subscriptionUpdated(accountId, "ecs-1", true, ENDS_AT, START.plusSeconds(10)));
    LedgerEvent older = subscriptionUpdated(accountId, "ecs-1", false, null, START);

    assertThat(store.record(older)).isTrue();
    assertThat(store.record(older)).isFalse();
    assertThat(onlyResource(accountId).autoRenew()).isTrue();
  }

  @Test
  void theSameEventDeliveredTwiceAtOnceIsRecordedOnce() throws Exception {
    String accountId = Records.accountId();
    LedgerEvent charge = issued(accountId, "ch-1", "4.00", START);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        results.add(
            threads.submit(
                () -> {
                  start.await();
                  return store.record(charge);
                }));
      }
      start.countDown();
      int recorded = 0;
      for (Future<Boolean> result : results) {
        recorded += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(recorded).isEqualTo(1);
    } finally {
      threads.shutdownNow();
    }
    assertThat(store.load(accountId).totalCharged()).isEqualTo(Money.usd("4.00"));
  }

  // any order of arrival ------------------------------------------------------------------------

  static Stream<Arguments> resourceOrders() {
    return Stream.of(
        Arguments.of(List.of(0, 1, 2)),
        Arguments.of(List.of(0, 2, 1)),
        Arguments.of(List.of(1, 0, 2)),
        Arguments.of(List.of(1, 2, 0)),
        Arguments.of(List.of(2, 0, 1)),
        Arguments.of(List.of(2, 1, 0)));
  }

  @ParameterizedTest(name = "arrival order {0}")
  @MethodSource("resourceOrders")
  void aResourceEndsTheSameInAnyOrderOfArrival(List<Integer> order) {
    String accountId = Records.accountId();
    Instant updatedAt = START.plusSeconds(20);
    Instant releasedAt = START.plusSeconds(40);
    List<LedgerEvent> events =
        List.of(
            provisioned(accountId, "ecs-7", Billing.PREPAID, true, ENDS_AT, START),
            subscriptionUpdated(accountId, "ecs-7", false, null, updatedAt),
            released(accountId, "ecs-7", releasedAt));

    order.forEach(i -> assertThat(store.record(events.get(i))).isTrue());

    assertThat(onlyResource(accountId))
        .isEqualTo(
            new LedgerResource(
                "ecs-7", Billing.PREPAID, true, true, releasedAt, false, ENDS_AT, updatedAt));
  }

  @Test
  void aReleaseBeforeItsProvisioningEndsReleased() {
    String accountId = Records.accountId();
    store.record(released(accountId, "oss-1", START.plusSeconds(5)));
    assertThat(onlyResource(accountId).active()).isFalse();

    store.record(provisioned(accountId, "oss-1", Billing.POSTPAID, null, null, START));

    LedgerResource resource = onlyResource(accountId);
    assertThat(resource.provisioned()).isTrue();
    assertThat(resource.released()).isTrue();
    assertThat(resource.active()).isFalse();
    assertThat(resource.billing()).isEqualTo(Billing.POSTPAID);
  }

  @Test
  void aPaymentBeforeItsChargeEndsPaid() {
    String accountId = Records.accountId();
    store.record(paid(accountId, "ch-9", START.plusSeconds(5)));
    assertThat(store.load(accountId).outstanding()).isEqualTo(Money.usd("0.00"));

    store.record(issued(accountId, "ch-9", "8.15", START));

    AccountLedger ledger = store.load(accountId);
    assertThat(ledger.outstanding()).isEqualTo(Money.usd("0.00"));
    assertThat(ledger.totalCharged()).isEqualTo(Money.usd("8.15"));
    assertThat(ledger.totalPaid()).isEqualTo(Money.usd("8.15"));
    assertThat(onlyCharge(accountId))
        .isEqualTo(new LedgerCharge("ch-9", Money.usd("8.15"), START, true, START.plusSeconds(5)));
  }

  @Test
  void theSubscriptionUpdateThatOccurredLastWinsWhicheverArrivesLast() {
    String first = Records.accountId();
    String second = Records.accountId();
    Instant later = START.plusSeconds(60);
    Instant laterEnd = ENDS_AT.plus(Duration.ofDays(30));

    store.record(subscriptionUpdated(first, "ecs-1", true, ENDS_AT, START));
    store.record(subscriptionUpdated(first, "ecs-1", false, laterEnd, later));
    store.record(subscriptionUpdated(second, "ecs-1", false, laterEnd, later));
    store.record(subscriptionUpdated(second, "ecs-1", true, ENDS_AT, START));

    for (String accountId : List.of(first, second)) {
      LedgerResource resource = onlyResource(accountId);
      assertThat(resource.autoRenew()).isFalse();
      assertThat(resource.endsAt()).isEqualTo(laterEnd);
      assertThat(resource.updatedAt()).isEqualTo(later);
    }
  }

  @Test
  void ofTwoUpdatesThatOccurredAtTheSameInstantTheLaterArrivalWins() {
    String accountId = Records.accountId();
    store.record(provisioned(accountId, "ecs-1", Billing.PREPAID, true, ENDS_AT, START));

    store.record(subscriptionUpdated(accountId, "ecs-1", false, null, START));

    assertThat(onlyResource(accountId).autoRenew()).isFalse();
    assertThat(onlyResource(accountId).endsAt()).isEqualTo(ENDS_AT);
  }

  @Test
  void aProvisioningArrivingAfterALaterUpdateKeepsTheUpdatedSubscription() {
    String accountId = Records.accountId();
    store.record(subscriptionUpdated(accountId, "ecs-1", false, null, START.plusSeconds(30)));

    store.record(provisioned(accountId, "ecs-1", Billing.PREPAID, true, ENDS_AT, START));

    assertThat(onlyResource(accountId))
        .isEqualTo(
            new LedgerResource(
                "ecs-1",
                Billing.PREPAID,
                true,
                false,
                null,
                false,
                ENDS_AT,
                START.plusSeconds(30)));
  }

  // totals --------------------------------------------------------------------------------------

  @Test
  void totalsAddUpChargedPaidAndOutstanding() {
    String accountId = Records.accountId();
    store.record(issued(accountId, "ch-1", "10.00", START));
    store.record(issued(accountId, "ch-2", "2.40", START));
    store.record(issued(accountId, "ch-3", "0.05", START));
    store.record(paid(accountId, "ch-1", START));

    AccountLedger ledger = store.load(accountId);
    assertThat(ledger.totalCharged()).isEqualTo(Money.usd("12.45"));
    assertThat(ledger.totalPaid()).isEqualTo(Money.usd("10.00"));
    assertThat(ledger.outstanding()).isEqualTo(Money.usd("2.45"));
    assertThat(ledger.outstandingCharges())
        .extracting(LedgerCharge::chargeId)
        .containsExactly("ch-2", "ch-3");
  }
}
