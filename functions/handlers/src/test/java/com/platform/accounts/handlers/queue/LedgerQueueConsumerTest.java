package com.platform.accounts.handlers.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.core.money.Money;
import com.platform.accounts.handlers.Events;
import com.platform.accounts.handlers.LedgerFixture;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class LedgerQueueConsumerTest {
  private static final String NEGATIVE =
      "{\"eventId\": \"e-1\", \"accountId\": \"%s\", \"type\": \"CHARGE_ISSUED\","
          + " \"resourceId\": \"ch-1\", \"amount\": {\"amount\": \"-3.00\", \"currency\": \"USD\"}}";
  private static final String CHARGE =
      "{\"eventId\": \"%s\", \"accountId\": \"%s\", \"type\": \"CHARGE_ISSUED\","
          + " \"resourceId\": \"ch-1\", \"amount\": {\"amount\": \"3.00\", \"currency\": \"USD\"}}";

  private final LedgerFixture f = new LedgerFixture();

  private static JsonNode failures(JsonNode answer) {
    return answer.path("batchItemFailures");
  }

  @Test
  void theSameInvalidEventIsABadRequestOnTheRouteAndAFailedItemOnTheQueue() {
    String accountId = f.accountId();
    String invalid = NEGATIVE.formatted(accountId);

    JsonNode answer = f.consume(LedgerFixture.sqs(invalid));

    assertThat(f.api.handle(LedgerFixture.post(invalid), null).getStatusCode()).isEqualTo(400);
    assertThat(failures(answer).findValuesAsText("itemIdentifier")).containsExactly("m0");
    assertThat(f.ledger.ledger(accountId).charges()).isEmpty();
  }

  @Test
  void onlyTheRefusedMessagesOfABatchAreReportedForRedelivery() {
    String accountId = f.accountId();

    JsonNode answer =
        f.consume(
            LedgerFixture.sqs(
                CHARGE.formatted("e-1", accountId),
                CHARGE.formatted("e-2", "acc_nobody"),
                "not json",
                "{\"eventId\": \"e-3\", \"accountId\": \"" + accountId + "\", \"type\": \"X\"}"));

    assertThat(failures(answer).findValuesAsText("itemIdentifier"))
        .containsExactly("m1", "m2", "m3");
    assertThat(f.ledger.ledger(accountId).outstanding()).isEqualTo(Money.usd("3.00"));
  }

  @Test
  void aValidEventDeliveredTwiceIsRecordedOnceAndAcknowledgedBothTimes() {
    String accountId = f.accountId();
    String sqs = LedgerFixture.sqs(CHARGE.formatted("e-1", accountId));

    JsonNode first = f.consume(sqs);
    JsonNode second = f.consume(sqs);

    assertThat(failures(first)).isEmpty();
    assertThat(failures(second)).isEmpty();
    assertThat(f.ledger.ledger(accountId).totalCharged()).isEqualTo(Money.usd("3.00"));
  }

  @Test
  void anEventPostedAndThenQueuedCountsOnce() {
    String accountId = f.accountId();
    String charge = CHARGE.formatted("e-9", accountId);

    assertThat(f.api.handle(LedgerFixture.post(charge), null).getStatusCode()).isEqualTo(202);
    assertThat(failures(f.consume(LedgerFixture.sqs(charge)))).isEmpty();

    assertThat(f.ledger.ledger(accountId).totalCharged()).isEqualTo(Money.usd("3.00"));
  }

  @Test
  void theSampleEventIsReadAndEachMessageAcknowledged() throws IOException {
    String accountId = f.accountId();
    String sample = Files.readString(Events.dir().resolve("LedgerQueueFunction-sqs.json"));

    JsonNode answer = f.consume(sample.replace("acc_REPLACED_BY_TEST", accountId));

    assertThat(failures(answer)).isEmpty();
    assertThat(f.ledger.ledger(accountId).outstanding()).isEqualTo(Money.usd("12.40"));
    assertThat(f.ledger.ledger(accountId).resources()).hasSize(1);
  }
}
