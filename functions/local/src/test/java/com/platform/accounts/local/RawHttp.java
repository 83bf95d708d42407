package com.platform.accounts.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.handlers.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP/1.1 connection over a plain socket, for what an HTTP client library would not send (a
 * bad escape, a megabyte request line) or would hide (a reset, a partial answer, a body after a
 * HEAD). The request is written on its own thread while the answer is read, as a client that sends
 * its whole body before reading would see it.
 */
final class RawHttp implements AutoCloseable {
  /** An answer as it came over the wire; {@code body} is exactly what followed the headers. */
  record Answer(int status, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawHttp(URI base) throws IOException {
    socket = new Socket(base.getHost(), base.getPort());
    socket.setSoTimeout(20_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /**
   * Sends {@code head} (the request line and headers, without the blank line) and {@code body}, and
   * reads the answer: its headers and then as many bytes as its Content-Length says, none for a
   * HEAD. Fails if the connection is reset, the answer is cut short, or the server did not read the
   * request whole.
   */
  Answer exchange(String head, byte[] body) throws Exception {
    return exchange(head, body, true);
  }

  Answer exchange(String head) throws Exception {
    return exchange(head, new byte[0], true);
  }

  /**
   * Like {@link #exchange(String)}, for a request the server may refuse to read on (a request line
   * or headers over its limit): only the answer must arrive whole.
   */
  Answer refused(String head) throws Exception {
    return exchange(head, new byte[0], false);
  }

  private Answer exchange(String head, byte[] body, boolean readWhole) throws Exception {
    byte[] start = (head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    CompletableFuture<Void> sent =
        CompletableFuture.runAsync(
            () -> {
              try {
                out.write(start);
                out.write(body);
                out.flush();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    Answer answer = read(head.startsWith("HEAD "));
    try {
      sent.get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (readWhole) {
        throw new AssertionError("the request was not read whole: " + e.getCause(), e);
      }
    } catch (TimeoutException e) {
      throw new AssertionError("the request was not read whole", e);
    }
    return answer;
  }

  private Answer read(boolean head) throws IOException {
    ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the connection closed before an answer");
      }
      headBytes.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String[] lines = headBytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
    }
    String length = headers.get("content-length");
    byte[] body = head || length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
    if (length != null && !head && body.length != Integer.parseInt(length)) {
      throw new IOException("the answer's body was cut short");
    }
    return new Answer(status, headers, body);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
