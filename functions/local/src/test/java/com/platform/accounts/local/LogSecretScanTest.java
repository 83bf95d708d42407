package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.slf4j.LoggerFactory;

/**
 * The scan itself: each planted class below runs through the Jupiter engine as an end-to-end class
 * would, logging through SLF4J like the runtime does, and the scan must fail exactly the classes
 * whose log holds a secret they used.
 */
class LogSecretScanTest {
  private static final String SECRET = "planted-token-7c1f0b";
  private static final String CODE = "482913";

  /** Set only by {@link #run}: the planted classes must not run on their own. */
  private static final String RUN_PLANTED = "logSecretScanTest.runPlanted";

  @Test
  void aSecretInALogLineFailsTheClassNamingItsKindAndLoggerButNotTheSecret() {
    Optional<Throwable> failure = run(LeaksASecret.class);

    assertThat(failure)
        .get()
        .isInstanceOf(AssertionError.class)
        .satisfies(
            f ->
                assertThat(f.getMessage())
                    .contains(
                        "planted token in INFO lines of " + LeaksASecret.class.getName() + ": 1")
                    .doesNotContain(SECRET));
  }

  @Test
  void aSecretInTheMessageOfALoggedExceptionIsFound() {
    assertThat(run(LeaksThroughAnException.class)).get().isInstanceOf(AssertionError.class);
  }

  @Test
  void aSecretLoggedOnAnotherThreadIsFound() {
    assertThat(run(LeaksOnAnotherThread.class)).get().isInstanceOf(AssertionError.class);
  }

  @Test
  void aClassThatKeepsItsSecretsOutOfTheLogPasses() {
    assertThat(run(KeepsItsSecrets.class)).isEmpty();
  }

  @Test
  void aCodeOnItsOwnIsALeakButTheSameDigitsInsideALongerNumberAreNot() {
    assertThat(run(LogsTheCode.class)).get().isInstanceOf(AssertionError.class);
    assertThat(run(LogsALongerNumber.class)).isEmpty();
  }

  @Test
  void aScanThatCapturedNothingFailsRatherThanPassBlind() {
    assertThat(run(LogsNothing.class))
        .get()
        .isInstanceOf(AssertionError.class)
        .satisfies(f -> assertThat(f.getMessage()).contains("no log event was captured"));
  }

  @Test
  void aSecretTooShortToTellApartFromLogTextIsRefused() {
    assertThatThrownBy(() -> new LogSecretScan().watch("code", "12345"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Runs one planted class; its test passes, so any failure is the scan's, on the class. */
  private static Optional<Throwable> run(Class<?> planted) {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter(RUN_PLANTED, "true")
            .selectors(selectClass(planted))
            .execute();
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    return results.containerEvents().failed().stream()
        .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
        .findFirst();
  }

  static boolean runByLogSecretScanTest(ExtensionContext context) {
    return context.getConfigurationParameter(RUN_PLANTED).isPresent();
  }

  @EnabledIf("com.platform.accounts.local.LogSecretScanTest#runByLogSecretScanTest")
  static class LeaksASecret {
    @RegisterExtension static final LogSecretScan LOGS = new LogSecretScan();

    @Test
    void logsTheSecret() {
      LOGS.watch("planted token", SECRET);
      LoggerFactory.getLogger(LeaksASecret.class).info("signed in with {}", SECRET);
    }
  }

  @EnabledIf("com.platform.accounts.local.LogSecretScanTest#runByLogSecretScanTest")
  static class LeaksThroughAnException {
    @RegisterExtension static final LogSecretScan LOGS = new LogSecretScan();

    @Test
    void logsAnExceptionQuotingTheSecret() {
      LOGS.watch("planted token", SECRET);
      LoggerFactory.getLogger(LeaksThroughAnException.class)
          .warn(
              "request failed",
              new IllegalStateException("wrapped", new IllegalArgumentException("bad " + SECRET)));
    }
  }

  @EnabledIf("com.platform.accounts.local.LogSecretScanTest#runByLogSecretScanTest")
  static class LeaksOnAnotherThread {
    @RegisterExtension static final LogSecretScan LOGS = new LogSecretScan();

    @Test
    void logsTheSecretFromAServerThread() throws InterruptedException {
      LOGS.watch("planted token", SECRET);
      Thread server =
          new Thread(
              () -> LoggerFactory.getLogger(LeaksOnAnotherThread.class).debug("token {}", SECRET));
      server.start();
      server.join();
    }
  }

  @EnabledIf("com.platform.accounts.local.LogSecretScanTest#runByLogSecretScanTest")
  static class KeepsItsSecrets {
    @RegisterExtension static final LogSecretScan LOGS = new LogSecretScan();

    @Test
    void logsWithoutTheSecret() {
      LOGS.watch("planted token", SECRET);
      LoggerFactory.getLogger(KeepsItsSecrets.class).info("signed in with a token");
    }
  }

  @EnabledIf("com.platform.accounts.local.LogSecretScanTest#runByLogSecretScanTest")
  static class LogsTheCode {
    @RegisterExtension static final LogSecretScan LOGS = new LogSecretScan();

    @Test
    void logsTheCode() {
      LOGS.watch("code", CODE);
      LoggerFactory.getLogger(LogsTheCode.class).info("sent code {}.", CODE);
    }
  }

  @EnabledIf("com.platform.accounts.local.LogSecretScanTest#runByLogSecretScanTest")
  static class LogsALongerNumber {
    @RegisterExtension static final LogSecretScan LOGS = new LogSecretScan();

    @Test
    void logsANumberHoldingTheCodesDigits() {
      LOGS.watch("code", CODE);
      LoggerFactory.getLogger(LogsALongerNumber.class).info("took 9{}7 ns", CODE);
    }
  }

  @EnabledIf("com.platform.accounts.local.LogSecretScanTest#runByLogSecretScanTest")
  static class LogsNothing {
    @RegisterExtension static final LogSecretScan LOGS = new LogSecretScan();

    @Test
    void logsNothing() {
      LOGS.watch("planted token", SECRET);
    }
  }
}
