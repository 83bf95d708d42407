package com.platform.accounts.handlers.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.idempotency.Idempotency;
import com.platform.accounts.core.ledger.LedgerEvent;
import com.platform.accounts.core.ledger.ResourceLedger;
import com.platform.accounts.core.session.Authenticator;
import com.platform.accounts.handlers.Json;
import com.platform.accounts.handlers.Priming;
import com.platform.accounts.handlers.wiring.ApiWiring;
import com.platform.accounts.handlers.wiring.LedgerWiring;

/**
 * {@code POST /internal/v1/ledger-events}: what other services report about an account's resources
 * and charges. No session: in AWS, API Gateway lets only IAM-signed callers through (the template's
 * AWS_IAM authorizer on this route). 202 with whether the event was new; a repeated event id has no
 * second effect and answers {@code "recorded": false}.
 */
public final class LedgerEventsApi extends ApiHandler {
  static final String PATH = "/internal/v1/ledger-events";

  private final ResourceLedger ledger;
  private final LedgerEventReader reader;

  /** Production: the ledger wiring (the table only). */
  public LedgerEventsApi() {
    this(
        LedgerWiring.ledger(),
        LedgerWiring.reader(),
        ApiWiring.authenticator(),
        ApiWiring.idempotency());
    Priming.register(() -> handle(Priming.apiRequest("POST", PATH, "{}"), null));
  }

  public LedgerEventsApi(
      ResourceLedger ledger,
      LedgerEventReader reader,
      Authenticator authenticator,
      Idempotency idempotency) {
    super(authenticator, idempotency);
    this.ledger = ledger;
    this.reader = reader;
    route("POST", PATH, this::record);
  }

  private ApiResponse record(ApiRequest request) {
    LedgerEvent event = reader.read(request.body());
    boolean recorded = ledger.record(event);
    ObjectNode body = Json.object();
    body.put("eventId", event.eventId());
    body.put("recorded", recorded);
    return ApiResponse.of(202, body);
  }
}
