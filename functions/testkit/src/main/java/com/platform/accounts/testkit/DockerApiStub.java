package com.platform.accounts.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in Docker Engine API for a moto server on a machine without Docker: it answers only
 * {@code GET /version}, and every other call with an error.
 *
 * <p>Why: moto's {@code /moto-api/data.json} reads every attribute of every model, and a Lambda
 * function's {@code docker_client} attribute creates a Docker client, which asks the engine for its
 * API version. With no engine that raises, and data.json fails with HTTP 500 as soon as any Lambda
 * function exists, even with {@code "use_docker": false}. Pointing moto's {@code DOCKER_HOST} here
 * lets the client be created; it is never used to run anything when Lambda runs without Docker, and
 * if it were, the error it gets says why.
 *
 * <p>A plain socket loop on a daemon thread, rather than the JDK's HttpServer, whose dispatcher
 * thread is not a daemon and would keep the test JVM alive.
 */
final class DockerApiStub implements AutoCloseable {
  private static final String VERSION =
      "{\"ApiVersion\":\"1.44\",\"MinAPIVersion\":\"1.24\","
          + "\"Version\":\"0.0.0-stub\",\"Os\":\"linux\",\"Arch\":\"amd64\"}";
  private static final String NO_ENGINE =
      "{\"message\":\"no Docker engine: this is the account-lifecycle"
          + " testkit's stand-in, which only reports a version; run Lambda in moto without Docker\"}";

  private final ServerSocket server;

  private DockerApiStub(ServerSocket server) {
    this.server = server;
  }

  static DockerApiStub start() {
    try {
      ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      DockerApiStub stub = new DockerApiStub(server);
      Thread acceptor = new Thread(stub::serve, "docker-api-stub");
      acceptor.setDaemon(true);
      acceptor.start();
      return stub;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a loopback port for the Docker API stand-in", e);
    }
  }

  /** The value for {@code DOCKER_HOST}. */
  String dockerHost() {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket client = server.accept()) {
        client.setSoTimeout(5_000);
        answer(client);
      } catch (IOException e) {
        // a client that hung up, or the server closed: either way, on to the next or out
      }
    }
  }

  private static void answer(Socket client) throws IOException {
    BufferedReader in =
        new BufferedReader(
            new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
    String requestLine = in.readLine();
    if (requestLine == null) {
      return;
    }
    // Skip the headers; no request this stub answers successfully has a body worth reading.
    String header;
    do {
      header = in.readLine();
    } while (header != null && !header.isEmpty());
    String[] parts = requestLine.split(" ");
    String path = parts.length > 1 ? parts[1] : "";
    int query = path.indexOf('?');
    path = query >= 0 ? path.substring(0, query) : path;
    boolean version =
        parts[0].equals("GET") && (path.equals("/version") || path.matches("/v[0-9.]+/version"));
    byte[] body = (version ? VERSION : NO_ENGINE).getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + (version ? "200 OK" : "501 Not Implemented")
            + "\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: "
            + body.length
            + "\r\n"
            + "Connection: close\r\n\r\n";
    OutputStream out = client.getOutputStream();
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing a listening socket only fails if it is already closed
    }
  }
}
