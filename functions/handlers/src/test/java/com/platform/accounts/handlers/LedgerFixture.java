package com.platform.accounts.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.ledger.ResourceLedger;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.signup.SignupCommand;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.core.verification.CodeSent;
import com.platform.accounts.handlers.api.LedgerEventsApi;
import com.platform.accounts.handlers.queue.LedgerQueueConsumer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Both ways into the resource ledger on one in-memory core: the internal route and the queue's
 * consumer, each fed the sample events of {@code events/} with the body replaced.
 */
public final class LedgerFixture {
  private static final AtomicInteger EMAILS = new AtomicInteger();
  private static final String PASSWORD = "correct horse battery staple";

  public final TestLifecycle t = new TestLifecycle();
  public final ResourceLedger ledger = new ResourceLedger(t.table.accounts(), t.table.ledger());
  public final LedgerEventsApi api = TestHandlers.ledgerEventsApi(t.lifecycle, ledger, t.clock);
  public final LedgerQueueConsumer queue = TestHandlers.ledgerQueueConsumer(ledger, t.clock);

  /** A signed-up account's id. */
  public String accountId() {
    String email = "ledger" + EMAILS.incrementAndGet() + "@example.com";
    CodeSent sent =
        t.lifecycle
            .signups()
            .start(
                new SignupCommand("US", email, PASSWORD, PASSWORD, true, null, null),
                new Validation());
    return t.lifecycle.signups().verify(sent.challengeId(), t.lastCode(email)).accountId();
  }

  /** The sample POST with this body. */
  public static APIGatewayProxyRequestEvent post(String body) {
    return Events.api("LedgerEventsApiFunction-post-ledger-event.json").withBody(body);
  }

  /** The sample SQS event with these bodies, one message each (message ids m0, m1, ...). */
  public static String sqs(String... bodies) {
    try {
      ObjectNode event =
          (ObjectNode)
              Json.MAPPER.readTree(
                  Files.readString(Events.dir().resolve("LedgerQueueFunction-sqs.json")));
      ArrayNode records = (ArrayNode) event.get("Records");
      ObjectNode template = (ObjectNode) records.get(0);
      records.removeAll();
      for (int i = 0; i < bodies.length; i++) {
        records.add(template.deepCopy().put("messageId", "m" + i).put("body", bodies[i]));
      }
      return Json.MAPPER.writeValueAsString(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The consumer's answer to an SQS event, through its Lambda entry. */
  public JsonNode consume(String sqsEvent) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      queue.handleRequest(
          new ByteArrayInputStream(sqsEvent.getBytes(StandardCharsets.UTF_8)), out, null);
      return Json.MAPPER.readTree(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
