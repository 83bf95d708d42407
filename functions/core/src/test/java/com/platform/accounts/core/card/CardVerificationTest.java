package com.platform.accounts.core.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.crypto.Hmac;
import com.platform.accounts.core.crypto.TokenSealer;
import com.platform.accounts.core.memory.SandboxCardProcessor.Fault;
import com.platform.accounts.core.memory.SandboxCardProcessor.Transaction;
import com.platform.accounts.core.memory.SandboxCardProcessor;
import com.platform.accounts.core.money.Money;
import com.platform.accounts.core.port.CardProcessor;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.CodeSent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CardVerificationTest {
  private static final String PASSWORD = "correct horse battery staple";
  private static final Pattern DESCRIPTOR = Pattern.compile("INTL([0-9]{6})\\*ACMECLOUD");
  private static final AtomicInteger EMAILS = new AtomicInteger();
  private final TestLifecycle t = new TestLifecycle();
  private final CardVerification cards = t.lifecycle.cards();
  private final SandboxCardProcessor processor = t.cards;

  private Account account(String country) {
    String email = "card" + EMAILS.incrementAndGet() + "@example.com";
    CodeSent sent = t.lifecycle.signups().start(new SignupCommand(country, email, PASSWORD,
        PASSWORD, true, null, null), new Validation());
    String id = t.lifecycle.signups().verify(sent.challengeId(), t.lastCode(email)).accountId();
    return t.table.accounts().find(id).orElseThrow();
  }

  private String token(String number) {
    return processor.tokenize(number, 12, 2030, "123");
  }

  private static Problem problemOf(Runnable action) {
    try {
      action.run();
    } catch (Problem p) {
      return p;
    }
    throw new AssertionError("expected a problem");
  }

  private Transaction microcharge(String last4) {
    return processor.statement(last4).stream().filter(tx -> tx.status().equals("CAPTURED")
        || tx.description().matches(DESCRIPTOR.pattern())).reduce((a, b) -> b).orElseThrow();
  }

  private String descriptorCode(String last4) {
    Matcher m = DESCRIPTOR.matcher(microcharge(last4).description());
    assertThat(m.matches()).isTrue();
    return m.group(1);
  }

  private static String wrongCode(String right) {
    return right.equals("000000") ? "111111" : "000000";
  }

  @Test
  void addingACardPlacesAOneDollarHoldAndAMicrochargeWithACodeInItsDescriptor() {
    Account ana = account("US");

    PaymentMethod pm = cards.add(ana, token("4242424242424242"));

    assertThat(pm.status()).isEqualTo(PaymentMethodStatus.PENDING_VERIFICATION);
    assertThat(pm.check().attemptsRemaining()).isEqualTo(5);
    assertThat(pm.check().expiresAt()).isEqualTo(t.clock.instant().plus(Duration.ofDays(7)));
    List<Transaction> statement = processor.statement("4242");
    assertThat(statement).hasSize(2);
    assertThat(statement.get(0).amount()).isEqualTo(Money.usd("1.00"));
    assertThat(statement.get(0).status()).isEqualTo("AUTHORIZED");
    Transaction micro = statement.get(1);
    assertThat(micro.status()).isEqualTo("CAPTURED");
    assertThat(micro.description()).matches(DESCRIPTOR.pattern());
    assertThat(micro.amount().amount()).isBetween(new BigDecimal("0.01"), new BigDecimal("0.99"));
    assertThat(t.workflows.cardVerifications).containsExactly(pm.paymentMethodId());
  }

  @Test
  void theDescriptorCodeVerifiesTheCardAndReleasesBothCharges() {
    Account ana = account("US");
    PaymentMethod pm = cards.add(ana, token("4242424242424242"));

    PaymentMethod verified = cards.verify(ana, pm.paymentMethodId(),
        new OwnershipProof.DescriptorCode(descriptorCode("4242")));

    assertThat(verified.status()).isEqualTo(PaymentMethodStatus.VERIFIED);
    assertThat(processor.statement("4242")).extracting(Transaction::status)
        .containsExactly("VOIDED", "REFUNDED");
    assertThat(t.lastMessage(ana.email()).subject()).contains("is verified");
    assertThat(t.events.all()).anyMatch(e -> e.type().equals("PaymentMethodVerified"));
  }

  @Test
  void theUsdAmountVerifiesTheCard() {
    Account ana = account("US");
    PaymentMethod pm = cards.add(ana, token("5555555555554444"));

    PaymentMethod verified = cards.verify(ana, pm.paymentMethodId(),
        new OwnershipProof.UsdAmount(microcharge("4444").amount()));

    assertThat(verified.status()).isEqualTo(PaymentMethodStatus.VERIFIED);
  }

  @Test
  void theLocalAmountsOfAnAustralianCardVerifyIt() {
    Account bruce = account("AU");
    PaymentMethod pm = cards.add(bruce, token("4000000360000006"));
    List<Transaction> statement = processor.statement("0006");
    assertThat(statement.get(0).amount()).isEqualTo(Money.of("1.35", "AUD"));

    PaymentMethod verified = cards.verify(bruce, pm.paymentMethodId(),
        new OwnershipProof.LocalAmounts(Currency.getInstance("AUD"),
            statement.get(0).amount().amount(), statement.get(1).amount().amount()));

    assertThat(verified.status()).isEqualTo(PaymentMethodStatus.VERIFIED);
  }

  @Test
  void everyMicrochargeRoundTripsThroughAudExactly() {
    for (int cents = 1; cents <= 99; cents++) {
      Money usd = Money.ofMinor(cents, Currency.getInstance("USD"));
      BigDecimal aud = usd.amount().multiply(SandboxCardProcessor.AUD_PER_USD)
          .setScale(2, RoundingMode.HALF_UP);
      assertThat(new OwnershipProof.LocalAmounts(Currency.getInstance("AUD"),
          new BigDecimal("1.35"), aud).usdMicrocharge()).isEqualTo(usd);
    }
  }

  @Test
  void fiveWrongAnswersLockTheCardReleaseTheChargesAndFreeTheNumber() {
    Account ana = account("US");
    String number = "4111111111111111";
    PaymentMethod pm = cards.add(ana, token(number));
    String wrong = wrongCode(descriptorCode("1111"));

    for (int remaining = 4; remaining >= 1; remaining--) {
      Problem p = problemOf(() -> cards.verify(ana, pm.paymentMethodId(),
          new OwnershipProof.DescriptorCode(wrong)));
      assertThat(p.code()).isEqualTo(ErrorCode.VERIFICATION_FAILED);
      assertThat(p.extensions()).containsEntry("attemptsRemaining", remaining);
    }
    Problem locked = problemOf(() -> cards.verify(ana, pm.paymentMethodId(),
        new OwnershipProof.UsdAmount(Money.usd("5.00"))));

    assertThat(locked.code()).isEqualTo(ErrorCode.VERIFICATION_LOCKED);
    assertThat(t.table.paymentMethods().find(ana.accountId(), pm.paymentMethodId()).orElseThrow()
        .status()).isEqualTo(PaymentMethodStatus.FAILED);
    assertThat(processor.statement("1111")).extracting(Transaction::status)
        .containsExactly("VOIDED", "REFUNDED");
    assertThat(problemOf(() -> cards.verify(ana, pm.paymentMethodId(),
        new OwnershipProof.DescriptorCode(descriptorCode("1111")))).code())
        .isEqualTo(ErrorCode.VERIFICATION_LOCKED);
    Account bo = account("US");
    assertThat(cards.add(bo, token(number)).status())
        .isEqualTo(PaymentMethodStatus.PENDING_VERIFICATION);
  }

  @Test
  void refusalsComeInTheContractsOrderAndPlaceNoCharge() {
    Account us = account("US");
    assertThat(problemOf(() -> cards.add(us, token("4096660000000008"))).code())
        .isEqualTo(ErrorCode.CARD_ISSUED_IN_MAINLAND_CHINA);
    assertThat(problemOf(() -> cards.add(us, token("4000056655665556"))).code())
        .isEqualTo(ErrorCode.CARD_FUNDING_NOT_ACCEPTED);
    assertThat(problemOf(() -> cards.add(us, token("6250947000000014"))).code())
        .isEqualTo(ErrorCode.CARD_COUNTRY_MISMATCH);
    assertThat(problemOf(() -> cards.add(us, processor.tokenize("4242424242424242", 1, 2020,
        "123"))).code()).isEqualTo(ErrorCode.CARD_EXPIRED);
    assertThat(problemOf(() -> cards.add(us, token("4000000000000002"))).code())
        .isEqualTo(ErrorCode.CARD_DECLINED);
    assertThat(processor.statement("0008")).isEmpty();
    assertThat(processor.statement("5556")).isEmpty();
    assertThat(processor.statement("0014")).isEmpty();
    assertThat(processor.statement("0002")).isEmpty();
    assertThat(cards.list(us.accountId())).isEmpty();

    cards.add(us, token("4242424242424242"));
    assertThat(problemOf(() -> cards.add(us, token("6250947000000014"))).code())
        .as("one card per account is checked before the country")
        .isEqualTo(ErrorCode.ACCOUNT_ALREADY_HAS_CARD);
    Account other = account("US");
    cards.add(other, token("5555555555554444"));
    assertThat(problemOf(() -> cards.add(other, token("4242424242424242"))).code())
        .as("a card on another account is checked before this account's own card")
        .isEqualTo(ErrorCode.CARD_ALREADY_REGISTERED);
  }

  @Test
  void aUnionPayCardFromHongKongIsFineForAHongKongAccount() {
    Account hk = account("HK");

    assertThat(cards.add(hk, token("6250947000000014")).status())
        .isEqualTo(PaymentMethodStatus.PENDING_VERIFICATION);
  }

  @Test
  void theSameCardAgainOnTheSameAccountIsAlreadyThere() {
    Account ana = account("US");
    cards.add(ana, token("4111111111111129"));

    assertThat(problemOf(() -> cards.add(ana, token("4111111111111129"))).code())
        .isEqualTo(ErrorCode.ACCOUNT_ALREADY_HAS_CARD);
  }

  @Test
  void anUnknownTokenIsAValidationError() {
    Account ana = account("US");

    Problem p = problemOf(() -> cards.add(ana, "tok_doesnotexist"));

    assertThat(p.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(p.errors()).extracting(e -> e.code())
        .containsExactly(FieldErrorCode.UNKNOWN_CARD_TOKEN);
  }

  @Test
  void theChargesAreReleasedWithinTwentyFourHoursAndTheCodeStillWorksForSevenDays() {
    Account ana = account("US");
    PaymentMethod pm = cards.add(ana, token("4111111111111137"));
    String code = descriptorCode("1137");

    t.clock.advanceBy(Duration.ofHours(22).plusMinutes(59));
    assertThat(cards.releaseDue(10)).isZero();
    t.clock.advanceBy(Duration.ofMinutes(1));
    assertThat(cards.releaseDue(10)).isEqualTo(1);
    assertThat(cards.releaseDue(10)).isZero();
    assertThat(processor.statement("1137")).extracting(Transaction::status)
        .containsExactly("VOIDED", "REFUNDED");

    t.clock.advanceBy(Duration.ofDays(5));
    assertThat(cards.verify(ana, pm.paymentMethodId(), new OwnershipProof.DescriptorCode(code))
        .status()).isEqualTo(PaymentMethodStatus.VERIFIED);
    assertThat(processor.calls("voidHold")).isEqualTo(1);
    assertThat(processor.calls("refund")).isEqualTo(1);
  }

  @Test
  void afterSevenDaysTheVerificationHasExpired() {
    Account ana = account("US");
    PaymentMethod pm = cards.add(ana, token("4111111111111145"));
    String code = descriptorCode("1145");
    t.clock.advanceBy(Duration.ofDays(7));

    assertThat(cards.expire(ana.accountId(), pm.paymentMethodId())).isEqualTo("FAILED");
    assertThat(problemOf(() -> cards.verify(ana, pm.paymentMethodId(),
        new OwnershipProof.DescriptorCode(code))).code()).isEqualTo(ErrorCode.VERIFICATION_EXPIRED);
    assertThat(t.lastMessage(ana.email()).subject()).contains("could not verify");
  }

  @Test
  void withoutAnyWorkflowTheJobStillFailsACardAfterSevenDaysAndFreesItsNumber() {
    Account ana = account("US");
    PaymentMethod pm = cards.add(ana, token("4111111111111244"));

    t.clock.advanceBy(Duration.ofHours(23));
    cards.releaseDue(10);
    t.clock.advanceBy(Duration.ofDays(6));
    assertThat(cards.releaseDue(10)).isZero();
    t.clock.advanceBy(Duration.ofHours(1));
    assertThat(cards.releaseDue(10)).isEqualTo(1);

    assertThat(t.table.paymentMethods().find(ana.accountId(), pm.paymentMethodId()).orElseThrow()
        .status()).isEqualTo(PaymentMethodStatus.FAILED);
    assertThat(cards.add(account("US"), token("4111111111111244")).status())
        .isEqualTo(PaymentMethodStatus.PENDING_VERIFICATION);
  }

  @Test
  void aLostAnswerFromTheProcessorIsFoundAgainAndNothingIsPlacedTwice() {
    Account ana = account("US");
    processor.failNext("authorizeHold", Fault.LOST_RESPONSE_AFTER);

    Problem p = problemOf(() -> cards.add(ana, token("4111111111111152")));
    assertThat(p.code()).isEqualTo(ErrorCode.PROCESSOR_UNAVAILABLE);
    assertThat(processor.statement("1152")).extracting(Transaction::status)
        .as("the lost hold is found by its idempotency key and voided at once")
        .containsExactly("VOIDED");
    assertThat(problemOf(() -> cards.add(ana, token("4111111111111152"))).code())
        .as("no second hold while the first card's fate is not settled")
        .isEqualTo(ErrorCode.ACCOUNT_ALREADY_HAS_CARD);

    t.clock.advanceBy(Duration.ofMinutes(15));
    cards.releaseDue(10);

    assertThat(processor.calls("authorizeHold")).isEqualTo(1);
    assertThat(processor.calls("charge")).isZero();
    assertThat(cards.list(ana.accountId())).extracting(PaymentMethod::status)
        .containsExactly(PaymentMethodStatus.FAILED);
    assertThat(cards.add(ana, token("4111111111111152")).status())
        .as("settled: the card can be added again")
        .isEqualTo(PaymentMethodStatus.PENDING_VERIFICATION);
  }

  @Test
  void aMicrochargeLostInTransitIsRefundedAndTheCardIsGivenUp() {
    Account ana = account("US");
    processor.failNext("charge", Fault.LOST_RESPONSE_AFTER);

    assertThat(problemOf(() -> cards.add(ana, token("4111111111111210"))).code())
        .isEqualTo(ErrorCode.PROCESSOR_UNAVAILABLE);

    assertThat(processor.statement("1210")).extracting(Transaction::status)
        .containsExactly("VOIDED", "REFUNDED");
    assertThat(cards.list(ana.accountId())).isEmpty();
    assertThat(processor.calls("charge")).isEqualTo(1);
  }

  @Test
  void aMicrochargeTheProcessorNeverTookLeavesOnlyTheVoidedHold() {
    Account ana = account("US");
    processor.failNext("charge", Fault.UNAVAILABLE_BEFORE);

    assertThat(problemOf(() -> cards.add(ana, token("4111111111111251"))).code())
        .isEqualTo(ErrorCode.PROCESSOR_UNAVAILABLE);
    assertThat(processor.statement("1251")).extracting(Transaction::status)
        .containsExactly("VOIDED");

    t.clock.advanceBy(Duration.ofMinutes(15));
    assertThat(cards.releaseDue(10)).isEqualTo(1);
    assertThat(processor.calls("charge")).isZero();
    assertThat(cards.list(ana.accountId())).extracting(PaymentMethod::status)
        .containsExactly(PaymentMethodStatus.FAILED);
  }

  @Test
  void aCrashBetweenHoldAndMicrochargeLeavesNothingStandingAfterTheJob() {
    Account ana = account("US");
    processor.failNext("charge", Fault.CRASH_BEFORE);

    assertThatThrownBy(
        () -> cards.add(ana, token("4111111111111160")))
        .isInstanceOf(SandboxCardProcessor.SimulatedCrash.class);
    assertThat(processor.statement("1160")).extracting(Transaction::status)
        .containsExactly("AUTHORIZED");
    assertThat(t.workflows.cardVerifications).isEmpty();

    t.clock.advanceBy(Duration.ofHours(23));
    assertThat(cards.releaseDue(10)).isEqualTo(1);

    assertThat(processor.statement("1160")).extracting(Transaction::status)
        .containsExactly("VOIDED");
    assertThat(processor.calls("authorizeHold")).isEqualTo(1);
    assertThat(processor.calls("charge")).isZero();
    assertThat(cards.list(ana.accountId())).extracting(PaymentMethod::status)
        .containsExactly(PaymentMethodStatus.FAILED);
  }

  @Test
  void aProcessorAnswerThatIsNeitherDeclineNorOutageStillLeavesNothingStanding() {
    Account ana = account("US");
    CardProcessor broken = new DelegatingProcessor(processor) {
      @Override
      public String charge(String cardToken, Money amount, String descriptor, String key) {
        throw new IllegalStateException("amount_too_small");
      }
    };
    CardVerification withBroken = new CardVerification(t.table.paymentMethods(),
        t.table.accounts(), broken, new Hmac(new byte[32]),
        new TokenSealer(new byte[32]), t.workflows, t.outbox,
        t.events, t.clock, "ACMECLOUD");

    Problem p = problemOf(() -> withBroken.add(ana, token("4111111111111269")));

    assertThat(p.code()).isEqualTo(ErrorCode.PROCESSOR_UNAVAILABLE);
    assertThat(processor.statement("1269")).extracting(Transaction::status)
        .containsExactly("VOIDED");
  }

  @Test
  void theMicrochargeRespectsTheProcessorsMinimum() {
    CardProcessor stripeLike = new DelegatingProcessor(processor) {
      @Override
      public Money minimumCharge() {
        return Money.usd("0.50");
      }
    };
    CardVerification withMinimum = new CardVerification(t.table.paymentMethods(),
        t.table.accounts(), stripeLike, new Hmac(new byte[32]),
        new TokenSealer(new byte[32]), t.workflows, t.outbox,
        t.events, t.clock, "ACMECLOUD");
    for (int i = 0; i < 20; i++) {
      Account someone = account("US");
      String number = "4111110000000" + String.format("%02d", i);
      String valid = number + Luhn.checkDigit(number);
      withMinimum.add(someone, token(valid));
      assertThat(microcharge(valid.substring(12)).amount().amount())
          .isBetween(new BigDecimal("0.50"), new BigDecimal("0.99"));
    }
  }

  /** A processor that does what the sandbox does, but for what a test overrides. */
  private static class DelegatingProcessor implements CardProcessor {
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
  }

  @Test
  void removingACardReleasesItsChargesAndFreesItForAnotherAccount() {
    Account ana = account("US");
    PaymentMethod pm = cards.add(ana, token("4111111111111178"));

    cards.remove(ana, pm.paymentMethodId());

    assertThat(cards.list(ana.accountId())).isEmpty();
    assertThat(processor.statement("1178")).extracting(Transaction::status)
        .containsExactly("VOIDED", "REFUNDED");
    assertThat(cards.add(account("US"), token("4111111111111178")).status())
        .isEqualTo(PaymentMethodStatus.PENDING_VERIFICATION);
  }

  @Test
  void anotherAccountsCardIsNotFound() {
    Account ana = account("US");
    PaymentMethod pm = cards.add(ana, token("4111111111111186"));

    Problem p = problemOf(() -> cards.verify(account("US"), pm.paymentMethodId(),
        new OwnershipProof.DescriptorCode(descriptorCode("1186"))));

    assertThat(p.code()).isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void verifyingAgainAfterSuccessIsAConflict() {
    Account ana = account("US");
    PaymentMethod pm = cards.add(ana, token("4111111111111194"));
    String code = descriptorCode("1194");
    cards.verify(ana, pm.paymentMethodId(), new OwnershipProof.DescriptorCode(code));

    assertThat(problemOf(() -> cards.verify(ana, pm.paymentMethodId(),
        new OwnershipProof.DescriptorCode(code))).code()).isEqualTo(ErrorCode.ALREADY_VERIFIED);
  }

  @Test
  void simultaneousAnswersEachCountOnce() throws Exception {
    Account ana = account("US");
    PaymentMethod pm = cards.add(ana, token("4111111111111202"));
    String right = descriptorCode("1202");
    List<Callable<String>> answers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      answers.add(() -> outcome(() -> cards.verify(ana, pm.paymentMethodId(),
          new OwnershipProof.DescriptorCode(wrongCode(right)))));
    }
    answers.add(() -> outcome(() -> cards.verify(ana, pm.paymentMethodId(),
        new OwnershipProof.DescriptorCode(right))));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<String> outcomes = new ArrayList<>();
    for (Future<String> f : pool.invokeAll(answers)) {
      outcomes.add(f.get());
    }
    pool.shutdown();

    PaymentMethod stored = t.table.paymentMethods().find(ana.accountId(), pm.paymentMethodId())
        .orElseThrow();
    assertThat(outcomes).filteredOn("VERIFIED"::equals).hasSize(1);
    long wrongCounted = outcomes.stream().filter("VERIFICATION_FAILED"::equals).count();
    assertThat(stored.check().failedAttempts()).isEqualTo((int) wrongCounted);
    assertThat(stored.status()).isEqualTo(PaymentMethodStatus.VERIFIED);
  }

  private static String outcome(Runnable action) {
    try {
      action.run();
      return "VERIFIED";
    } catch (Problem p) {
      return p.code().name();
    }
  }
}
