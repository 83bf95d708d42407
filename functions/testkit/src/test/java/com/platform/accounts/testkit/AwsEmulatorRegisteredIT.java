package com.platform.accounts.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The other way to use the harness: a registered instance, usable from the test's own code. */
class AwsEmulatorRegisteredIT {
  @RegisterExtension static AwsEmulator aws = new AwsEmulator();

  @Test
  void sharesOneRunningEmulatorPerJvm() {
    AwsEmulator another = new AwsEmulator();

    assertThat(aws.endpoint()).isEqualTo(another.endpoint());
    assertThat(aws.endpoint().getScheme()).isEqualTo("http");
    assertThat(aws.state().isObject()).isTrue();
  }
}
