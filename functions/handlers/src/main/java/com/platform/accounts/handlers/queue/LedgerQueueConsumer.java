package com.platform.accounts.handlers.queue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.ledger.ResourceLedger;
import com.platform.accounts.core.problem.FieldError;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.Priming;
import com.platform.accounts.handlers.api.LedgerEventReader;
import com.platform.accounts.handlers.wiring.LedgerWiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The ledger events queue's consumer: each message's body is one ledger event, read and recorded
 * exactly as {@code POST /internal/v1/ledger-events} does ({@link LedgerEventReader}, {@link
 * ResourceLedger}). A message whose event is refused (invalid, an unknown account) or could not be
 * recorded (a dependency failed) is answered as a batch item failure: the queue delivers it again,
 * and after its last receive moves it to the dead-letter queue. The others of the batch are
 * acknowledged. A repeated event is acknowledged and has no second effect.
 *
 * <p>The SQS event and the answer are read and written as JSON trees, like the API frame's: the
 * runtime's reflective mapping of the event classes would cost the cold start for a few fields.
 */
public final class LedgerQueueConsumer implements RequestStreamHandler {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerQueueConsumer.class);

  private final ResourceLedger ledger;
  private final LedgerEventReader reader;

  /** Production: the ledger wiring (the table only). */
  public LedgerQueueConsumer() {
    this(LedgerWiring.ledger(), LedgerWiring.reader());
    Priming.register(
        () -> consume(Json.object().set("Records", Json.MAPPER.createArrayNode().add(priming()))));
  }

  public LedgerQueueConsumer(ResourceLedger ledger, LedgerEventReader reader) {
    this.ledger = ledger;
    this.reader = reader;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = Json.MAPPER.readTree(input);
    ObjectNode answer =
        context == null
            ? consume(event)
            : PowertoolsLogging.withLogging(context, () -> consume(event));
    Json.MAPPER.writeValue(output, answer);
  }

  /**
   * Records every message of an SQS event; answers {@code {"batchItemFailures": [{"itemIdentifier":
   * messageId}]}} naming the messages to deliver again (those that failed).
   */
  public ObjectNode consume(JsonNode event) {
    List<String> failed = new ArrayList<>();
    int recorded = 0;
    int repeated = 0;
    for (JsonNode message : event.path("Records")) {
      String messageId = message.path("messageId").asText(null);
      if (messageId == null) {
        // SQS always names its messages: without the id no failure could be reported back
        throw new IllegalArgumentException("an SQS record without a messageId");
      }
      try {
        if (ledger.record(reader.read(message.path("body").asText(null)))) {
          recorded++;
        } else {
          repeated++;
        }
      } catch (Problem problem) {
        // the fields and codes only: the body is the sender's, never logged
        LOG.warn(
            "message {} refused: {} {}",
            messageId,
            problem.code(),
            problem.errors().stream()
                .map(LedgerQueueConsumer::describe)
                .collect(Collectors.joining(",")));
        failed.add(messageId);
      } catch (RuntimeException e) {
        LOG.warn("message {} not recorded: {}", messageId, e.getClass().getName());
        failed.add(messageId);
      }
    }
    if (recorded > 0 || repeated > 0 || !failed.isEmpty()) {
      LOG.info(
          "ledger events: {} recorded, {} repeated, {} failed", recorded, repeated, failed.size());
    }
    ObjectNode answer = Json.object();
    ArrayNode failures = answer.putArray("batchItemFailures");
    failed.forEach(id -> failures.addObject().put("itemIdentifier", id));
    return answer;
  }

  /** A message whose event is refused before any read: priming changes nothing. */
  private static ObjectNode priming() {
    return Json.object().put("messageId", "priming").put("body", "{}");
  }

  private static String describe(FieldError error) {
    return error.field() + ":" + error.code();
  }
}
