package com.platform.accounts.aws;

import com.platform.accounts.testkit.AwsEmulator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Fresh {@link AwsClients} on the emulator for every test: before each test it resets the emulator
 * and builds the clients for its endpoint, after each test it closes them. Register it on an
 * instance field next to the static emulator:
 *
 * <pre>{@code
 * @RegisterExtension static final AwsEmulator AWS = new AwsEmulator();
 * @RegisterExtension final EmulatorClients clients = new EmulatorClients(AWS);
 * }</pre>
 *
 * <p>JUnit runs its set-up before the test class's {@code @BeforeEach} methods and its clean-up
 * after the {@code @AfterEach} methods, so those may use the clients too.
 */
final class EmulatorClients implements BeforeEachCallback, AfterEachCallback {
  private final AwsEmulator aws;
  private AwsClients clients;

  EmulatorClients(AwsEmulator aws) {
    this.aws = aws;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    aws.reset();
    clients =
        AwsClients.forEndpoint(
            aws.endpoint(), aws.region(), aws.accessKeyId(), aws.secretAccessKey());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    clients.close();
  }

  /**
   * The client of a service on the emulator, built once per test (say {@code SnsClient.builder()}).
   */
  <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C extends SdkAutoCloseable>
      C client(B builder) {
    return clients.client(builder);
  }

  SesV2Client sesV2() {
    return client(SesV2Client.builder());
  }

  SnsClient sns() {
    return client(SnsClient.builder());
  }

  SfnClient stepFunctions() {
    return client(SfnClient.builder());
  }

  SsmClient ssm() {
    return client(SsmClient.builder());
  }
}
