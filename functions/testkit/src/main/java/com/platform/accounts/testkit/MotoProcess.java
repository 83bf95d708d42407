package com.platform.accounts.testkit;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/** Runs moto from the project venv as a child process of the test JVM. */
final class MotoProcess {
  static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  // A free port can be taken by someone else between probing and moto binding it; retry then.
  private static final int PORT_ATTEMPTS = 3;
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private MotoProcess() {}

  /**
   * Brings the venv up to date, starts {@code moto_server} on a free loopback port and waits until
   * it answers. The server is stopped by a shutdown hook when the JVM exits.
   *
   * @throws IllegalStateException with the reason, if moto cannot be installed or started
   */
  static URI start(Path repoRoot) {
    long began = System.nanoTime();
    ensureVenv(repoRoot);
    Path motoServer = repoRoot.resolve(".venv/bin/moto_server");
    if (!Files.isExecutable(motoServer)) {
      throw new IllegalStateException(motoServer + " is missing although venv.sh succeeded");
    }
    DockerApiStub dockerStub = DockerApiStub.start();
    try {
      for (int attempt = 1; ; attempt++) {
        long launched = System.nanoTime();
        int port = freeLoopbackPort();
        Path log = Files.createTempFile("moto-" + port + "-", ".log");
        Process process = launch(motoServer, port, log, dockerStub);
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        String failure = awaitAnswer(process, new MotoApi(endpoint), log);
        if (failure == null) {
          registerShutdown(process, dockerStub);
          System.out.printf(
              Locale.ROOT,
              "[AwsEmulator] moto from %s on %s: started in %.1f s (%.1f s with"
                  + " the venv check), log %s%n",
              repoRoot.relativize(motoServer),
              endpoint,
              seconds(launched),
              seconds(began),
              log);
          return endpoint;
        }
        if (!(failure.contains("Address already in use") && attempt < PORT_ATTEMPTS)) {
          throw new IllegalStateException(failure);
        }
      }
    } catch (IOException e) {
      dockerStub.close();
      throw new UncheckedIOException("cannot start moto: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      dockerStub.close();
      throw e;
    }
  }

  /**
   * Runs {@code infrastructure/emulator/venv.sh}, which is cheap when the venv already matches
   * requirements.txt and otherwise installs the pinned moto, so a stale venv never serves tests.
   * Its output goes through System.out, where the test runner captures it (a child writing to the
   * JVM's own stdout would corrupt surefire's channel to the forked JVM).
   */
  private static void ensureVenv(Path repoRoot) {
    Path script = repoRoot.resolve("infrastructure/emulator/venv.sh");
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException(script + " not found");
    }
    try {
      Process venv =
          new ProcessBuilder("bash", script.toString())
              .directory(repoRoot.toFile())
              .redirectErrorStream(true)
              .start();
      venv.getOutputStream().close();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(venv.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          System.out.println("[venv.sh] " + line);
        }
      }
      int exit = venv.waitFor();
      if (exit != 0) {
        throw new IllegalStateException(
            script + " failed with exit code " + exit + " (its output is above)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + script + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + script, e);
    }
  }

  private static Process launch(Path motoServer, int port, Path log, DockerApiStub dockerStub)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(motoServer.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port)))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // moto's Step Functions integrations call the other services back on MOTO_PORT.
    builder.environment().put("MOTO_PORT", Integer.toString(port));
    builder.environment().put("DOCKER_HOST", dockerStub.dockerHost());
    Process process = builder.start();
    process.getOutputStream().close(); // moto reads no input
    return process;
  }

  /** Null when moto answers; otherwise why it does not, with the end of its log. */
  private static String awaitAnswer(Process process, MotoApi api, Path log) {
    try {
      await("moto_server answering")
          .atMost(START_TIMEOUT)
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(100))
          .failFast("moto_server exited", () -> !process.isAlive())
          .until(() -> api.answers(Duration.ofSeconds(2)));
      return null;
    } catch (TerminalFailureException exited) {
      return "moto_server exited with code "
          + process.exitValue()
          + " during start-up; log "
          + log
          + ":\n"
          + tail(log);
    } catch (ConditionTimeoutException timedOut) {
      stop(process);
      return "moto_server did not answer within "
          + START_TIMEOUT.toSeconds()
          + " s; log "
          + log
          + ":\n"
          + tail(log);
    } catch (RuntimeException e) {
      // interrupted, say: no shutdown hook owns the process yet
      stop(process);
      throw e;
    }
  }

  private static void registerShutdown(Process process, DockerApiStub dockerStub) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop(process);
                  dockerStub.close();
                },
                "moto-shutdown"));
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }
}
