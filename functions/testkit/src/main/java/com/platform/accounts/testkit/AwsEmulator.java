package com.platform.accounts.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives integration tests an AWS-API endpoint served by moto.
 *
 * <p>Use it as {@code @ExtendWith(AwsEmulator.class)} and take an {@link AwsEmulator} or {@link
 * Endpoint} test-method parameter, or as {@code @RegisterExtension static AwsEmulator aws = new
 * AwsEmulator();}. The endpoint comes from, in this order:
 *
 * <ol>
 *   <li>system property {@code aws.endpointUrl} or environment variable {@code AWS_ENDPOINT_URL}
 *       (the same precedence as the AWS SDK), used as is;
 *   <li>a {@code motoserver/moto} container, when a Docker engine answers;
 *   <li>moto from the project venv ({@code <repo>/.venv}, made by {@code
 *       infrastructure/emulator/venv.sh}), started on a free 127.0.0.1 port.
 * </ol>
 *
 * <p>One emulator serves the whole JVM: it is started on first use and stopped when the JVM exits,
 * so test classes share it and should {@link #reset()} the state they depend on. When no emulator
 * can be had the tests fail (never skip) with {@link AwsEmulatorUnavailableException}, whose
 * message says how to get one.
 */
public final class AwsEmulator implements BeforeAllCallback, ParameterResolver {

  /** The region every client of the emulator should use; moto keeps state per region. */
  public static final String REGION = "us-east-1";

  /** moto accepts any credentials; "testing" is the value its own documentation uses. */
  public static final String ACCESS_KEY_ID = "testing";

  /** See {@link #ACCESS_KEY_ID}. */
  public static final String SECRET_ACCESS_KEY = "testing";

  /** Everything an AWS SDK client needs to talk to the emulator. */
  public record Endpoint(URI uri, String region, String accessKeyId, String secretAccessKey) {
    public Endpoint {
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(accessKeyId, "accessKeyId");
      Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }
  }

  /**
   * Public so that tests can write {@code @RegisterExtension static AwsEmulator aws = new
   * AwsEmulator();}.
   */
  public AwsEmulator() {}

  /**
   * Starts (or joins) the shared emulator before the test class runs, so a missing emulator fails
   * the class up front with one clear message instead of in the middle of a test.
   */
  @Override
  public void beforeAll(ExtensionContext context) {
    SharedEmulator.get();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext context) {
    Class<?> type = parameterContext.getParameter().getType();
    return type == Endpoint.class || type == AwsEmulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
    return parameterContext.getParameter().getType() == Endpoint.class ? endpointDetails() : this;
  }

  /** The emulator's base URL, for an SDK client's {@code endpointOverride}. */
  public URI endpoint() {
    return SharedEmulator.get().endpoint();
  }

  public String region() {
    return REGION;
  }

  public String accessKeyId() {
    return ACCESS_KEY_ID;
  }

  public String secretAccessKey() {
    return SECRET_ACCESS_KEY;
  }

  /** The endpoint, region and credentials together. */
  public Endpoint endpointDetails() {
    return new Endpoint(endpoint(), REGION, ACCESS_KEY_ID, SECRET_ACCESS_KEY);
  }

  /**
   * Deletes every resource and every recorded message in every service. moto keeps the settings
   * made through {@code /moto-api/config} (Step Functions execution, Lambda without Docker) across
   * a reset, so enable those again only if another test may have changed them.
   */
  public void reset() {
    api().post("/moto-api/reset", "{}");
  }

  /**
   * Makes Step Functions really run executions; by default moto only records them. moto's config
   * endpoint does not echo this setting back, so there is nothing to read back here either.
   */
  public void enableStepFunctionsExecution() {
    api()
        .post(
            "/moto-api/config",
            MotoApi.toJson(Map.of("stepfunctions", Map.of("execute_state_machine", true))));
  }

  /**
   * Lets Lambda invocations succeed without Docker: an invoke returns the next result queued with
   * {@link #queueLambdaResult(String)}, or else echoes its own payload. moto cannot run real
   * handler code this way.
   */
  public void useLambdaWithoutDocker() {
    api().post("/moto-api/config", MotoApi.toJson(Map.of("lambda", Map.of("use_docker", false))));
  }

  /**
   * Queues the payload that the next Lambda invocation in {@link #REGION} returns, whatever the
   * function; results are consumed first in, first out. Needs {@link #useLambdaWithoutDocker()}.
   */
  public void queueLambdaResult(String payloadJson) {
    Objects.requireNonNull(payloadJson, "payloadJson");
    // moto's body format: {"results": [<payload as a string>, ...], "region": ..., "account_id":
    // ...};
    // each result is returned verbatim as the invocation's response payload.
    api()
        .post(
            "/moto-api/static/lambda-simple/response",
            MotoApi.toJson(Map.of("results", List.of(payloadJson), "region", REGION)));
  }

  /**
   * Every model moto holds, as served by {@code GET /moto-api/data.json}: service, model,
   * instances.
   */
  public JsonNode state() {
    return api().get("/moto-api/data.json");
  }

  /**
   * The e-mails sent through SES (v1 or v2) since the last reset, simple and raw ones; templated
   * e-mails are not rendered by moto and are left out (read them from {@link #state()}).
   */
  public List<SentEmail> sentEmails() {
    return MotoState.sentEmails(state());
  }

  /** The SMS messages published through SNS (directly to a phone number) since the last reset. */
  public List<SentSms> sentSms() {
    return MotoState.sentSms(state());
  }

  private static MotoApi api() {
    return SharedEmulator.get().api();
  }
}
