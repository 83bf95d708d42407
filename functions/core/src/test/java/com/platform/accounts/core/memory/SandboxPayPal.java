package com.platform.accounts.core.memory;

import com.platform.accounts.core.crypto.Hmac;
import com.platform.accounts.core.paypal.PayPalRefusedException;
import com.platform.accounts.core.paypal.PayPalUnavailableException;
import com.platform.accounts.core.paypal.PayPalWebhook;
import com.platform.accounts.core.paypal.PaymentToken;
import com.platform.accounts.core.paypal.SetupToken;
import com.platform.accounts.core.port.PayPalGateway;
import com.platform.accounts.core.port.PayPalWebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * PayPal's vault as the local runtime and the tests see it: setup tokens a payer approves (or
 * cancels) through {@link #approve}, payment tokens made from approved ones, request ids honoured
 * the way PayPal honours {@code PayPal-Request-Id} (the same id answers what it first created),
 * webhooks signed with a local key, and faults on demand: PayPal down before a call, or its answer
 * lost after the call took effect.
 */
public final class SandboxPayPal implements PayPalGateway, PayPalWebhookVerifier {
  /** The approval page of the stand-in; its {@code token} parameter is the setup token's id. */
  public static final String APPROVAL_PAGE = "https://www.sandbox.paypal.com/checkoutnow";

  /** The webhook id deliveries are signed for, locally. */
  public static final String WEBHOOK_ID = "WH-LOCAL";

  /** How the next call fails. */
  public enum Fault {
    UNAVAILABLE_BEFORE,
    LOST_RESPONSE_AFTER
  }

  private record Setup(String id, String returnUrl, String cancelUrl) {}

  private record Approval(boolean payerVerified, String payerEmail) {}

  private final SecureRandom random = new SecureRandom();
  private final String approvalPage;
  private final Hmac signer;
  private final Map<String, Setup> setups = new HashMap<>();
  private final Map<String, Approval> approvals = new HashMap<>();
  private final Map<String, String> created = new HashMap<>();
  private final Map<String, PaymentToken> tokens = new HashMap<>();
  private final Set<String> deleted = new HashSet<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private int paymentTokenCalls;

  public SandboxPayPal() {
    this(APPROVAL_PAGE);
  }

  /** With its approval page elsewhere: the local runtime serves one of its own. */
  public SandboxPayPal(String approvalPage) {
    this.approvalPage = approvalPage;
    byte[] key = new byte[32];
    random.nextBytes(key);
    this.signer = new Hmac(key);
  }

  /** Makes the next call fail so. */
  public synchronized void failNext(Fault fault) {
    faults.add(fault);
  }

  @Override
  public synchronized SetupToken createSetupToken(
      String returnUrl, String cancelUrl, String requestId) {
    Fault fault = faults.poll();
    if (fault == Fault.UNAVAILABLE_BEFORE) {
      throw new PayPalUnavailableException("sandbox PayPal down");
    }
    String id = created.computeIfAbsent("setup:" + requestId, k -> "ST" + randomId());
    setups.putIfAbsent(id, new Setup(id, returnUrl, cancelUrl));
    if (fault == Fault.LOST_RESPONSE_AFTER) {
      throw new PayPalUnavailableException("sandbox PayPal answer lost");
    }
    return new SetupToken(id, approvalPage + "?token=" + id);
  }

  @Override
  public synchronized PaymentToken createPaymentToken(String setupTokenId, String requestId) {
    paymentTokenCalls++;
    Fault fault = faults.poll();
    if (fault == Fault.UNAVAILABLE_BEFORE) {
      throw new PayPalUnavailableException("sandbox PayPal down");
    }
    String known = created.get("token:" + requestId);
    PaymentToken token;
    if (known != null) {
      token = tokens.get(known);
    } else {
      Approval approval = approvals.get(setupTokenId);
      if (!setups.containsKey(setupTokenId) || approval == null) {
        throw new PayPalRefusedException(422, "SETUP_TOKEN_NOT_APPROVED");
      }
      token =
          new PaymentToken(
              "PT" + randomId(), "PAYER" + randomId(), approval.payerEmail, approval.payerVerified);
      created.put("token:" + requestId, token.id());
      tokens.put(token.id(), token);
    }
    if (fault == Fault.LOST_RESPONSE_AFTER) {
      throw new PayPalUnavailableException("sandbox PayPal answer lost");
    }
    return token;
  }

  @Override
  public synchronized void deletePaymentToken(String paymentTokenId) {
    if (faults.peek() == Fault.UNAVAILABLE_BEFORE) {
      faults.poll();
      throw new PayPalUnavailableException("sandbox PayPal down");
    }
    if (tokens.remove(paymentTokenId) != null) {
      deleted.add(paymentTokenId);
    }
  }

  /**
   * The payer at PayPal's approval page: approves (as a verified payer or not) or cancels; answers
   * the URL PayPal sends the browser to, with the setup token's id added as {@code token}, or empty
   * for a setup token PayPal does not know.
   */
  public synchronized Optional<String> approve(
      String setupTokenId, boolean approved, boolean payerVerified, String payerEmail) {
    Setup setup = setups.get(setupTokenId);
    if (setup == null) {
      return Optional.empty();
    }
    String target;
    if (approved) {
      approvals.put(setupTokenId, new Approval(payerVerified, payerEmail));
      target = setup.returnUrl();
    } else {
      target = setup.cancelUrl();
    }
    return Optional.of(target + (target.contains("?") ? "&" : "?") + "token=" + setupTokenId);
  }

  /** Whether PayPal still holds a payment token (not deleted). */
  public synchronized boolean holds(String paymentTokenId) {
    return tokens.containsKey(paymentTokenId);
  }

  /** Payment tokens deleted through the API, in no order. */
  public synchronized Set<String> deletedTokens() {
    return Set.copyOf(deleted);
  }

  /** How many payment tokens exist at PayPal now. */
  public synchronized int paymentTokenCount() {
    return tokens.size();
  }

  /** How many times a payment token was asked for (retries included). */
  public synchronized int paymentTokenCalls() {
    return paymentTokenCalls;
  }

  /**
   * Signs a delivery the way PayPal signs (transmission id, time, webhook id and the body's CRC32,
   * joined by {@code |}), with the stand-in's key instead of PayPal's certificate.
   */
  public String sign(String transmissionId, String transmissionTime, String body) {
    return signer.digest(signedText(transmissionId, transmissionTime, body));
  }

  /** Deletes a payment token as the payer would at PayPal, without telling anyone. */
  public synchronized void deleteAtPayPal(String paymentTokenId) {
    tokens.remove(paymentTokenId);
  }

  @Override
  public boolean verify(PayPalWebhook webhook) {
    if (webhook.transmissionId() == null
        || webhook.transmissionTime() == null
        || webhook.transmissionSig() == null
        || webhook.body() == null) {
      return false;
    }
    return signer.matches(
        webhook.transmissionSig(),
        signedText(webhook.transmissionId(), webhook.transmissionTime(), webhook.body()));
  }

  private static String signedText(String transmissionId, String time, String body) {
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.UTF_8));
    return transmissionId + "|" + time + "|" + WEBHOOK_ID + "|" + crc.getValue();
  }

  private String randomId() {
    StringBuilder id = new StringBuilder();
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    for (int i = 0; i < 17; i++) {
      id.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return id.toString();
  }
}
