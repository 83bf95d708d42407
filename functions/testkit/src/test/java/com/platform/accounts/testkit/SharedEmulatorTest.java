package com.platform.accounts.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedEmulatorTest {

  @Test
  void systemPropertyWinsOverEnvironmentLikeInTheAwsSdk() {
    assertThat(SharedEmulator.configuredEndpoint("http://127.0.0.1:4000", "http://127.0.0.1:5000"))
        .contains(URI.create("http://127.0.0.1:4000"));
    assertThat(SharedEmulator.configuredEndpoint(" ", "http://127.0.0.1:5000"))
        .contains(URI.create("http://127.0.0.1:5000"));
    assertThat(SharedEmulator.configuredEndpoint(null, null)).isEmpty();
    assertThat(SharedEmulator.configuredEndpoint("", "")).isEmpty();
  }

  @Test
  void anEndpointThatIsNotAnHttpUrlIsReportedNotIgnored() {
    assertThatThrownBy(() -> SharedEmulator.configuredEndpoint(null, "127.0.0.1:5000"))
        .isInstanceOf(AwsEmulatorUnavailableException.class)
        .hasMessageContaining("AWS_ENDPOINT_URL=127.0.0.1:5000");
    assertThatThrownBy(() -> SharedEmulator.configuredEndpoint("ftp://host", null))
        .isInstanceOf(AwsEmulatorUnavailableException.class)
        .hasMessageContaining("aws.endpointUrl=ftp://host");
  }

  @Test
  void theUnavailableMessageListsWhatWasTriedAndHowToGetAnEmulator() {
    String message = SharedEmulator.unavailableMessage(List.of("first: no", "second: no"));

    assertThat(message)
        .contains("1. first: no", "2. second: no")
        .contains("make emulator", "infrastructure/emulator/venv.sh", "AWS_ENDPOINT_URL=");
  }
}
