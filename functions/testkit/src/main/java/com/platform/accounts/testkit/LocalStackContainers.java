package com.platform.accounts.testkit;

import java.net.URI;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Runs LocalStack through Testcontainers' LocalStack module, for machines that have a Docker engine
 * and a LocalStack auth token (LocalStack's image refuses to start without one since March 2026).
 * Chosen only on request ({@value #SETTING_PROPERTY} / {@value #SETTING_VARIABLE} {@code
 * =localstack}): moto stays the default, and the harness's moto-specific calls (reset, Step
 * Functions execution, sent messages) need moto.
 */
final class LocalStackContainers {
  /** The emulator asked for: {@code moto} (the default) or {@code localstack}. */
  static final String SETTING_PROPERTY = "aws.emulator";

  static final String SETTING_VARIABLE = "AWS_EMULATOR";

  /** LocalStack's own name for its auth token, passed on to the container. */
  static final String TOKEN_VARIABLE = "LOCALSTACK_AUTH_TOKEN";

  /** The image, overridable with {@code -Dlocalstack.image=...}. */
  static final String IMAGE = System.getProperty("localstack.image", "localstack/localstack:4.5");

  /** What the harness runs when no endpoint is configured. */
  enum Emulator {
    MOTO,
    LOCALSTACK
  }

  /** The emulator to run and, when LocalStack was asked for but cannot run, why not. */
  record Choice(Emulator emulator, String reason) {}

  private LocalStackContainers() {}

  /**
   * The emulator asked for, system property first. An unknown name is a mistake to report, not a
   * reason to run something else silently.
   */
  static Emulator requested(String property, String variable) {
    String value = property != null && !property.isBlank() ? property : variable;
    if (value == null || value.isBlank()) {
      return Emulator.MOTO;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "moto" -> Emulator.MOTO;
      case "localstack" -> Emulator.LOCALSTACK;
      default ->
          throw new AwsEmulatorUnavailableException(
              SETTING_PROPERTY
                  + " / "
                  + SETTING_VARIABLE
                  + "="
                  + value
                  + " names no emulator: use moto (the default) or localstack",
              null);
    };
  }

  /**
   * LocalStack when it was asked for and both a Docker engine and an auth token are at hand; moto
   * otherwise, with the reason when LocalStack was asked for. The Docker probe is a supplier
   * because it can take seconds: it runs only for a LocalStack request that has a token.
   */
  static Choice choose(Emulator requested, String authToken, BooleanSupplier dockerAvailable) {
    if (requested != Emulator.LOCALSTACK) {
      return new Choice(Emulator.MOTO, null);
    }
    if (authToken == null || authToken.isBlank()) {
      return new Choice(
          Emulator.MOTO, "LocalStack asked for, but " + TOKEN_VARIABLE + " is not set");
    }
    if (!dockerAvailable.getAsBoolean()) {
      return new Choice(Emulator.MOTO, "LocalStack asked for, but no Docker engine answered");
    }
    return new Choice(Emulator.LOCALSTACK, null);
  }

  /** Starts the container and returns its endpoint; it is removed when the JVM exits. */
  static URI start(String authToken) {
    LocalStackContainer container =
        new LocalStackContainer(DockerImageName.parse(IMAGE))
            .withEnv(TOKEN_VARIABLE, authToken)
            .withStartupTimeout(MotoProcess.START_TIMEOUT);
    container.start();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(container::stop, "localstack-container-shutdown"));
    System.out.println(
        "[AwsEmulator] LocalStack container " + IMAGE + " at " + container.getEndpoint());
    return container.getEndpoint();
  }
}
