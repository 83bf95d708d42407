package com.platform.accounts.handlers.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.VerifiedContacts;
import com.platform.accounts.core.card.Capabilities;
import com.platform.accounts.core.card.PaymentMethod;
import com.platform.accounts.core.card.PaymentMethodStatus;
import com.platform.accounts.core.session.SessionToken;
import com.platform.accounts.core.verification.CodeSent;
import com.platform.accounts.handlers.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The JSON shapes of API.md, built by hand: no reflection on the cold path. */
final class Views {
  private Views() {}

  /** ISO-8601 in whole seconds, rounded up: a client never acts before the time it was given. */
  static String time(Instant instant) {
    Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
    return (seconds.equals(instant) ? seconds : seconds.plusSeconds(1)).toString();
  }

  static ObjectNode codeSent(String idField, CodeSent sent) {
    ObjectNode node = Json.object();
    node.put(idField, sent.challengeId());
    node.put("channel", sent.channel().name());
    node.put("destination", sent.destination());
    node.put("codeExpiresAt", time(sent.codeExpiresAt()));
    node.put("resendAvailableAt", time(sent.resendAvailableAt()));
    return node;
  }

  static ObjectNode session(SessionToken token) {
    ObjectNode node = Json.object();
    node.put("token", token.token());
    node.put("expiresAt", time(token.expiresAt()));
    return node;
  }

  static ObjectNode verifiedContacts(VerifiedContacts contacts) {
    ObjectNode node = Json.object();
    node.put("email", contacts.email());
    node.put("phone", contacts.phone());
    return node;
  }

  static ObjectNode paymentMethod(PaymentMethod pm) {
    ObjectNode node = Json.object();
    node.put("paymentMethodId", pm.paymentMethodId());
    node.put("type", pm.type().name());
    node.put("status", pm.status().name());
    if (pm.card() != null) {
      node.put("brand", pm.card().brand());
      node.put("last4", pm.card().last4());
      node.put("expMonth", pm.card().expMonth());
      node.put("expYear", pm.card().expYear());
      // absent on a card added before the name on it was kept
      if (pm.card().holderName() != null) {
        node.put("holderName", pm.card().holderName());
      }
    }
    if (pm.paypal() != null) {
      if (pm.paypal().payerEmail() != null) {
        node.put("payerEmail", pm.paypal().payerEmail());
      }
      if (pm.paypal().failureCode() != null) {
        node.put("failureCode", pm.paypal().failureCode());
      }
    }
    if (pm.status() == PaymentMethodStatus.PENDING_VERIFICATION && pm.check() != null) {
      ObjectNode verification = node.putObject("verification");
      verification.put("attemptsRemaining", pm.check().attemptsRemaining());
      verification.put("expiresAt", time(pm.check().expiresAt()));
    }
    return node;
  }

  static ObjectNode account(Account account, List<PaymentMethod> methods) {
    ObjectNode node = Json.object();
    node.put("accountId", account.accountId());
    if (account.email() == null) {
      // the address was proven by another account, which took it from this one
      node.putNull("email");
    } else {
      node.put("email", account.email());
    }
    node.put("country", account.country());
    if (account.phone() == null) {
      node.putNull("phone");
    } else {
      node.put("phone", account.phone());
    }
    node.put("status", account.status().name());
    node.set("verifiedContacts", verifiedContacts(VerifiedContacts.of(account)));
    ArrayNode list = node.putArray("paymentMethods");
    methods.forEach(pm -> list.add(paymentMethod(pm)));
    Capabilities capabilities = Capabilities.of(methods);
    node.putObject("capabilities")
        .put("prepaid", capabilities.prepaid())
        .put("payAsYouGo", capabilities.payAsYouGo());
    return node;
  }
}
