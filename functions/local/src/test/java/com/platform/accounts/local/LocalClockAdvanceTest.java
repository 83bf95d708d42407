package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /_local/clock/advance} moves the clock by at most 366 days, as its document says. */
class LocalClockAdvanceTest {
  @RegisterExtension static final LogSecretScan LOGS = new LogSecretScan();

  private LocalRuntime runtime;
  private LocalClient client;

  @BeforeEach
  void start() {
    runtime = TestRuntimes.start();
    client = new LocalClient(runtime.baseUri(), LOGS);
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"days\": 366}",
        "{\"hours\": 8784}",
        "{\"days\": 365, \"hours\": 23, \"minutes\": 59, \"seconds\": 60}"
      })
  void upTo366DaysTheClockMoves(String body) {
    LocalClient.Answer answer = client.post("/_local/clock/advance", null, body);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(runtime.clock().instant()).isEqualTo(TestRuntimes.START.plusSeconds(366L * 86400));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"minutes\": 527041}",
        "{\"days\": 366, \"seconds\": 1}",
        "{\"seconds\": 31622401}",
        "{\"days\": 9223372036854775807}",
        "{\"hours\": 9223372036854775807, \"days\": 1}"
      })
  void beyond366DaysNothingMovesAndTheAnswerIs400(String body) {
    LocalClient.Answer answer = client.post("/_local/clock/advance", null, body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(runtime.clock().instant()).isEqualTo(TestRuntimes.START);
  }
}
