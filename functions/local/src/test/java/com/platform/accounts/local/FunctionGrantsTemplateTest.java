package com.platform.accounts.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, pinned: each function carries exactly the managed policies its production wiring
 * uses, so a grant added or dropped is a deliberate change to this list. Why each has each:
 *
 * <ul>
 *   <li>{@code AccountsTableDataPolicy}: every function but the account view reads and writes the
 *       table; {@code AccountsTableReadPolicy}: the account view only reads it.
 *   <li>{@code ServiceKeysReadPolicy} (the SSM parameter of secret keys): sign-up, sessions and
 *       second verification (the code HMAC, the session signing key); payment methods, the card
 *       tasks and expire-holds (the card processor's key, the HMAC of card numbers; expire-holds
 *       also completes PayPal links); PayPal's API, webhook and tasks (PayPal's client secret, the
 *       HMAC of state and tokens); the deletion tasks and finish-deletions (final charges at the
 *       processor, PayPal agreements deleted). Not the deletion API, whose request never charges,
 *       detaches or releases, nor the contact-verification tasks, whose after-work uses no key.
 *   <li>{@code EmailSendPolicy}: codes (sign-up, second verification), the welcome and notices
 *       (contact tasks), card emails (payment methods, card tasks, expire-holds), PayPal's outcome
 *       (PayPal tasks, expire-holds' sweep), the deletion's notices (deletion tasks,
 *       finish-deletions). The PayPal API and the deletion API send none.
 *   <li>{@code PhoneMessagingPolicy}: codes by SMS or voice (sign-up, second verification), and the
 *       contact tasks' SMS to an account whose only proven contact is its phone.
 *   <li>{@code DomainEventsPublishPolicy}: only where an event is published: the contact tasks
 *       (AccountCreated, ContactVerified, EmailRemoved/AccountClosed), payment methods (a card
 *       verified), PayPal's webhook (a link revoked), PayPal's tasks and expire-holds (a link
 *       active), the deletion API (AccountDeletionRequested), the deletion tasks and
 *       finish-deletions (AccountDeleted). Not sign-up or second verification (they start the
 *       contact workflow, which publishes), nor the card tasks (which place, notify and release,
 *       publishing nothing).
 *   <li>The start policies: each only on the functions that start that state machine (the contact
 *       workflow from the requests that prove a code, the card workflow from adding a card, PayPal
 *       linking from the payer's return, the deletion from its request and from the ledger's
 *       functions when a final charge is issued). The jobs start nothing.
 * </ul>
 */
class FunctionGrantsTemplateTest {
  private static final String DATA = "AccountsTableDataPolicy";
  private static final String KEYS = "ServiceKeysReadPolicy";
  private static final String EMAIL = "EmailSendPolicy";
  private static final String PHONE = "PhoneMessagingPolicy";
  private static final String EVENTS = "DomainEventsPublishPolicy";

  private static final Map<String, List<String>> GRANTS =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry(
                  "SignupApiFunction",
                  List.of(DATA, KEYS, EMAIL, PHONE, "ContactVerificationStartPolicy")),
              Map.entry("SessionApiFunction", List.of(DATA, KEYS)),
              Map.entry("AccountApiFunction", List.of("AccountsTableReadPolicy")),
              Map.entry(
                  "AccountVerificationsApiFunction",
                  List.of(DATA, KEYS, EMAIL, PHONE, "ContactVerificationStartPolicy")),
              Map.entry(
                  "PaymentMethodsApiFunction",
                  List.of(DATA, KEYS, EMAIL, EVENTS, "CardVerificationStartPolicy")),
              Map.entry("PayPalApiFunction", List.of(DATA, KEYS, "PayPalLinkingStartPolicy")),
              Map.entry("DeletionApiFunction", List.of(DATA, EVENTS, "AccountDeletionStartPolicy")),
              Map.entry("PayPalWebhookApiFunction", List.of(DATA, KEYS, EVENTS)),
              Map.entry("LedgerEventsApiFunction", List.of(DATA, "AccountDeletionStartPolicy")),
              Map.entry("LedgerQueueFunction", List.of(DATA, "AccountDeletionStartPolicy")),
              Map.entry("ContactVerificationTasksFunction", List.of(DATA, EMAIL, PHONE, EVENTS)),
              Map.entry("CardVerificationTasksFunction", List.of(DATA, KEYS, EMAIL)),
              Map.entry("PayPalLinkingTasksFunction", List.of(DATA, KEYS, EMAIL, EVENTS)),
              Map.entry("AccountDeletionTasksFunction", List.of(DATA, KEYS, EMAIL, EVENTS)),
              Map.entry("ExpireHoldsFunction", List.of(DATA, KEYS, EMAIL, EVENTS)),
              Map.entry("FinishDeletionsFunction", List.of(DATA, KEYS, EMAIL, EVENTS))));

  @Test
  void everyFunctionHasExactlyTheManagedPoliciesItsWiringUses() throws Exception {
    JsonNode resources =
        new ObjectMapper(new YAMLFactory())
            .readTree(TestRuntimes.repoRoot().resolve("template.yaml").toFile())
            .path("Resources");
    Map<String, List<String>> found = new TreeMap<>();
    for (Map.Entry<String, JsonNode> resource : resources.properties()) {
      if (!resource.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
        continue;
      }
      List<String> policies = new ArrayList<>();
      // Jackson drops the !Ref tag: a managed policy of the template reads as its logical id
      for (JsonNode policy : resource.getValue().path("Properties").path("Policies")) {
        policies.add(policy.isTextual() ? policy.asText() : "inline " + policy);
      }
      found.put(resource.getKey(), policies);
    }

    assertThat(found).isEqualTo(GRANTS);
  }
}
