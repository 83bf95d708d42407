package com.platform.accounts.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.AccountLifecycle;
import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.AccountStatus;
import com.platform.accounts.core.account.EmailClaim;
import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.memory.EphemeralServiceKeys;
import com.platform.accounts.core.memory.InMemoryEventLog;
import com.platform.accounts.core.memory.InMemoryOutbox;
import com.platform.accounts.core.memory.InMemorySessionTokens;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.port.EmailAlreadyRegisteredException;
import com.platform.accounts.core.port.Workflows;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.verification.Challenge;
import com.platform.accounts.core.verification.ChallengeStatus;
import com.platform.accounts.core.verification.Channel;
import com.platform.accounts.core.verification.CodeSent;
import com.platform.accounts.core.verification.SignupDetails;
import com.platform.accounts.testkit.AwsEmulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Races that the conditional writes must win on DynamoDB: simultaneous sign-ups of one email,
 * simultaneous proofs and namings of one address, and simultaneous guesses at one code.
 */
class SignupConcurrencyIT {
  private static final int SIGNUP_RACES = 10;
  private static final int GUESSES = 20;

  @RegisterExtension static final AwsEmulator AWS = new AwsEmulator();

  private final EmulatorTables tables = new EmulatorTables(AWS);
  private final Clock clock = Clock.systemUTC();
  private DynamoDbTable table;
  private ExecutorService pool;

  @BeforeEach
  void setUp() {
    table = tables.create(clock);
    pool = Executors.newFixedThreadPool(GUESSES);
  }

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
    tables.dropAll();
  }

  @Test
  void simultaneousSignupsCompletingWithOneEmailMakeExactlyOneAccount() throws Exception {
    for (int race = 0; race < SIGNUP_RACES; race++) {
      String email = uniqueEmail("race" + race);
      Challenge first = storedSignup(email);
      Challenge second = storedSignup(email.toUpperCase(Locale.ROOT));
      Account firstAccount = newAccount(email);
      Account secondAccount = newAccount(email.toUpperCase(Locale.ROOT));

      List<Outcome> outcomes =
          runTogether(
              List.of(
                  task(() -> table.accounts().create(firstAccount, first.verified())),
                  task(() -> table.accounts().create(secondAccount, second.verified()))));

      assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
      // DynamoDB answers the loser with a failed email condition, or with a transaction conflict
      // when both transactions overlap; the sign-up service retries the latter into the former
      assertThat(outcomes)
          .filteredOn(o -> !o.succeeded())
          .allSatisfy(
              o ->
                  assertThat(o.failure())
                      .isInstanceOfAny(
                          EmailAlreadyRegisteredException.class,
                          ConcurrentModificationException.class));
      Account winner = outcomes.get(0).succeeded() ? firstAccount : secondAccount;
      Account loser = winner == firstAccount ? secondAccount : firstAccount;
      Challenge losingChallenge = winner == firstAccount ? second : first;
      assertThat(table.accounts().findByEmail(email).map(Account::accountId))
          .contains(winner.accountId());
      assertThat(table.accounts().find(loser.accountId())).isEmpty();
      assertThat(table.challenges().find(losingChallenge.challengeId(), clock.instant()))
          .contains(losingChallenge);
    }
  }

  @Test
  void aSignupAndASecondVerificationProvingOneAddressTogetherMakeExactlyOneOwner()
      throws Exception {
    for (int race = 0; race < SIGNUP_RACES; race++) {
      String email = uniqueEmail("prove" + race);
      Challenge phoneSignup = storedSignup(email);
      Account named = newPhoneAccount(email);
      table
          .accounts()
          .createNaming(named, phoneSignup.verified(), table.accounts().findClaim(email));
      Account stored = table.accounts().find(named.accountId()).orElseThrow();
      Challenge contact = storedContact(stored.accountId(), email);
      Challenge emailSignup = storedSignup(email);
      Account signedUp = newAccount(email);

      List<Outcome> outcomes =
          runTogether(
              List.of(
                  task(
                      () ->
                          table
                              .accounts()
                              .updateProvingEmail(stored.withEmailVerified(), contact.verified())),
                  task(() -> table.accounts().create(signedUp, emailSignup.verified()))));

      assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
      assertThat(outcomes)
          .filteredOn(o -> !o.succeeded())
          .allSatisfy(
              o ->
                  assertThat(o.failure())
                      .isInstanceOfAny(
                          EmailAlreadyRegisteredException.class,
                          ConcurrentModificationException.class));
      String owner = outcomes.get(0).succeeded() ? stored.accountId() : signedUp.accountId();
      assertThat(table.accounts().findClaim(email).ownerId()).isEqualTo(owner);
      assertThat(table.accounts().find(stored.accountId()).orElseThrow().emailVerified())
          .isEqualTo(owner.equals(stored.accountId()));
      assertThat(table.accounts().find(signedUp.accountId()).isPresent())
          .isEqualTo(owner.equals(signedUp.accountId()));
    }
  }

  @Test
  void simultaneousNamingsOnOneReadOfTheClaimAddExactlyOneAccount() throws Exception {
    String email = uniqueEmail("name");
    EmailClaim read = table.accounts().findClaim(email);
    List<Callable<Object>> namings = new ArrayList<>();
    List<Account> namers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Challenge signup = storedSignup(email);
      Account account = newPhoneAccount(email);
      namers.add(account);
      namings.add(task(() -> table.accounts().createNaming(account, signup.verified(), read)));
    }

    List<Outcome> outcomes = runTogether(namings);

    assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
    assertThat(outcomes)
        .filteredOn(o -> !o.succeeded())
        .allSatisfy(
            o -> assertThat(o.failure()).isInstanceOf(ConcurrentModificationException.class));
    Account winner = namers.get(outcomes.indexOf(new Outcome(null)));
    assertThat(table.accounts().findClaim(email).unproven()).containsExactly(winner.accountId());
  }

  @Test
  void twentySimultaneousWrongGuessesCountAsExactlyFiveTries() throws Exception {
    InMemoryOutbox outbox = new InMemoryOutbox(clock);
    InMemorySessionTokens sessions = new InMemorySessionTokens(clock);
    AccountLifecycle lifecycle =
        new AccountLifecycle(
            new AccountLifecycle.Ports(
                table.accounts(),
                table.challenges(),
                table.rateLimits(),
                table.idempotency(),
                outbox,
                new InMemoryEventLog(),
                new NoWorkflows(),
                new EphemeralServiceKeys(),
                clock,
                "2026-01",
                null,
                null,
                "TEST",
                table.accountOverviews(),
                sessions,
                sessions));
    String email = uniqueEmail("guess");
    CodeSent sent =
        lifecycle
            .signups()
            .start(
                new SignupCommand(
                    "DE",
                    email,
                    "a long passphrase 42",
                    "a long passphrase 42",
                    true,
                    "EMAIL",
                    null),
                new Validation());
    String code = outbox.to(email).get(0).message().code();
    String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

    List<Callable<Object>> guesses = new ArrayList<>();
    for (int i = 0; i < GUESSES; i++) {
      guesses.add(() -> lifecycle.signups().verify(sent.challengeId(), wrong));
    }
    List<Outcome> outcomes = runTogether(guesses);

    Map<String, Long> answers =
        outcomes.stream()
            .collect(
                Collectors.groupingBy(
                    o ->
                        o.failure() instanceof Problem p
                            ? p.code().name()
                            : o.succeeded() ? "verified" : o.failure().toString(),
                    Collectors.counting()));
    assertThat(answers)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                ErrorCode.INVALID_CODE.name(), 4L,
                ErrorCode.CODE_EXPIRED.name(), 16L));
    Challenge stored = table.challenges().find(sent.challengeId(), clock.instant()).orElseThrow();
    assertThat(stored.failedAttempts()).isEqualTo(Challenge.MAX_ATTEMPTS);
    assertThat(stored.status()).isEqualTo(ChallengeStatus.PENDING);
    assertThat(table.accounts().findByEmail(email)).isEmpty();
  }

  /** A fresh address in its normalised (lower-case) form, the form the stores look up. */
  private static String uniqueEmail(String prefix) {
    return (prefix + "." + Ids.next("e").substring(2, 10) + "@example.com")
        .toLowerCase(Locale.ROOT);
  }

  private Challenge storedSignup(String email) {
    Instant now = clock.instant();
    SignupDetails details = new SignupDetails(email, "DE", null, "hash", "2026-01", now, false);
    Challenge challenge =
        new Challenge(
            Ids.next("sgn"),
            Challenge.Purpose.SIGNUP,
            null,
            details,
            Channel.EMAIL,
            email,
            "hmac",
            now.plus(Duration.ofMinutes(10)),
            0,
            false,
            now,
            1,
            ChallengeStatus.PENDING,
            now,
            now.plus(Duration.ofHours(24)),
            0);
    table.challenges().create(challenge);
    return table.challenges().find(challenge.challengeId(), now).orElseThrow();
  }

  /** An account made by a phone sign-up, its email only named. */
  private Account newPhoneAccount(String email) {
    return new Account(
        Ids.next("acc"),
        email,
        "DE",
        "+4915112345678",
        "hash",
        AccountStatus.ACTIVE,
        false,
        true,
        "2026-01",
        clock.instant(),
        0,
        clock.instant(),
        0);
  }

  /** A stored pending second verification of the account's email. */
  private Challenge storedContact(String accountId, String email) {
    Instant now = clock.instant();
    Challenge challenge =
        new Challenge(
            Ids.next("ver"),
            Challenge.Purpose.CONTACT,
            accountId,
            null,
            Channel.EMAIL,
            email,
            "hmac",
            now.plus(Duration.ofMinutes(10)),
            0,
            false,
            now,
            1,
            ChallengeStatus.PENDING,
            now,
            now.plus(Duration.ofHours(24)),
            0);
    table.challenges().create(challenge);
    return table.challenges().find(challenge.challengeId(), now).orElseThrow();
  }

  private Account newAccount(String email) {
    return new Account(
        Ids.next("acc"),
        email,
        "DE",
        null,
        "hash",
        AccountStatus.ACTIVE,
        true,
        false,
        "2026-01",
        clock.instant(),
        0,
        clock.instant(),
        0);
  }

  /** A call's result: {@code failure} is null when it returned. */
  private record Outcome(Throwable failure) {
    boolean succeeded() {
      return failure == null;
    }
  }

  private List<Outcome> runTogether(List<? extends Callable<?>> calls) throws Exception {
    CountDownLatch ready = new CountDownLatch(calls.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> running = new ArrayList<>();
    for (Callable<?> call : calls) {
      running.add(
          pool.submit(
              () -> {
                ready.countDown();
                go.await();
                return call.call();
              }));
    }
    // a call still unready at the go would run late and the race would not be one
    assertThat(ready.await(30, TimeUnit.SECONDS)).as("every call ready to go").isTrue();
    go.countDown();
    List<Outcome> outcomes = new ArrayList<>();
    for (Future<?> result : running) {
      try {
        result.get(60, TimeUnit.SECONDS);
        outcomes.add(new Outcome(null));
      } catch (ExecutionException e) {
        outcomes.add(new Outcome(e.getCause()));
      }
    }
    return outcomes;
  }

  private static Callable<Object> task(Runnable runnable) {
    return () -> {
      runnable.run();
      return null;
    };
  }

  /** The workflow is not under test: starts go nowhere. */
  private static final class NoWorkflows implements Workflows {
    @Override
    public void startContactVerification(String challengeId) {}

    @Override
    public void startCardVerification(String accountId, String paymentMethodId) {}

    @Override
    public void startPayPalLinking(String accountId, String paymentMethodId) {}

    @Override
    public void startAccountDeletion(String accountId, String deletionId) {}
  }
}
