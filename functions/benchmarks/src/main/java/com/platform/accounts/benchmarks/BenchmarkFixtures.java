package com.platform.accounts.benchmarks;

import com.platform.accounts.aws.AwsClients;
import com.platform.accounts.aws.DynamoDbTable;
import com.platform.accounts.aws.Es256SessionIssuer;
import com.platform.accounts.aws.SsmServiceKeys;
import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.AccountStatus;
import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.crypto.PasswordHasher;
import com.platform.accounts.core.verification.Challenge;
import com.platform.accounts.core.verification.ChallengeStatus;
import com.platform.accounts.core.verification.Channel;
import com.platform.accounts.core.verification.SignupDetails;
import com.platform.accounts.handlers.wiring.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Before the cold-start runs (in a JVM of its own, not measured): makes the measured invocations do
 * their real work. Creates, on the emulator the environment names, an active account with a
 * verified email and phone and a known password, signs a session for it with the service keys, and
 * writes the sample events with that session into the output directory: {@code GET /v1/account}
 * then reads a real account, sign-in checks the right password.
 *
 * <p>Usage: {@code BenchmarkFixtures <events dir> <output dir>}
 */
public final class BenchmarkFixtures {
  static final String EMAIL = "bench@example.com";
  static final String PASSWORD = "correct horse battery staple";
  static final String CARD_TOKEN = "pm_card_visa";

  private BenchmarkFixtures() {}

  public static void main(String[] args) throws Exception {
    Path events = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    Map<String, String> env = System.getenv();
    Clock clock = Clock.systemUTC();
    AwsClients clients = AwsClients.fromEnvironment();
    DynamoDbTable table =
        new DynamoDbTable(clients.dynamoDb(), env.get(Settings.TABLE_NAME), clock);
    Account account = table.accounts().findByEmail(EMAIL).orElseGet(() -> create(table, clock));
    String token =
        new Es256SessionIssuer(
                new SsmServiceKeys(
                    clients.client(SsmClient.builder()), env.get(Settings.SECRETS_PARAMETER_NAME)),
                clock)
            .issue(account)
            .token();

    for (String name :
        new String[] {
          "AccountApiFunction-get-account.json", "PaymentMethodsApiFunction-post-cards.json"
        }) {
      Files.writeString(
          out.resolve(name),
          Files.readString(events.resolve(name))
              // stripe-mock's test payment method; the session of the account above
              .replace("tok_REPLACED_BY_TEST", CARD_TOKEN)
              .replace("REPLACED_BY_TEST", token));
    }
    // the link's pages on the frontend origin the environment names, as the function checks
    String frontend = env.getOrDefault(Settings.FRONTEND_ORIGIN, "https://console.example.com");
    Files.writeString(
        out.resolve("PayPalApiFunction-post-paypal.json"),
        Files.readString(events.resolve("PayPalApiFunction-post-paypal.json"))
            .replace("https://console.example.com", frontend)
            .replace("REPLACED_BY_TEST", token));
    Files.writeString(
        out.resolve("SessionApiFunction-post-sessions.json"),
        Files.readString(events.resolve("SessionApiFunction-post-sessions.json"))
            .replace("ana@example.com", EMAIL));
    System.out.println("account " + account.accountId() + " ready");
  }

  private static Account create(DynamoDbTable table, Clock clock) {
    Instant now = clock.instant();
    String hash = new PasswordHasher().hash(PASSWORD);
    String challengeId = Ids.next("sgn");
    Challenge challenge =
        new Challenge(
            challengeId,
            Challenge.Purpose.SIGNUP,
            null,
            new SignupDetails(EMAIL, "US", null, hash, "2026-11-01", now, false),
            Channel.EMAIL,
            EMAIL,
            "not-a-code",
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
    Challenge stored = table.challenges().find(challengeId, now).orElseThrow();
    Account account =
        new Account(
            Ids.next("acc"),
            EMAIL,
            "US",
            "+12025550123",
            hash,
            AccountStatus.ACTIVE,
            true,
            true,
            "2026-11-01",
            now,
            0,
            now,
            0);
    table.accounts().create(account, stored.verified());
    return table.accounts().find(account.accountId()).orElseThrow();
  }
}
