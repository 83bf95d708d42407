package com.platform.accounts.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.platform.accounts.core.card.CardDeclinedException;
import com.platform.accounts.core.money.Money;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Stripe adapter against stripe-mock, Stripe's own mock of its API: it checks every request
 * against Stripe's OpenAPI document and refuses a request Stripe would refuse (a 400 {@code
 * invalid_request_error}). It is not stateful, it answers with fixture objects (a PaymentIntent in
 * {@code requires_payment_method}, a PaymentMethod attached to no Customer), so these tests assert
 * that every request the adapter makes is accepted, not what the card's outcome is.
 *
 * <p>The binary comes from, in this order: {@code -Dstripe-mock.binary} or {@code STRIPE_MOCK};
 * {@code .venv/bin/stripe-mock-}{@value #VERSION} (what {@code infrastructure/benchmarks/
 * stripe-mock.sh} installs, and {@code make test} runs it first); {@code stripe-mock} on the PATH;
 * {@code $GOPATH/bin} (default {@code ~/go/bin}). Without one the tests are skipped, saying so.
 */
class StripeMockIT {
  /** Keep in step with infrastructure/benchmarks/stripe-mock.sh. */
  static final String VERSION = "v0.203.0";

  private static final Pattern LISTENING =
      Pattern.compile("Listening for HTTP at address: (\\S+:\\d+)");
  private static final Pattern REQUEST = Pattern.compile("^Request: (\\w+ \\S+)");
  private static final Pattern CREATED_ID = Pattern.compile("pm_[A-Za-z0-9]{12,}");
  private static final Pattern RESPONSE = Pattern.compile("^Response: .*status=(\\d+)");

  private static Process stripeMock;
  private static URI apiBase;
  private static final List<String> LOG = new ArrayList<>();

  private StripeCardProcessor processor;
  private int logStart;

  @BeforeAll
  static void startStripeMock() throws Exception {
    Optional<Path> binary = binary();
    Assumptions.assumeTrue(
        binary.isPresent(),
        "stripe-mock not found: run `bash infrastructure/benchmarks/stripe-mock.sh` (needs Go; make"
            + " test runs it), or put stripe-mock on the PATH");
    // Both listeners on loopback ports of the system's choosing: parallel builds never collide.
    stripeMock =
        new ProcessBuilder(
                binary.get().toString(), "-http-addr", "127.0.0.1:", "-https-addr", "127.0.0.1:")
            .redirectErrorStream(true)
            .start();
    CompletableFuture<String> address = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(stripeMock.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  Matcher listening = LISTENING.matcher(line);
                  if (listening.find()) {
                    address.complete(listening.group(1));
                  }
                  synchronized (LOG) {
                    LOG.add(line);
                  }
                }
              } catch (IOException e) {
                address.completeExceptionally(e);
              }
              address.completeExceptionally(new IOException("stripe-mock exited: " + log()));
            },
            "stripe-mock-log");
    reader.setDaemon(true);
    reader.start();
    try {
      apiBase = URI.create("http://" + address.get(30, TimeUnit.SECONDS));
    } catch (ExecutionException | TimeoutException e) {
      stripeMock.destroy();
      throw new IllegalStateException("stripe-mock did not start: " + log(), e);
    }
  }

  @AfterAll
  static void stopStripeMock() throws InterruptedException {
    if (stripeMock != null) {
      stripeMock.destroy();
      stripeMock.waitFor(10, TimeUnit.SECONDS);
    }
  }

  static Optional<Path> binary() {
    List<Path> candidates = new ArrayList<>();
    Stream.of(System.getProperty("stripe-mock.binary"), System.getenv("STRIPE_MOCK"))
        .filter(value -> value != null && !value.isBlank())
        .forEach(value -> candidates.add(Path.of(value)));
    Path root = Path.of(System.getProperty("repo.root", "../.."));
    candidates.add(root.resolve(".venv/bin/stripe-mock-" + VERSION));
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isBlank()) {
          candidates.add(Path.of(dir, "stripe-mock"));
        }
      }
    }
    String gopath = System.getenv("GOPATH");
    candidates.add(
        gopath != null && !gopath.isBlank()
            ? Path.of(gopath.split(File.pathSeparator)[0], "bin", "stripe-mock")
            : Path.of(System.getProperty("user.home"), "go", "bin", "stripe-mock"));
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  private static String log() {
    synchronized (LOG) {
      return String.join("\n", LOG);
    }
  }

  /** The requests stripe-mock logged since this test began, each with its answer's status. */
  private List<String> answered() throws InterruptedException {
    // stripe-mock logs a request's answer after sending it: wait for the line of the last one
    Thread.sleep(200);
    List<String> answered = new ArrayList<>();
    synchronized (LOG) {
      String request = null;
      for (String line : LOG.subList(logStart, LOG.size())) {
        Matcher req = REQUEST.matcher(line);
        Matcher res = RESPONSE.matcher(line);
        if (req.find()) {
          // the id of a PaymentMethod stripe-mock just created is new each time
          request = CREATED_ID.matcher(req.group(1)).replaceAll("pm_{created}");
        } else if (res.find()) {
          answered.add(request + " -> " + res.group(1));
        }
      }
    }
    return answered;
  }

  @BeforeEach
  void newProcessor() {
    processor = new StripeCardProcessor("sk_test_stripeMock", apiBase, Duration.ofSeconds(10));
    synchronized (LOG) {
      logStart = LOG.size();
    }
  }

  /** A card decline is stripe-mock's fixture speaking; anything else thrown is a failure. */
  private static void acceptingFixtureDeclines(Runnable call) {
    Throwable thrown = catchThrowable(call::run);
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(CardDeclinedException.class);
    }
  }

  @Test
  void describeOfAPaymentMethodAndOfALegacyTokenIsAccepted() throws InterruptedException {
    assertThat(processor.describe("pm_card_visa").last4()).isNotBlank();
    assertThat(processor.describe("tok_visa").last4()).isNotBlank();

    assertThat(answered())
        .containsExactly(
            "GET /v1/payment_methods/pm_card_visa -> 200", "POST /v1/payment_methods -> 200");
  }

  @Test
  void theHoldAndTheMicrochargeAreAccepted() throws InterruptedException {
    acceptingFixtureDeclines(
        () -> processor.authorizeHold("tok_visa", Money.usd("1.00"), "INTL*ACMECLOUD", "hold-1"));
    acceptingFixtureDeclines(
        () -> processor.charge("pm_card_visa", Money.usd("0.57"), "INTL123456*ACMECLOUD", "mc-1"));

    assertThat(answered())
        .containsExactly(
            // the hold: the token's PaymentMethod, attached to a Customer of its own, then paid
            "POST /v1/payment_methods -> 200",
            "GET /v1/payment_methods/pm_{created} -> 200",
            "POST /v1/customers -> 200",
            "POST /v1/payment_methods/pm_{created}/attach -> 200",
            "POST /v1/payment_intents -> 200",
            // the microcharge on a PaymentMethod id
            "GET /v1/payment_methods/pm_card_visa -> 200",
            "POST /v1/customers -> 200",
            "POST /v1/payment_methods/pm_card_visa/attach -> 200",
            "POST /v1/payment_intents -> 200");
  }

  @Test
  void theSearchForALostChargeIsAccepted() throws InterruptedException {
    processor.findCharge("card-verification:mc-1");

    assertThat(answered()).containsExactly("GET /v1/payment_intents/search -> 200");
  }

  @Test
  void theReleaseOfAHoldAndTheRefundOfAMicrochargeAreAccepted() throws InterruptedException {
    processor.voidHold("pi_3MtwBwLkdIwHu7ix28a3tqPa", "void-1");
    processor.refund("pi_3MtwCxLkdIwHu7ix0Fh3yQ2b", "refund-1");

    assertThat(answered())
        .containsExactly(
            "POST /v1/payment_intents/pi_3MtwBwLkdIwHu7ix28a3tqPa/cancel -> 200",
            "POST /v1/refunds -> 200");
  }

  @Test
  void theMerchantInitiatedChargeAndTheDetachAreAccepted() throws InterruptedException {
    // stripe-mock's PaymentMethod is attached to no Customer, so the adapter stops before the
    // off-session PaymentIntent (a detached card is declined); its look-up is what runs here.
    acceptingFixtureDeclines(
        () -> processor.chargeMerchantInitiated("pm_card_visa", Money.usd("12.00"), "final-1"));
    processor.detach("pm_card_visa");

    assertThat(answered())
        .containsExactly(
            "GET /v1/payment_methods/pm_card_visa -> 200",
            "POST /v1/payment_methods/pm_card_visa/detach -> 200");
  }
}
