package com.platform.accounts.core.idempotency;

/** A response as the idempotency mechanism keeps it: status, headers as a JSON object, body. */
public record StoredResponse(int status, String headersJson, String body) {}
