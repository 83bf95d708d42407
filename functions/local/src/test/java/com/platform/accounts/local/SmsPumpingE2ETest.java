package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.core.verification.PhoneBudgets;
import com.platform.accounts.handlers.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An SMS-pumping run against the local runtime: many sign-ups by SMS to many numbers of one
 * country, first from one client address, then from many (each a different loopback address, which
 * the runtime passes on as API Gateway's {@code sourceIp}). The SMS in the outbox stop at the
 * per-IP and then at the per-country budget, every refused sign-up is a 429 with Retry-After that
 * suggests email, and an email sign-up still goes through.
 */
class SmsPumpingE2ETest {
  private static final String PASSWORD = "correct horse battery staple";
  private static final int PER_IP = 5;
  private static final int PER_COUNTRY = 12;

  @RegisterExtension static final LogSecretScan LOGS = new LogSecretScan();

  static LocalRuntime runtime;
  static int phones = 300;

  @BeforeAll
  static void start() {
    runtime =
        LocalRuntime.builder(TestRuntimes.repoRoot())
            .clock(new ManualClock(TestRuntimes.START))
            .phoneBudgets(
                new PhoneBudgets.Limits(
                    100, PER_IP, PER_COUNTRY, 1_000, 2, Duration.ofHours(1), Set.of()))
            .start();
    LOGS.watch("password", PASSWORD);
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  /** An answer over a connection made from {@code clientAddress} (127.x.y.z). */
  record Answer(int status, String retryAfter, JsonNode body) {}

  private static Answer postFrom(String clientAddress, String path, ObjectNode json) {
    byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
    int port = runtime.baseUri().getPort();
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(clientAddress), 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: 127.0.0.1:"
              + port
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + body.length
              + "\r\nConnection: close\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Answer parse(byte[] raw) throws IOException {
    String text = new String(raw, StandardCharsets.UTF_8);
    int split = text.indexOf("\r\n\r\n");
    String[] lines = text.substring(0, split).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    String retryAfter = null;
    boolean chunked = false;
    for (String line : lines) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("retry-after:")) {
        retryAfter = line.substring(line.indexOf(':') + 1).strip();
      }
      chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
    }
    String payload = text.substring(split + 4);
    if (chunked) {
      payload = unchunk(payload);
    }
    return new Answer(
        status, retryAfter, payload.isBlank() ? Json.object() : Json.MAPPER.readTree(payload));
  }

  private static String unchunk(String chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = new ByteArrayInputStream(chunked.getBytes(StandardCharsets.UTF_8));
    try {
      while (true) {
        StringBuilder size = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
          size.append((char) c);
        }
        in.read();
        int length = Integer.parseInt(size.toString().strip(), 16);
        if (length == 0) {
          return out.toString(StandardCharsets.UTF_8);
        }
        out.write(in.readNBytes(length));
        in.skip(2);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode smsSignup(String phone) {
    return Json.object()
        .put("country", "US")
        .put("email", "pump" + phone.substring(1) + "@example.com")
        .put("password", PASSWORD)
        .put("passwordConfirmation", PASSWORD)
        .put("termsAccepted", true)
        .put("verificationChannel", "SMS")
        .put("phone", phone);
  }

  private static String nextPhone() {
    return "+1202555" + String.format(Locale.ROOT, "%04d", phones++);
  }

  private static long smsSent() {
    return runtime.outbox().all().stream().filter(s -> s.message().channel().provesPhone()).count();
  }

  private static void assertSuggestsEmail(Answer answer) {
    assertThat(answer.status()).isEqualTo(429);
    assertThat(Long.parseLong(answer.retryAfter())).isPositive();
    assertThat(answer.body().path("code").asText()).isEqualTo("RATE_LIMITED");
    assertThat(answer.body().path("suggestedChannel").asText()).isEqualTo("EMAIL");
  }

  @Test
  void pumpingSmsFromOneAndThenManyAddressesStopsAtTheBudgetsAndSuggestsEmail() {
    int created = 0;
    for (int i = 0; i < 3 * PER_IP; i++) {
      Answer answer = postFrom("127.0.0.1", "/v1/signups", smsSignup(nextPhone()));
      if (answer.status() == 201) {
        created++;
      } else {
        assertSuggestsEmail(answer);
      }
    }
    assertThat(created).as("sign-ups by SMS from one address").isEqualTo(PER_IP);
    assertThat(smsSent()).isEqualTo(PER_IP);

    for (int i = 0; i < 3 * PER_COUNTRY; i++) {
      Answer answer = postFrom("127.0.1." + (i + 1), "/v1/signups", smsSignup(nextPhone()));
      if (answer.status() == 201) {
        created++;
      } else {
        assertSuggestsEmail(answer);
      }
    }
    assertThat(created).as("sign-ups by SMS to the country in all").isEqualTo(PER_COUNTRY);
    assertThat(smsSent()).as("SMS in the outbox").isEqualTo(PER_COUNTRY);

    ObjectNode byEmail = smsSignup(nextPhone()).put("verificationChannel", "EMAIL");
    Answer email = postFrom("127.0.2.1", "/v1/signups", byEmail);
    assertThat(email.status()).isEqualTo(201);
    assertThat(runtime.outbox().to(byEmail.path("email").asText())).hasSize(1);
    assertThat(smsSent()).isEqualTo(PER_COUNTRY);
  }
}
