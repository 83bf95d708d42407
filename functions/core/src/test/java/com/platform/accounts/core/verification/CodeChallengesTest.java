package com.platform.accounts.core.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.core.crypto.Hmac;
import com.platform.accounts.core.memory.InMemoryOutbox;
import com.platform.accounts.core.memory.InMemoryTable;
import com.platform.accounts.core.memory.InMemoryTelemetry;
import com.platform.accounts.core.messaging.OutboundMessage;
import com.platform.accounts.core.port.ChallengeStore;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldError;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.ratelimit.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CodeChallengesTest {
  private static final String ID = "sgn_AAAAAAAAAAAAAAAAAAAAAA";
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-26T09:00:00Z"));
  private final InMemoryTable table = new InMemoryTable(clock);
  private final InMemoryOutbox outbox = new InMemoryOutbox(clock);
  private final CodeChallenges codes = codesOn(table.challenges());

  private CodeChallenges codesOn(ChallengeStore store) {
    RateLimiter limiter = new RateLimiter(table.rateLimits(), clock);
    Hmac hmac = new Hmac(new byte[32]);
    return new CodeChallenges(
        store,
        outbox,
        limiter,
        new PhoneBudgets(
            limiter, hmac, new InMemoryTelemetry(), clock, PhoneBudgets.Limits.defaults()),
        hmac,
        clock);
  }

  /** A stored sign-up challenge sent by {@code channel}; its code is returned. */
  private String stored(Channel channel, String destination) {
    CodeChallenges.IssuedCode code = codes.issue(ID, channel);
    table
        .challenges()
        .create(
            codes.newChallenge(
                ID, Challenge.Purpose.SIGNUP, null, null, channel, destination, code));
    return code.code();
  }

  private Challenge current() {
    return table.challenges().find(ID, clock.instant()).orElseThrow();
  }

  private <T> T verify(String code, Function<Challenge, T> onSuccess) {
    return codes.verify(ID, code, c -> true, c -> false, onSuccess);
  }

  private static String wrong(String code) {
    return code.equals("000000") ? "111111" : "000000";
  }

  @Test
  void anIssuedCodeIsSixDigitsAndOnlyItsHashIsStored() {
    CodeChallenges.IssuedCode code = codes.issue(ID, Channel.EMAIL);

    assertThat(code.code()).matches("[0-9]{6}");
    assertThat(code.hash()).isNotBlank().doesNotContain(code.code());
  }

  @Test
  void aNewChallengeIsPendingWithATenMinuteCodeAndLivesADay() {
    Instant now = clock.instant();
    CodeChallenges.IssuedCode code = codes.issue(ID, Channel.SMS);

    Challenge challenge =
        codes.newChallenge(
            ID, Challenge.Purpose.CONTACT, "acc_1", null, Channel.SMS, "+12025550123", code);

    assertThat(challenge)
        .isEqualTo(
            new Challenge(
                ID,
                Challenge.Purpose.CONTACT,
                "acc_1",
                null,
                Channel.SMS,
                "+12025550123",
                code.hash(),
                now.plus(Duration.ofMinutes(10)),
                0,
                false,
                now,
                1,
                ChallengeStatus.PENDING,
                now,
                now.plus(Duration.ofHours(24)),
                0));
  }

  @Test
  void theCodeIsSentOnTheChallengesChannelWithItsLifetime() {
    String code = stored(Channel.SMS, "+12025550123");

    codes.sendCode(current(), code);

    OutboundMessage sms = outbox.to("+12025550123").get(0).message();
    assertThat(sms.channel()).isEqualTo(Channel.SMS);
    assertThat(sms.code()).isEqualTo(code);
    assertThat(sms.body()).contains(code).contains("10 minutes");
  }

  @Test
  void theCallerIsToldWhereTheCodeWentWithoutTheFullDestination() {
    stored(Channel.VOICE, "+12025550123");

    CodeSent sent = codes.describe(current());

    assertThat(sent)
        .isEqualTo(
            new CodeSent(
                ID,
                Channel.VOICE,
                "+1********23",
                clock.instant().plus(Duration.ofMinutes(10)),
                clock.instant().plusSeconds(60)));
  }

  @Test
  void anEmailDestinationIsMaskedAsAnEmail() {
    stored(Channel.EMAIL, "ana@example.com");

    assertThat(codes.describe(current()).destination()).isEqualTo("a***@example.com");
  }

  @Test
  void aResendIsAllowedSixtySecondsAfterTheLastSend() {
    stored(Channel.EMAIL, "ana@example.com");
    clock.advanceBy(Duration.ofSeconds(59));

    Problem early = catchThrowableOfType(Problem.class, () -> codes.checkResendInterval(current()));
    assertThat(early.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(early.retryAfterSeconds()).isEqualTo(1);

    clock.advanceBy(Duration.ofSeconds(1));
    codes.checkResendInterval(current());
  }

  @Test
  void aDestinationGetsFiveSendsAnHourAndTheSixthIsRefusedWithTheWait() {
    for (int i = 0; i < 5; i++) {
      codes.countSend(Channel.EMAIL, "ana@example.com", null, null);
      clock.advanceBy(Duration.ofMinutes(1));
    }

    Problem refused =
        catchThrowableOfType(
            Problem.class, () -> codes.countSend(Channel.EMAIL, "ANA@example.com", null, null));

    assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(refused.retryAfterSeconds()).isEqualTo(Duration.ofMinutes(55).toSeconds());
  }

  @Test
  void onlySixDigitsAreACode() {
    for (String code : new String[] {null, "", "12345", "1234567", "12345a", " 123456", "١٢٣٤٥٦"}) {
      Problem p = catchThrowableOfType(Problem.class, () -> CodeChallenges.requireCodeShape(code));
      assertThat(p.code()).as("%s", code).isEqualTo(ErrorCode.VALIDATION_FAILED);
      assertThat(p.errors())
          .extracting(FieldError::field, FieldError::code)
          .containsExactly(tuple("code", FieldErrorCode.INVALID_CODE));
    }
    CodeChallenges.requireCodeShape("012345");
  }

  @Test
  void theRightCodeCompletesTheChallenge() {
    String code = stored(Channel.EMAIL, "ana@example.com");

    String result = verify(code, c -> "completed " + c.challengeId());

    assertThat(result).isEqualTo("completed " + ID);
  }

  @Test
  void aWrongCodeIsCountedBeforeItIsAnswered() {
    String code = stored(Channel.EMAIL, "ana@example.com");

    Problem p = catchThrowableOfType(Problem.class, () -> verify(wrong(code), c -> "done"));

    assertThat(p.code()).isEqualTo(ErrorCode.INVALID_CODE);
    assertThat(p.extensions()).containsEntry("attemptsRemaining", 4);
    assertThat(current().failedAttempts()).isEqualTo(1);
  }

  @Test
  void theWrongCodeThatUsesTheFifthTryIsAlreadyTheEndOfTheCode() {
    String code = stored(Channel.EMAIL, "ana@example.com");
    for (int i = 0; i < 4; i++) {
      catchThrowableOfType(Problem.class, () -> verify(wrong(code), c -> "done"));
    }

    Problem fifth = catchThrowableOfType(Problem.class, () -> verify(wrong(code), c -> "done"));

    assertThat(fifth.code()).isEqualTo(ErrorCode.CODE_EXPIRED);
    assertThat(current().failedAttempts()).isEqualTo(Challenge.MAX_ATTEMPTS);
    assertThat(catchThrowableOfType(Problem.class, () -> verify(code, c -> "done")).code())
        .as("even the right code after it")
        .isEqualTo(ErrorCode.CODE_EXPIRED);
  }

  @Test
  void theRightCodeOnAnotherChannelIsWrong() {
    String code = stored(Channel.EMAIL, "ana@example.com");
    Challenge onSms =
        current()
            .withNewCode(
                Channel.SMS,
                "+12025550123",
                current().codeHash(),
                clock.instant().plus(Duration.ofMinutes(10)),
                clock.instant());
    table.challenges().update(onSms);

    assertThat(catchThrowableOfType(Problem.class, () -> verify(code, c -> "done")).code())
        .isEqualTo(ErrorCode.INVALID_CODE);
  }

  @Test
  void aChallengeThatMustNeverCompleteTakesEvenTheRightCodeAsAWrongOne() {
    String code = stored(Channel.EMAIL, "ana@example.com");

    Problem p =
        catchThrowableOfType(
            Problem.class, () -> codes.verify(ID, code, c -> true, c -> true, c -> "done"));

    assertThat(p.code()).isEqualTo(ErrorCode.INVALID_CODE);
    assertThat(current().failedAttempts()).isEqualTo(1);
  }

  @Test
  void aForeignChallengeIsNotFoundAndCostsNoTry() {
    String code = stored(Channel.EMAIL, "ana@example.com");

    Problem p =
        catchThrowableOfType(
            Problem.class, () -> codes.verify(ID, code, c -> false, c -> false, c -> "done"));

    assertThat(p.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(current().failedAttempts()).isZero();
  }

  @Test
  void aMalformedOrUnknownIdIsNotFound() {
    assertThat(
            catchThrowableOfType(
                    Problem.class,
                    () -> codes.verify("../x", "123456", c -> true, c -> false, c -> "done"))
                .code())
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(
            catchThrowableOfType(
                    Problem.class,
                    () -> codes.verify(ID, "123456", c -> true, c -> false, c -> "done"))
                .code())
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(codes.find("../x")).isEmpty();
    assertThat(codes.find(ID)).isEmpty();
  }

  @Test
  void aStoredChallengeIsFoundByItsId() {
    stored(Channel.EMAIL, "ana@example.com");

    assertThat(codes.find(ID)).contains(current());
  }

  @Test
  void aGuessWhoseCompletionLostARaceIsJudgedAgainOnTheNewState() {
    String code = stored(Channel.EMAIL, "ana@example.com");
    AtomicInteger completions = new AtomicInteger();

    String result =
        verify(
            code,
            c -> {
              if (completions.incrementAndGet() == 1) {
                throw new ConcurrentModificationException("challenge");
              }
              return "completed on try " + completions.get();
            });

    assertThat(result).isEqualTo("completed on try 2");
  }

  @Test
  void aGuessThatLosesEveryRaceIsToldTheChallengeIsBusy() {
    String code = stored(Channel.EMAIL, "ana@example.com");

    Problem p =
        catchThrowableOfType(
            Problem.class,
            () ->
                verify(
                    code,
                    c -> {
                      throw new ConcurrentModificationException("challenge");
                    }));

    assertThat(p.code()).isEqualTo(ErrorCode.CONFLICT);
  }

  @Test
  void aWrongGuessWhoseWriteLostARaceIsCountedOnTheNewState() {
    String code = stored(Channel.EMAIL, "ana@example.com");
    ChallengeStore racing =
        new ChallengeStore() {
          private boolean raced;

          @Override
          public Optional<Challenge> find(String challengeId, Instant now) {
            return table.challenges().find(challengeId, now);
          }

          @Override
          public void create(Challenge challenge) {
            table.challenges().create(challenge);
          }

          @Override
          public void update(Challenge challenge) {
            if (!raced) {
              raced = true;
              // a parallel wrong guess lands first
              table.challenges().update(current().withFailedAttempt());
            }
            table.challenges().update(challenge);
          }
        };

    Problem p =
        catchThrowableOfType(
            Problem.class,
            () -> codesOn(racing).verify(ID, wrong(code), c -> true, c -> false, c -> "done"));

    assertThat(p.extensions()).containsEntry("attemptsRemaining", 3);
    assertThat(current().failedAttempts()).isEqualTo(2);
  }

  @Test
  void anExpiredCodeIsToldToAskForANewOne() {
    String code = stored(Channel.EMAIL, "ana@example.com");
    clock.advanceBy(Duration.ofMinutes(10));

    Problem p = catchThrowableOfType(Problem.class, () -> verify(code, c -> "done"));

    assertThat(p.code()).isEqualTo(ErrorCode.CODE_EXPIRED);
    assertThat(CodeChallenges.codeExpired().code()).isEqualTo(ErrorCode.CODE_EXPIRED);
  }

  @Test
  void aMalformedIdNeverReachesTheStore() {
    List<String> lookedUp = new ArrayList<>();
    ChallengeStore recording =
        new ChallengeStore() {
          @Override
          public Optional<Challenge> find(String challengeId, Instant now) {
            lookedUp.add(challengeId);
            return table.challenges().find(challengeId, now);
          }

          @Override
          public void create(Challenge challenge) {
            table.challenges().create(challenge);
          }

          @Override
          public void update(Challenge challenge) {
            table.challenges().update(challenge);
          }
        };
    CodeChallenges guarded = codesOn(recording);
    String huge = "x".repeat(2000);

    assertThat(guarded.find(huge)).isEmpty();
    assertThat(
            catchThrowableOfType(
                    Problem.class,
                    () -> guarded.verify(huge, "123456", c -> true, c -> false, c -> "done"))
                .code())
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(lookedUp).isEmpty();
  }
}
