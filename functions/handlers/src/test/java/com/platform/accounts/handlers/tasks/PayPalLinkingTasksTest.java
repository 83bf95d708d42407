package com.platform.accounts.handlers.tasks;

import static com.platform.accounts.handlers.PayPalFlow.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.platform.accounts.core.memory.InMemoryOutbox;
import com.platform.accounts.core.memory.SandboxPayPal;
import com.platform.accounts.core.paypal.NotReturnedException;
import com.platform.accounts.core.support.TestLifecycle;
import com.platform.accounts.handlers.Events;
import com.platform.accounts.handlers.PayPalFlow;
import com.platform.accounts.handlers.TestHandlers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PayPalLinkingTasksTest {
  private static final String EMAIL = "ana@example.com";

  private final TestLifecycle t = new TestLifecycle();
  private final PayPalFlow flow = new PayPalFlow(t);
  private final PayPalLinkingTasks tasks = TestHandlers.payPalLinkingTasks(t.lifecycle);
  private String session;
  private String paymentMethodId;
  private String approvalUrl;

  @BeforeEach
  void startALink() {
    session = flow.signUp(EMAIL);
    JsonNode started = json(flow.link(session));
    paymentMethodId = started.path("paymentMethodId").asText();
    approvalUrl = started.path("approvalUrl").asText();
  }

  private Map<String, Object> event(String name) {
    Map<String, Object> input =
        new HashMap<>(Events.task("PayPalLinkingTasksFunction-" + name + ".json"));
    input.put("accountId", flow.accountId(session));
    input.put("paymentMethodId", paymentMethodId);
    return input;
  }

  private List<InMemoryOutbox.Sent> linkedEmails() {
    return t.outbox.to(EMAIL).stream()
        .filter(s -> "PayPal is linked to your account".equals(s.message().subject()))
        .toList();
  }

  @Test
  void afterPayPalWasDownDuringTheReturnTheWorkflowCompletesTheLinkAndEmailsTheOwnerOnce() {
    String back = flow.atPayPal(approvalUrl, true, true);
    t.paypal.failNext(SandboxPayPal.Fault.UNAVAILABLE_BEFORE);
    assertThat(flow.returnTo(back).getHeaders().get("Location"))
        .endsWith("status=PENDING_APPROVAL");

    Map<String, Object> completed = tasks.handleRequest(event("complete"), null);
    tasks.handleRequest(event("notify"), null);
    tasks.handleRequest(event("notify"), null);

    assertThat(completed).containsEntry("status", "ACTIVE");
    assertThat(flow.method(session, paymentMethodId).path("status").asText()).isEqualTo("ACTIVE");
    assertThat(linkedEmails()).hasSize(1);
    assertThat(linkedEmails().get(0).message().body()).contains("payer@paypal.example");
    assertThat(flow.account(session).path("capabilities").path("prepaid").asBoolean()).isTrue();
    assertThat(t.events.all()).filteredOn(e -> e.type().equals("PaymentMethodVerified")).hasSize(1);
  }

  @Test
  void completingAgainAfterTheReturnCompletedIsANoOpWithTheSameToken() {
    flow.returnTo(flow.atPayPal(approvalUrl, true, true));
    String token = flow.paymentToken(session, paymentMethodId);

    assertThat(tasks.handleRequest(event("complete"), null)).containsEntry("status", "ACTIVE");

    assertThat(flow.paymentToken(session, paymentMethodId)).isEqualTo(token);
    assertThat(t.paypal.paymentTokenCount()).isEqualTo(1);
  }

  @Test
  void payPalStillDownFailsTheTaskAsTransientForTheStateMachineToRetry() {
    String back = flow.atPayPal(approvalUrl, true, true);
    t.paypal.failNext(SandboxPayPal.Fault.UNAVAILABLE_BEFORE);
    flow.returnTo(back);
    t.paypal.failNext(SandboxPayPal.Fault.UNAVAILABLE_BEFORE);

    assertThatThrownBy(() -> tasks.handleRequest(event("complete"), null))
        .isInstanceOf(TransientTaskFailure.class);
    assertThat(flow.method(session, paymentMethodId).path("status").asText())
        .isEqualTo("PENDING_APPROVAL");
  }

  @Test
  void aLinkThePayerHasNotComeBackToIsThrownForTheStateMachineToWaitOn() {
    assertThatThrownBy(() -> tasks.handleRequest(event("complete"), null))
        .isInstanceOf(NotReturnedException.class);
  }

  @Test
  void anUnverifiedPayerIsEmailedHowToFixItAndNoLinkedEmailIsSent() {
    flow.returnTo(flow.atPayPal(approvalUrl, true, false));

    tasks.handleRequest(event("notify"), null);

    assertThat(linkedEmails()).isEmpty();
    assertThat(t.outbox.to(EMAIL).get(t.outbox.to(EMAIL).size() - 1).message().subject())
        .isNotBlank();
  }
}
