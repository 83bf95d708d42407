package com.platform.accounts.handlers.wiring;

import com.platform.accounts.aws.StepFunctionsWorkflows;
import com.platform.accounts.core.paypal.FrontendOrigins;
import com.platform.accounts.core.paypal.PayPalLinking;
import com.platform.accounts.core.paypal.PayPalWebhooks;
import com.platform.accounts.core.port.PayPalGateway;
import com.platform.accounts.core.port.PayPalWebhookVerifier;
import com.platform.accounts.payments.PayPalApi;
import com.platform.accounts.payments.PayPalVaultGateway;
import com.platform.accounts.payments.PayPalWebhookSignatureVerifier;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * PayPal, part by part: the vault client (with the client credentials from the service's keys),
 * linking (the vault, the HMAC key, the completion workflow, email and events) and the webhooks'
 * signature check. Each part is built when a function first asks for it: the expire-holds job and
 * the payment-methods function build the vault client only when a PayPal item needs it.
 */
public final class PayPalWiring {
  /**
   * Per attempt of a call to PayPal: the return makes up to three calls (token, payment token,
   * maybe a delete), which must fit the API function's timeout with room for the rest.
   */
  private static final Duration PAYPAL_TIMEOUT = Duration.ofSeconds(5);

  private PayPalWiring() {}

  public static PayPalGateway gateway() {
    return GatewayHolder.GATEWAY;
  }

  public static PayPalLinking linking() {
    return LinkingHolder.LINKING;
  }

  public static PayPalWebhooks webhooks() {
    return WebhooksHolder.WEBHOOKS;
  }

  /** This API's {@code GET /v1/paypal/return} if configured; null: from the request. */
  public static URI configuredReturnUrl() {
    return Infrastructure.settings().payPalLinking().returnUrl();
  }

  /** The REST client with its access-token cache, shared by the vault and the webhook check. */
  private static final class ApiHolder {
    static final PayPalApi API =
        new PayPalApi(
            SecretsWiring.keys().payPalClientId(),
            SecretsWiring.keys().payPalClientSecret(),
            Infrastructure.settings().payPal().apiBase(),
            PAYPAL_TIMEOUT);
  }

  private static final class GatewayHolder {
    static final PayPalGateway GATEWAY =
        new PayPalVaultGateway(ApiHolder.API, Infrastructure.settings().cards().merchantName());
  }

  private static final class LinkingHolder {
    static final PayPalLinking LINKING =
        new PayPalLinking(
            Infrastructure.table().paymentMethods(),
            Infrastructure.table().accounts(),
            GatewayHolder.GATEWAY,
            SecretsWiring.hmac(),
            new StepFunctionsWorkflows(
                Infrastructure.clients().client(SfnClient.builder()),
                null,
                null,
                Infrastructure.settings().payPalLinking().stateMachineArn()),
            // SES and SNS clients built at the first email or event: the API's routes send none
            message -> MessagingWiring.messages().send(message),
            event -> MessagingWiring.events().publish(event),
            Infrastructure.telemetry(),
            Infrastructure.clock(),
            new FrontendOrigins(
                List.of(Infrastructure.settings().payPalLinking().frontendOrigin())));
  }

  /** No webhook registered yet: every delivery is refused as unsigned. */
  private static PayPalWebhookVerifier verifier(String webhookId) {
    return webhookId == null
        ? delivery -> false
        : new PayPalWebhookSignatureVerifier(ApiHolder.API, webhookId);
  }

  private static final class WebhooksHolder {
    static final PayPalWebhooks WEBHOOKS =
        new PayPalWebhooks(
            verifier(Infrastructure.settings().payPalWebhooks().webhookId()),
            Infrastructure.table().processedEvents(),
            Infrastructure.table().paymentMethods(),
            SecretsWiring.hmac(),
            MessagingWiring.events(),
            Infrastructure.telemetry(),
            Infrastructure.clock());
  }
}
