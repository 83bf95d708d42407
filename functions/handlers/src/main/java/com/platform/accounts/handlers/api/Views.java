package com.platform.accounts.handlers.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.VerifiedContacts;
import com.platform.accounts.core.session.SessionToken;
import com.platform.accounts.core.verification.CodeSent;
import com.platform.accounts.handlers.Json;

/** The JSON shapes of API.md, built by hand: no reflection on the cold path. */
final class Views {
  private Views() {}

  static ObjectNode codeSent(String idField, CodeSent sent) {
    ObjectNode node = Json.object();
    node.put(idField, sent.challengeId());
    node.put("channel", sent.channel().name());
    node.put("destination", sent.destination());
    node.put("codeExpiresAt", sent.codeExpiresAt().toString());
    node.put("resendAvailableAt", sent.resendAvailableAt().toString());
    return node;
  }

  static ObjectNode session(SessionToken token) {
    ObjectNode node = Json.object();
    node.put("token", token.token());
    node.put("expiresAt", token.expiresAt().toString());
    return node;
  }

  static ObjectNode verifiedContacts(VerifiedContacts contacts) {
    ObjectNode node = Json.object();
    node.put("email", contacts.email());
    node.put("phone", contacts.phone());
    return node;
  }

  static ObjectNode account(Account account) {
    ObjectNode node = Json.object();
    node.put("accountId", account.accountId());
    node.put("email", account.email());
    node.put("country", account.country());
    if (account.phone() == null) {
      node.putNull("phone");
    } else {
      node.put("phone", account.phone());
    }
    node.put("status", account.status().name());
    node.set("verifiedContacts", verifiedContacts(VerifiedContacts.of(account)));
    node.putArray("paymentMethods");
    ObjectNode capabilities = node.putObject("capabilities");
    capabilities.put("prepaid", false);
    capabilities.put("payAsYouGo", false);
    return node;
  }
}
