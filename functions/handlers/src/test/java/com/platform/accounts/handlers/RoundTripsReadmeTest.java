package com.platform.accounts.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RoundTripsReadmeTest {

  @Test
  void theReadmeShowsTheRoundTripsThatTheIntegrationTestProves() throws Exception {
    String readme =
        Files.readString(Path.of(System.getProperty("repo.root", "../.."), "README.md"));

    assertThat(readme)
        .as(
            "README.md, section \"AWS round trips per operation\", must show"
                + " RoundTrips.markdown():%n%s",
            RoundTrips.markdown())
        .contains("## AWS round trips per operation")
        .contains(RoundTrips.markdown());
  }
}
