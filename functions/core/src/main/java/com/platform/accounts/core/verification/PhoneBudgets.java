package com.platform.accounts.core.verification;

import com.platform.accounts.core.contact.Countries;
import com.platform.accounts.core.contact.PhoneNumbers;
import com.platform.accounts.core.crypto.Hmac;
import com.platform.accounts.core.port.Telemetry;
import com.platform.accounts.core.problem.FieldError;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What SMS and voice calls may cost: the countries they may go to, and budgets per account, per
 * client IP, per destination country and for the whole service, each a counter in the table. A send
 * over any budget is refused with 429 RATE_LIMITED that suggests the email channel, nothing is
 * sent, and a metric is counted for the alarm.
 *
 * <p>The budgets are taken narrowest first (account, client IP, country, global), so a client that
 * is over its own budget never uses up the shared ones. The shared counters are hot under load, so
 * each is split in {@link Limits#shards()} items and a send takes a random shard, whose limit is
 * the budget divided by the shard count: one write per send whatever the load, where summing every
 * shard would cost a read of each per send. A full shard sends the request to one other shard, so
 * that the budget is refused only when it is nearly spent, not when one random shard filled early.
 */
public final class PhoneBudgets {
  /** Counted whenever a shared (country or global) budget refuses a send: spend is capped. */
  public static final String SHARED_BUDGET_EXCEEDED = "PhoneSendBudgetExceeded";

  /** Counted whenever an account's or a client IP's budget refuses a send. */
  public static final String CLIENT_BUDGET_EXCEEDED = "PhoneSendClientBudgetExceeded";

  /** The most times a sign-up's resends may move its code to a number it did not use before. */
  public static final int NUMBER_SWITCHES = 2;

  /**
   * The configuration: sends per {@code window} for each budget, the shard count of the shared
   * ones, and the countries SMS and voice may reach (empty: every supported country).
   */
  public record Limits(
      int perAccount,
      int perClientIp,
      int perCountry,
      int global,
      int shards,
      Duration window,
      Set<String> countries) {
    public Limits {
      if (shards < 1 || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("phone budgets need >= 1 shard and a positive window");
      }
      countries = Set.copyOf(countries);
    }

    /** The defaults of template.yaml: generous for people, small next to an attack's volume. */
    public static Limits defaults() {
      return new Limits(10, 30, 20_000, 60_000, 10, Duration.ofHours(1), Set.of());
    }

    public boolean allows(String country) {
      return Countries.isSupported(country) && (countries.isEmpty() || countries.contains(country));
    }
  }

  private final RateLimiter limiter;
  private final Hmac hmac;
  private final Telemetry telemetry;
  private final Clock clock;
  private final Limits limits;

  public PhoneBudgets(
      RateLimiter limiter, Hmac hmac, Telemetry telemetry, Clock clock, Limits limits) {
    this.limiter = limiter;
    this.hmac = hmac;
    this.telemetry = telemetry;
    this.clock = clock;
    this.limits = limits;
  }

  /**
   * Refuses a number whose country is outside the allow-list: 400 VALIDATION_FAILED, field {@code
   * phone}, code UNSUPPORTED_COUNTRY.
   */
  public void checkCountry(String e164) {
    if (!limits.allows(PhoneNumbers.region(e164))) {
      throw Problem.validation(
          List.of(
              new FieldError(
                  "phone",
                  FieldErrorCode.UNSUPPORTED_COUNTRY,
                  "We cannot send text messages or calls to this country; verify by email.")));
    }
  }

  /**
   * Counts one SMS or call against every budget, or throws 429 RATE_LIMITED suggesting EMAIL.
   *
   * @param accountId the account asking, null for a sign-up (no account yet)
   * @param clientIp the caller's IP address, null when unknown
   */
  public void charge(String e164, String accountId, String clientIp) {
    checkCountry(e164);
    Duration window = limits.window();
    if (accountId != null) {
      refuseIfOver(
          limiter.tryAcquire("phone:account:" + accountId, limits.perAccount(), window), false);
    }
    if (clientIp != null) {
      String ip = hmac.digest("client-ip", clientIp.toLowerCase(Locale.ROOT));
      refuseIfOver(limiter.tryAcquire("phone:ip:" + ip, limits.perClientIp(), window), false);
    }
    refuseIfOver(
        takeShard("phone:country:" + PhoneNumbers.region(e164), limits.perCountry()), true);
    refuseIfOver(takeShard("phone:global", limits.global()), true);
  }

  /**
   * Counts a resend's move to a number the sign-up has not used, at most {@link #NUMBER_SWITCHES}
   * times in the sign-up's life; refused with 429 suggesting EMAIL.
   */
  public void countNumberSwitch(String signupId, Instant signupExpiresAt) {
    if (!limiter.tryCount("phone:switch:" + signupId, NUMBER_SWITCHES, signupExpiresAt)) {
      telemetry.count(CLIENT_BUDGET_EXCEEDED);
      throw Problem.rateLimited(
              Duration.between(clock.instant(), signupExpiresAt),
              "This sign-up cannot move its code to another number again; verify by email.")
          .with("suggestedChannel", Channel.EMAIL.name());
    }
  }

  private Optional<Duration> takeShard(String key, int budget) {
    int shards = Math.max(1, Math.min(limits.shards(), budget));
    int perShard = budget / shards;
    int first = ThreadLocalRandom.current().nextInt(shards);
    Optional<Duration> wait = limiter.tryAcquire(key + "#" + first, perShard, limits.window());
    if (wait.isPresent() && shards > 1) {
      wait = limiter.tryAcquire(key + "#" + (first + 1) % shards, perShard, limits.window());
    }
    return wait;
  }

  private void refuseIfOver(Optional<Duration> wait, boolean shared) {
    if (wait.isPresent()) {
      telemetry.count(shared ? SHARED_BUDGET_EXCEEDED : CLIENT_BUDGET_EXCEEDED);
      throw overBudget(wait.get()).with("suggestedChannel", Channel.EMAIL.name());
    }
  }

  private static Problem overBudget(Duration wait) {
    return Problem.rateLimited(
        wait,
        "Too many text messages or calls were requested; verify by email now, or try again later.");
  }
}
