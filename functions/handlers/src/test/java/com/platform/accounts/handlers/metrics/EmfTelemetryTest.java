package com.platform.accounts.handlers.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.handlers.StandardOutput;
import org.junit.jupiter.api.Test;

class EmfTelemetryTest {

  @Test
  void aCountIsAnEmfRecordOfItsOwnInTheNamespace() {
    String out =
        StandardOutput.of(() -> new EmfTelemetry("TestNamespace").count("CardReleaseFailed"));

    assertThat(out)
        .contains("\"_aws\"")
        .contains("\"Namespace\":\"TestNamespace\"")
        .contains("\"Name\":\"CardReleaseFailed\"")
        .contains("\"CardReleaseFailed\":1.0");
  }
}
