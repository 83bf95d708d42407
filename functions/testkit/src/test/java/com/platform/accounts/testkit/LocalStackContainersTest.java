package com.platform.accounts.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.testkit.LocalStackContainers.Choice;
import com.platform.accounts.testkit.LocalStackContainers.Emulator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class LocalStackContainersTest {
  private static final BooleanSupplier DOCKER = () -> true;
  private static final BooleanSupplier NO_DOCKER = () -> false;

  @Test
  void motoIsTheDefaultAndTheSystemPropertyWinsOverTheEnvironment() {
    assertThat(LocalStackContainers.requested(null, null)).isEqualTo(Emulator.MOTO);
    assertThat(LocalStackContainers.requested(" ", "")).isEqualTo(Emulator.MOTO);
    assertThat(LocalStackContainers.requested(null, "LocalStack")).isEqualTo(Emulator.LOCALSTACK);
    assertThat(LocalStackContainers.requested("moto", "localstack")).isEqualTo(Emulator.MOTO);
    assertThat(LocalStackContainers.requested("localstack", "moto")).isEqualTo(Emulator.LOCALSTACK);
  }

  @Test
  void anUnknownEmulatorNameIsReportedNotIgnored() {
    assertThatThrownBy(() -> LocalStackContainers.requested(null, "dynalite"))
        .isInstanceOf(AwsEmulatorUnavailableException.class)
        .hasMessageContaining("AWS_EMULATOR=dynalite")
        .hasMessageContaining("moto (the default) or localstack");
  }

  @Test
  void localStackRunsOnlyWhenAskedForWithATokenAndADockerEngine() {
    assertThat(LocalStackContainers.choose(Emulator.LOCALSTACK, "ls-token", DOCKER))
        .isEqualTo(new Choice(Emulator.LOCALSTACK, null));
  }

  @Test
  void withoutATokenOrWithoutDockerMotoRunsAndTheReasonIsGiven() {
    assertThat(LocalStackContainers.choose(Emulator.LOCALSTACK, null, DOCKER))
        .isEqualTo(
            new Choice(
                Emulator.MOTO, "LocalStack asked for, but LOCALSTACK_AUTH_TOKEN is not set"));
    assertThat(LocalStackContainers.choose(Emulator.LOCALSTACK, " ", DOCKER).emulator())
        .isEqualTo(Emulator.MOTO);
    assertThat(LocalStackContainers.choose(Emulator.LOCALSTACK, "ls-token", NO_DOCKER))
        .isEqualTo(
            new Choice(Emulator.MOTO, "LocalStack asked for, but no Docker engine answered"));
  }

  @Test
  void aTokenAndDockerAloneDoNotSwitchAwayFromMotoNorProbeDocker() {
    AtomicInteger probes = new AtomicInteger();
    BooleanSupplier counted =
        () -> {
          probes.incrementAndGet();
          return true;
        };

    assertThat(LocalStackContainers.choose(Emulator.MOTO, "ls-token", counted))
        .isEqualTo(new Choice(Emulator.MOTO, null));
    assertThat(probes).hasValue(0);
  }
}
