package com.platform.accounts.testkit;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/** Runs moto as a container, for machines that have a Docker engine. */
final class MotoContainer {
  /** Keep in step with moto's pin in infrastructure/emulator/requirements.txt. */
  static final String IMAGE = "motoserver/moto:5.2.5";

  private static final int PORT = 5000;

  private MotoContainer() {}

  /**
   * Whether a Docker engine answers. Testcontainers' own check swallows its errors, but probing
   * every client strategy can be slow on a machine without Docker, so it gets a deadline; any
   * failure, even Testcontainers missing from the class path, means "no".
   */
  static boolean dockerAvailable(Duration timeout) {
    FutureTask<Boolean> probe =
        new FutureTask<>(() -> DockerClientFactory.instance().isDockerAvailable());
    Thread thread = new Thread(probe, "docker-probe");
    thread.setDaemon(true); // an engine that never answers must not keep the JVM alive
    thread.start();
    try {
      return probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      probe.cancel(true);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Starts the container and returns its endpoint; it is removed when the JVM exits. */
  static URI start() {
    GenericContainer<?> container =
        new GenericContainer<>(DockerImageName.parse(IMAGE))
            .withExposedPorts(PORT)
            // moto's Step Functions integrations call the other services back on MOTO_PORT, which
            // inside the container is the unmapped port.
            .withEnv("MOTO_PORT", Integer.toString(PORT))
            // moto's data.json fails once a Lambda function exists unless moto can reach a Docker
            // engine (see DockerApiStub); the engine running this container is at hand.
            .withFileSystemBind(
                DockerClientFactory.instance().getRemoteDockerUnixSocketPath(),
                "/var/run/docker.sock")
            .waitingFor(
                Wait.forHttp("/moto-api/")
                    .forStatusCode(200)
                    .withStartupTimeout(MotoProcess.START_TIMEOUT));
    container.start();
    // Testcontainers' reaper removes the container too, unless it is disabled; stop it either way.
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "moto-container-shutdown"));
    System.out.println(
        "[AwsEmulator] moto container " + IMAGE + " on port " + container.getMappedPort(PORT));
    return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(PORT));
  }
}
