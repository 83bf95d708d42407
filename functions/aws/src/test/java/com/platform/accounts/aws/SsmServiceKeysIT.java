package com.platform.accounts.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.testkit.AwsEmulator;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

class SsmServiceKeysIT {
  /** A parameter of this run's own: one an earlier run left on the emulator is not overwritten. */
  private static final String NAME =
      "/account-lifecycle/test/" + UUID.randomUUID() + "/service-keys";

  @RegisterExtension static final AwsEmulator AWS = new AwsEmulator();

  @RegisterExtension final EmulatorClients clients = new EmulatorClients(AWS);

  @Test
  void loadsTheKeysFromTheSecureStringOnce() throws Exception {
    KeyPair pair = TestKeys.p256();
    byte[] hmacKey = TestKeys.bytes(32, 7);
    clients
        .client(SsmClient.builder())
        .putParameter(
            put ->
                put.name(NAME)
                    .type(ParameterType.SECURE_STRING)
                    .value(TestKeys.parameter(hmacKey, "2026-03", pair)));

    SsmServiceKeys keys = new SsmServiceKeys(clients.client(SsmClient.builder()), NAME);

    assertThat(keys.hmacKey()).isEqualTo(hmacKey);
    assertThat(keys.sessionKeyId()).isEqualTo("2026-03");
    assertThat(keys.sessionVerificationKey().getW())
        .isEqualTo(((ECPublicKey) pair.getPublic()).getW());
    byte[] message = "header.payload".getBytes(StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(keys.sessionSigningKey());
    signer.update(message);
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(pair.getPublic());
    verifier.update(message);
    assertThat(verifier.verify(signer.sign())).isTrue();

    // read once: the parameter's removal does not matter to the loaded keys
    clients.client(SsmClient.builder()).deleteParameter(delete -> delete.name(NAME));
    assertThat(keys.sessionKeyId()).isEqualTo("2026-03");
  }
}
