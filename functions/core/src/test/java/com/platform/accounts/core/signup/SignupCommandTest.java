package com.platform.accounts.core.signup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignupCommandTest {

  @Test
  void aPrintedSignupShowsNeitherTheContactsNorThePassword() {
    SignupCommand command =
        new SignupCommand(
            "US",
            "ana@example.com",
            "s3cret-passw0rd",
            "s3cret-passw0rd",
            true,
            "SMS",
            "+12025550123");

    assertThat(command.toString()).isEqualTo("SignupCommand[country=US, channel=SMS]");
  }
}
