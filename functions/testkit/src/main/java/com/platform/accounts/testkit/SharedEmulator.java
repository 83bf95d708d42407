package com.platform.accounts.testkit;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one emulator of this JVM. Starting one costs seconds, so every test class shares it; a
 * failure to get one is remembered as well, so that each later test class fails at once with the
 * same explanation instead of trying again.
 */
final class SharedEmulator {
  static final String ENDPOINT_PROPERTY = "aws.endpointUrl";
  static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL";

  private static final Duration DOCKER_PROBE_TIMEOUT = Duration.ofSeconds(10);

  /** The endpoint and a client of moto's control API on it. */
  record Running(URI endpoint, MotoApi api) {
    Running(URI endpoint) {
      this(endpoint, new MotoApi(endpoint));
    }
  }

  private static Running running;
  private static AwsEmulatorUnavailableException failure;
  private static Boolean dockerAvailable;

  private SharedEmulator() {}

  static synchronized Running get() {
    if (running != null) {
      return running;
    }
    if (failure != null) {
      // A fresh exception, so the stack trace shows this caller, with the first one as its cause.
      throw new AwsEmulatorUnavailableException(failure.getMessage(), failure);
    }
    try {
      running = new Running(start());
      return running;
    } catch (AwsEmulatorUnavailableException e) {
      failure = e;
      throw e;
    }
  }

  private static URI start() {
    Optional<URI> configured =
        configuredEndpoint(System.getProperty(ENDPOINT_PROPERTY), System.getenv(ENDPOINT_VARIABLE));
    if (configured.isPresent()) {
      return configured.get();
    }
    List<String> tried = new ArrayList<>();
    tried.add(
        "system property "
            + ENDPOINT_PROPERTY
            + " / environment variable "
            + ENDPOINT_VARIABLE
            + ": not set");
    RuntimeException cause = null;

    LocalStackContainers.Choice choice =
        LocalStackContainers.choose(
            LocalStackContainers.requested(
                System.getProperty(LocalStackContainers.SETTING_PROPERTY),
                System.getenv(LocalStackContainers.SETTING_VARIABLE)),
            System.getenv(LocalStackContainers.TOKEN_VARIABLE),
            SharedEmulator::dockerAvailable);
    if (choice.emulator() == LocalStackContainers.Emulator.LOCALSTACK) {
      try {
        return LocalStackContainers.start(System.getenv(LocalStackContainers.TOKEN_VARIABLE));
      } catch (RuntimeException e) {
        tried.add(
            "LocalStack: " + LocalStackContainers.IMAGE + " did not start: " + e.getMessage());
        cause = e;
      }
    } else if (choice.reason() != null) {
      // asked for but not possible here: say so, then run moto as on any other machine
      System.out.println("[AwsEmulator] " + choice.reason() + "; using moto");
      tried.add(choice.reason());
    }

    if (dockerAvailable()) {
      try {
        return MotoContainer.start();
      } catch (RuntimeException e) {
        // No image pull (offline, registry limits) must not hide a working venv: fall through.
        tried.add("Docker: " + MotoContainer.IMAGE + " did not start: " + e.getMessage());
        cause = e;
      }
    } else {
      tried.add("Docker: no engine answered");
    }

    Optional<Path> root = RepoRoot.find();
    if (root.isEmpty()) {
      tried.add(
          "moto from the project venv: no repository root (a folder with template.yaml, or with pom.xml"
              + " and functions/) above -Drepo.root="
              + System.getProperty("repo.root")
              + " or the working directory "
              + System.getProperty("user.dir"));
    } else {
      try {
        return MotoProcess.start(root.get());
      } catch (RuntimeException e) {
        tried.add(
            "moto from the project venv " + root.get().resolve(".venv") + ": " + e.getMessage());
        cause = e;
      }
    }
    throw new AwsEmulatorUnavailableException(unavailableMessage(tried), cause);
  }

  /** Whether a Docker engine answers; probed once, as both LocalStack and moto's image ask. */
  private static boolean dockerAvailable() {
    if (dockerAvailable == null) {
      dockerAvailable = MotoContainer.dockerAvailable(DOCKER_PROBE_TIMEOUT);
    }
    return dockerAvailable;
  }

  /**
   * The endpoint set from outside, system property first as in the AWS SDK. A value that is not an
   * http(s) URL is a mistake to report, not a reason to fall back to something else silently.
   */
  static Optional<URI> configuredEndpoint(String property, String variable) {
    String source = property != null && !property.isBlank() ? ENDPOINT_PROPERTY : ENDPOINT_VARIABLE;
    String value = property != null && !property.isBlank() ? property : variable;
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(value.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below like any other unusable value
    }
    throw new AwsEmulatorUnavailableException(
        source + "=" + value + " is not an http(s) URL such as http://127.0.0.1:5000", null);
  }

  static String unavailableMessage(List<String> tried) {
    StringBuilder message =
        new StringBuilder("No AWS emulator for the integration tests. Tried, in order:\n");
    for (int i = 0; i < tried.size(); i++) {
      message.append("  ").append(i + 1).append(". ").append(tried.get(i)).append('\n');
    }
    return message
        .append("To get one, at the repository root either:\n")
        .append(
            "  - run `infrastructure/emulator/venv.sh` (or `make venv`): it installs the pinned moto into")
        .append(" .venv, which these tests then start by themselves; or\n")
        .append(
            "  - run `make emulator` (or `infrastructure/emulator/moto.sh start 5000`), which starts moto on")
        .append(" 127.0.0.1:5000, and set AWS_ENDPOINT_URL=http://127.0.0.1:5000 (or -D")
        .append(ENDPOINT_PROPERTY)
        .append("=...).")
        .toString();
  }
}
