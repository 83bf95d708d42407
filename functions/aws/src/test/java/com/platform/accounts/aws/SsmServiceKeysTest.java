package com.platform.accounts.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Parsing of the keys parameter: every flaw is named, and no message quotes key material. */
class SsmServiceKeysTest {
  private static final String NAME = "/keys";
  private final KeyPair pair = TestKeys.p256();
  private final String hmacKey = Base64.getEncoder().encodeToString(TestKeys.bytes(32, 1));
  private final String jwk =
      TestKeys.jwk((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());

  @Test
  void parsesAValidParameter() {
    SsmServiceKeys.Keys keys = SsmServiceKeys.parse(NAME, TestKeys.parameter(hmacKey, "k1", jwk));

    assertThat(keys.hmacKey()).hasSize(32);
    assertThat(keys.sessionKeyId()).isEqualTo("k1");
    assertThat(keys.verification().getW()).isEqualTo(((ECPublicKey) pair.getPublic()).getW());
    assertThat(keys.signing().getS()).isEqualTo(((ECPrivateKey) pair.getPrivate()).getS());
  }

  @Test
  void readsPayPalsCredentialsAndKeepsEverySecretOutOfItsText() {
    String json =
        TestKeys.parameter(hmacKey, "k1", jwk)
            .replace(
                "\"sessionKeyId\"",
                "\"payPalClientId\": \"client-id-1\", \"payPalClientSecret\": \"s3cr3t-paypal\","
                    + " \"sessionKeyId\"");

    SsmServiceKeys.Keys keys = SsmServiceKeys.parse(NAME, json);

    assertThat(keys.payPalClientId()).isEqualTo("client-id-1");
    assertThat(keys.payPalClientSecret()).isEqualTo("s3cr3t-paypal");
    assertThat(keys.toString()).doesNotContain("s3cr3t-paypal").doesNotContain("client-id-1");
  }

  @Test
  void aParameterWithoutPayPalsCredentialsReadsThemAsAbsent() {
    SsmServiceKeys.Keys keys = SsmServiceKeys.parse(NAME, TestKeys.parameter(hmacKey, "k1", jwk));

    assertThat(keys.payPalClientId()).isNull();
    assertThat(keys.payPalClientSecret()).isNull();
  }

  @Test
  void refusesText() {
    assertRefused("{\"hmacKey\": \"" + hmacKey, "is not JSON");
  }

  @Test
  void refusesAShortHmacKey() {
    String shortKey = Base64.getEncoder().encodeToString(TestKeys.bytes(31, 1));
    assertRefused(TestKeys.parameter(shortKey, "k1", jwk), "shorter than 32 bytes");
  }

  @Test
  void refusesAnHmacKeyThatIsNotBase64() {
    assertRefused(TestKeys.parameter("not base64!", "k1", jwk), "hmacKey that is not base64");
  }

  @Test
  void refusesAMissingKeyId() {
    assertRefused(
        "{\"hmacKey\": \"" + hmacKey + "\", \"sessionJwk\": " + jwk + "}",
        "lacks the string sessionKeyId");
  }

  @Test
  void refusesAnotherCurve() {
    assertRefused(
        TestKeys.parameter(hmacKey, "k1", jwk.replace("P-256", "P-384")), "not an EC P-256 key");
  }

  @Test
  void refusesAPrivateKeyOfAnotherPair() {
    KeyPair other = TestKeys.p256();
    String mixed = TestKeys.jwk((ECPublicKey) pair.getPublic(), (ECPrivateKey) other.getPrivate());
    assertRefused(TestKeys.parameter(hmacKey, "k1", mixed), "does not match");
  }

  @Test
  void refusesAJwkWhosePointIsNotOnTheCurve() {
    String offCurve =
        jwk.replaceFirst(
            "\"y\": \"[^\"]+\"", "\"y\": \"" + TestKeys.base64Url(BigInteger.ONE) + "\"");
    assertRefused(TestKeys.parameter(hmacKey, "k1", offCurve), "not on the P-256 curve");
  }

  @Test
  void refusesAPublicKeyWithoutItsPrivatePart() {
    String publicOnly = jwk.replaceFirst(", \"d\": \"[^\"]+\"", "");
    assertRefused(TestKeys.parameter(hmacKey, "k1", publicOnly), "without its private part d");
  }

  @Test
  void refusesAJwkOfAnotherKeyType() {
    assertRefused(
        TestKeys.parameter(hmacKey, "k1", jwk.replace("\"EC\"", "\"OKP\"")), "not an EC P-256 key");
  }

  private void assertRefused(String json, String problem) {
    assertThatThrownBy(() -> SsmServiceKeys.parse(NAME, json))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(NAME)
        .hasMessageContaining(problem)
        .hasNoCause()
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContain(hmacKey)
                    .doesNotContain(TestKeys.base64Url(((ECPrivateKey) pair.getPrivate()).getS())));
  }
}
