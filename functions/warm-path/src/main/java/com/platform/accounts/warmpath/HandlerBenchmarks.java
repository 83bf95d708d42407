package com.platform.accounts.warmpath;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.card.Luhn;
import com.platform.accounts.core.port.SessionTokenIssuer;
import com.platform.accounts.core.port.SessionTokenVerifier;
import com.platform.accounts.core.session.SessionClaims;
import com.platform.accounts.core.session.SessionToken;
import com.platform.accounts.handlers.Events;
import com.platform.accounts.handlers.FakeContext;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.TestHandlers;
import com.platform.accounts.handlers.api.AccountApi;
import com.platform.accounts.handlers.api.ApiHandler;
import com.platform.accounts.handlers.api.PaymentMethodsApi;
import com.platform.accounts.handlers.api.SignupApi;
import com.platform.accounts.handlers.logging.LambdaLogging;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The warm path of three API requests: the handler as Lambda calls it (the event's JSON into its
 * stream entry, with a context, so the Powertools logging frame and the EMF metrics record run too)
 * on the core wired on in-memory ports. What is measured is the handler's own work: reading the
 * event, routing, parsing, authentication, the service, the stores' in-memory stand-ins, rendering;
 * no network, so no AWS round trip (those are counted by {@code RoundTripsIT} in
 * functions/handlers).
 *
 * <p>Each request is timed on its own (sample time), so the percentiles are those of single
 * requests. The forks run with the functions' JIT settings (template.yaml's JAVA_TOOL_OPTIONS).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 2,
    jvmArgsAppend = {"-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 3)
public class HandlerBenchmarks {
  private static final Pattern STATUS_CODE = Pattern.compile("^\\{\"statusCode\":(\\d{3}),");

  /**
   * The in-memory table keeps every item and some of its stand-ins scan them all; a fresh one every
   * so many requests keeps those scans (in the set-up) short.
   */
  private static final int REQUESTS_PER_FIXTURE = 1_000;

  /**
   * What a function has in Lambda: its context, and its JSON log lines and EMF records written to
   * standard output. They are formatted as there, then dropped: writing them is Lambda's business,
   * and they would flood the benchmark's output.
   */
  @State(Scope.Benchmark)
  public static class LambdaRuntime {
    final Context context = new FakeContext();
    private PrintStream stdout;

    @Setup(Level.Trial)
    public void logAsInLambda() {
      if (System.getenv("AWS_EMF_ENVIRONMENT") == null) {
        // without it the metrics library probes for an EC2 or agent endpoint on every flush
        throw new IllegalStateException("set AWS_EMF_ENVIRONMENT=Local to run the benchmarks");
      }
      stdout = System.out;
      System.setOut(
          new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
      LambdaLogging.install("INFO");
    }

    @TearDown(Level.Trial)
    public void restoreStdout() {
      System.setOut(stdout);
    }
  }

  /** GET /v1/account of a signed-in account with one card: the same request again and again. */
  @State(Scope.Benchmark)
  public static class AccountView {
    AccountApi api;
    byte[] event;

    /** For the controls: the session's token, its check, and the signing of a new one. */
    String token;

    Account account;
    SessionTokenIssuer tokens;
    Supplier<SessionTokenVerifier> newVerifier;

    @Setup(Level.Trial)
    public void signIn() {
      Fixture fixture = new Fixture();
      token = fixture.signedIn("ana@example.com");
      fixture.pendingCard(token, "4242424242424242");
      api = TestHandlers.accountApi(fixture.core());
      APIGatewayProxyRequestEvent request = Events.api("AccountApiFunction-get-account.json");
      request.getHeaders().put("Authorization", "Bearer " + token);
      event = lambdaEvent(request);
      account = fixture.core().authenticator().authenticate(token);
      tokens = fixture.core().ports().sessionIssuer();
      newVerifier = fixture::newSessionVerifier;
    }
  }

  /**
   * POST /v1/signups/{signupId}/verify with the right code. A code is good once, so each request
   * gets a sign-up of its own (a new email), made before it is timed; the measured path is the
   * whole success: the challenge read, the code checked, the account created, the after-work
   * started, a session signed.
   */
  @State(Scope.Thread)
  public static class PendingSignup {
    private Fixture fixture;
    private int requests;
    SignupApi api;
    byte[] event;

    @Setup(Level.Invocation)
    public void newSignup() {
      if (requests % REQUESTS_PER_FIXTURE == 0) {
        fixture = new Fixture();
        api = TestHandlers.signupApi(fixture.core());
      }
      Fixture.PendingSignup signup = fixture.pendingSignup("user" + requests + "@example.com");
      requests++;
      event =
          lambdaEvent(
              Events.api("SignupApiFunction-post-signups.json")
                  .withResource("/v1/signups/{signupId}/verify")
                  .withPath("/v1/signups/" + signup.signupId() + "/verify")
                  .withPathParameters(Map.of("signupId", signup.signupId()))
                  .withBody("{\"code\": \"" + signup.code() + "\"}"));
    }
  }

  /**
   * POST /v1/account/payment-methods/{paymentMethodId}/verify with the code from the statement. A
   * card is verified once, so each request gets a new card (a card number of its own, on the same
   * account once the previous card is removed), added before it is timed; the measured path is the
   * whole success: the card read, the code checked, the card verified, the event and the email,
   * both charges released on the processor.
   */
  @State(Scope.Thread)
  public static class PendingCard {
    private Fixture fixture;
    private int requests;
    private String token;
    private String previousCard;
    PaymentMethodsApi api;
    byte[] event;

    @Setup(Level.Invocation)
    public void newCard() {
      if (requests % REQUESTS_PER_FIXTURE == 0) {
        fixture = new Fixture();
        api = TestHandlers.paymentMethodsApi(fixture.core());
        token = fixture.signedIn("cards@example.com");
        previousCard = null;
      }
      if (previousCard != null) {
        fixture.removeCard(token, previousCard);
      }
      Fixture.PendingCard card = fixture.pendingCard(token, cardNumber(requests));
      requests++;
      previousCard = card.paymentMethodId();
      String verify = "/v1/account/payment-methods/" + card.paymentMethodId() + "/verify";
      APIGatewayProxyRequestEvent request =
          Events.api("PaymentMethodsApiFunction-post-cards.json")
              .withResource("/v1/account/payment-methods/{paymentMethodId}/verify")
              .withPath(verify)
              .withPathParameters(Map.of("paymentMethodId", card.paymentMethodId()))
              .withBody("{\"code\": \"" + card.code() + "\"}");
      request.getHeaders().put("Authorization", "Bearer " + token);
      event = lambdaEvent(request);
    }

    /** A US Visa credit card of its own for each request: the sandbox's 411111 range. */
    private static String cardNumber(int n) {
      String payload = "411111" + String.format("%09d", n);
      return payload + Luhn.checkDigit(payload);
    }
  }

  @Benchmark
  public byte[] getAccount(AccountView s, LambdaRuntime lambda) throws IOException {
    return expect(200, invoke(s.api, s.event, lambda));
  }

  @Benchmark
  public byte[] verifySignupCode(PendingSignup s, LambdaRuntime lambda) throws IOException {
    return expect(201, invoke(s.api, s.event, lambda));
  }

  @Benchmark
  public byte[] verifyCard(PendingCard s, LambdaRuntime lambda) throws IOException {
    return expect(200, invoke(s.api, s.event, lambda));
  }

  /**
   * Control: the first check of a session token by a function instance, which pays for the ES256
   * signature arithmetic (the JDK's P-256); the function remembers the token after it, so the timed
   * requests above pay it once per token and instance.
   */
  @Benchmark
  @Fork(
      value = 1,
      jvmArgsAppend = {"-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"})
  public Optional<SessionClaims> checkSessionToken(AccountView s) {
    return s.newVerifier.get().verify(s.token);
  }

  /** Control: signing a session token alone, which a proven sign-up (and a sign-in) makes. */
  @Benchmark
  @Fork(
      value = 1,
      jvmArgsAppend = {"-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"})
  public SessionToken signSessionToken(AccountView s) {
    return s.tokens.issue(s.account);
  }

  /** The event's JSON as API Gateway hands it to Lambda, made before the timer starts. */
  static byte[] lambdaEvent(APIGatewayProxyRequestEvent request) {
    try {
      return Json.MAPPER.writeValueAsBytes(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The request as Lambda makes it: the event's bytes into the function's entry. */
  private static byte[] invoke(ApiHandler api, byte[] event, LambdaRuntime lambda)
      throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream(1024);
    api.handleRequest(new ByteArrayInputStream(event), answer, lambda.context);
    return answer.toByteArray();
  }

  /** A request that failed would time an error path instead: the run stops. */
  private static byte[] expect(int status, byte[] answer) {
    // the frame writes the status first: {"statusCode":NNN,...}
    String head = new String(answer, 0, Math.min(answer.length, 20), StandardCharsets.UTF_8);
    Matcher code = STATUS_CODE.matcher(head);
    int got = code.find() ? Integer.parseInt(code.group(1)) : -1;
    if (got != status) {
      // only an error answer is shown: problem+json carries no secret, a success may (a session)
      throw new IllegalStateException(
          "expected "
              + status
              + ", got "
              + got
              + (got >= 400 ? ": " + new String(answer, StandardCharsets.UTF_8) : ""));
    }
    return answer;
  }
}
