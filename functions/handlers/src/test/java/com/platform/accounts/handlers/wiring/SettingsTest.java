package com.platform.accounts.handlers.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.platform.accounts.core.memory.EphemeralServiceKeys;
import com.platform.accounts.core.verification.PhoneBudgets;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private final EphemeralServiceKeys keys = new EphemeralServiceKeys();
  private final String publicJwk =
      new ECKey.Builder(Curve.P_256, keys.sessionVerificationKey()).build().toJSONString();
  private final String privateJwk =
      new ECKey.Builder(Curve.P_256, keys.sessionVerificationKey())
          .privateKey(keys.sessionSigningKey())
          .build()
          .toJSONString();

  @Test
  void theSessionKeyIsThePublicJwkOfTheEnvironment() {
    Settings.Sessions sessions =
        Settings.from(Map.of(Settings.SESSION_PUBLIC_JWK, publicJwk)).sessions();

    assertThat(sessions.verificationKey().getW()).isEqualTo(keys.sessionVerificationKey().getW());
  }

  @Test
  void aJwkWithItsPrivatePartIsRefusedWithoutQuotingIt() {
    assertThatThrownBy(
            () -> Settings.from(Map.of(Settings.SESSION_PUBLIC_JWK, privateJwk)).sessions())
        .hasMessageContaining("holds a private key")
        .hasMessageNotContaining(privateJwk.substring(privateJwk.indexOf("\"d\"")));
  }

  @Test
  void aPointOffTheCurveIsRefused() {
    String offCurve =
        "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\""
            + new ECKey.Builder(Curve.P_256, keys.sessionVerificationKey()).build().getX()
            + "\",\"y\":\""
            + Base64.getUrlEncoder().withoutPadding().encodeToString(BigInteger.ONE.toByteArray())
            + "\"}";

    assertThatThrownBy(
            () -> Settings.from(Map.of(Settings.SESSION_PUBLIC_JWK, offCurve)).sessions())
        .hasMessageContaining("is not an EC public JWK");
  }

  @Test
  void everyMissingVariableOfARecordIsNamedAtOnce() {
    assertThatThrownBy(() -> Settings.from(Map.of(Settings.MERCHANT_NAME, " ")).cards())
        .hasMessage(
            "missing environment variables: CARD_VERIFICATION_STATE_MACHINE_ARN, "
                + "MERCHANT_NAME");
    assertThatThrownBy(() -> Settings.from(Map.of()).sessions())
        .hasMessage("missing environment variable: SESSION_PUBLIC_JWK");
  }

  @Test
  void aFunctionReadsOnlyTheVariablesOfWhatItWires() {
    Settings settings = Settings.from(Map.of(Settings.TABLE_NAME, "accounts"));

    assertThat(settings.table().tableName()).isEqualTo("accounts");
  }

  @Test
  void theCardProcessorKeepsItsOwnAddressUnlessAnotherIsGiven() {
    Map<String, String> cards =
        Map.of(
            Settings.CARD_VERIFICATION_STATE_MACHINE_ARN,
            "arn:sm",
            Settings.MERCHANT_NAME,
            "ACMECLOUD");

    assertThat(Settings.from(cards).cards().processorApiBase()).isNull();
    Map<String, String> emulated = new HashMap<>(cards);
    emulated.put(Settings.CARD_PROCESSOR_API_BASE, "http://127.0.0.1:12111");
    assertThat(Settings.from(emulated).cards().processorApiBase())
        .isEqualTo(URI.create("http://127.0.0.1:12111"));
  }

  @Test
  void phoneBudgetsComeFromTheEnvironmentWithTheDefaultsForWhatIsUnset() {
    PhoneBudgets.Limits limits =
        Settings.from(
                Map.of(
                    Settings.PHONE_BUDGET_PER_CLIENT_IP, "7",
                    Settings.PHONE_BUDGET_GLOBAL, "500",
                    Settings.PHONE_BUDGET_WINDOW_MINUTES, "15",
                    Settings.PHONE_COUNTRIES, "us, GB"))
            .phoneBudgets();

    PhoneBudgets.Limits defaults = PhoneBudgets.Limits.defaults();
    assertThat(limits)
        .isEqualTo(
            new PhoneBudgets.Limits(
                defaults.perAccount(),
                7,
                defaults.perCountry(),
                500,
                defaults.shards(),
                Duration.ofMinutes(15),
                Set.of("US", "GB")));
    assertThat(Settings.from(Map.of(Settings.PHONE_COUNTRIES, "ALL")).phoneBudgets().countries())
        .isEmpty();
  }

  @Test
  void aBadPhoneBudgetNamesItsVariable() {
    assertThatThrownBy(
            () -> Settings.from(Map.of(Settings.PHONE_BUDGET_PER_COUNTRY, "-1")).phoneBudgets())
        .hasMessageContaining(Settings.PHONE_BUDGET_PER_COUNTRY);
    assertThatThrownBy(() -> Settings.from(Map.of(Settings.PHONE_COUNTRIES, "XX")).phoneBudgets())
        .hasMessageContaining(Settings.PHONE_COUNTRIES);
  }
}
