package com.platform.accounts.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.AccountStatus;
import com.platform.accounts.core.memory.EphemeralServiceKeys;
import com.platform.accounts.core.session.SessionClaims;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The session token format: what it accepts, and every way a forged or stale token is refused. */
class Es256SessionTokensTest {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-26T09:00:00Z"));
  private final EphemeralServiceKeys keys = new EphemeralServiceKeys();
  private final Es256SessionIssuer issuer = new Es256SessionIssuer(keys, clock);
  private final Es256SessionVerifier verifier =
      new Es256SessionVerifier(keys.sessionVerificationKey(), clock);
  private final Account account =
      new Account(
          "acc_1",
          "ana@example.com",
          "US",
          null,
          "hash",
          AccountStatus.ACTIVE,
          true,
          false,
          "2026-11-01",
          Instant.EPOCH,
          7,
          Instant.EPOCH,
          3);

  @Test
  void anIssuedTokenNamesTheAccountAndItsSessionVersionForTwelveHours() {
    var token = issuer.issue(account);

    assertThat(verifier.verify(token.token())).contains(new SessionClaims("acc_1", 7));
    assertThat(token.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(12)));
    assertThat(token.token().split("\\.")).hasSize(3);
  }

  @Test
  void aTokenEndsAfterTwelveHours() {
    String token = issuer.issue(account).token();
    clock.advanceBy(Duration.ofHours(12).minusSeconds(1));
    assertThat(verifier.verify(token)).isPresent();

    clock.advanceBy(Duration.ofSeconds(1));
    assertThat(verifier.verify(token)).isEmpty();
  }

  @Test
  void aTokenOfAnotherKeyIsRefused() {
    String foreign =
        new Es256SessionIssuer(new EphemeralServiceKeys(), clock).issue(account).token();

    assertThat(verifier.verify(foreign)).isEmpty();
  }

  @Test
  void changedClaimsAreRefused() {
    String[] parts = issuer.issue(account).token().split("\\.");
    String raised =
        b64(
            "{\"iss\":\"account-lifecycle\",\"sub\":\"acc_1\",\"iat\":1,"
                + "\"exp\":99999999999,\"jti\":\"ses_x\",\"sv\":8}");

    assertThat(verifier.verify(parts[0] + "." + raised + "." + parts[2])).isEmpty();
    assertThat(verifier.verify(parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "A"))
        .isEmpty();
  }

  @Test
  void onlyAnEs256HeaderWithoutCriticalParametersIsAccepted() {
    String claims =
        "{\"iss\":\"account-lifecycle\",\"sub\":\"acc_1\",\"exp\":99999999999,\"sv\":7}";

    assertThat(verifier.verify(signed("{\"alg\":\"ES256\"}", claims))).isPresent();
    assertThat(verifier.verify(signed("{\"alg\":\"none\"}", claims))).isEmpty();
    assertThat(verifier.verify(signed("{\"alg\":\"HS256\"}", claims))).isEmpty();
    assertThat(verifier.verify(signed("{\"alg\":\"ES256\",\"crit\":[\"exp\"],\"exp\":1}", claims)))
        .isEmpty();
    assertThat(verifier.verify(b64("{\"alg\":\"none\"}") + "." + b64(claims) + ".")).isEmpty();
  }

  @Test
  void claimsMustNameThisIssuerAnAccountAVersionAndAFutureExpiry() {
    String header = "{\"alg\":\"ES256\"}";

    assertThat(
            verifier.verify(
                signed(
                    header,
                    "{\"iss\":\"someone-else\",\"sub\":\"acc_1\",\"exp\":99999999999,\"sv\":7}")))
        .isEmpty();
    assertThat(
            verifier.verify(
                signed(header, "{\"iss\":\"account-lifecycle\",\"exp\":99999999999,\"sv\":7}")))
        .isEmpty();
    assertThat(
            verifier.verify(
                signed(
                    header,
                    "{\"iss\":\"account-lifecycle\",\"sub\":\"\",\"exp\":99999999999,\"sv\":7}")))
        .isEmpty();
    assertThat(
            verifier.verify(
                signed(
                    header,
                    "{\"iss\":\"account-lifecycle\",\"sub\":\"acc_1\",\"exp\":99999999999,\"sv\":7.5}")))
        .isEmpty();
    assertThat(
            verifier.verify(
                signed(
                    header,
                    "{\"iss\":\"account-lifecycle\",\"sub\":\"acc_1\",\"exp\":\"99999999999\",\"sv\":7}")))
        .isEmpty();
    assertThat(
            verifier.verify(
                signed(header, "{\"iss\":\"account-lifecycle\",\"sub\":\"acc_1\",\"sv\":7}")))
        .isEmpty();
    assertThat(
            verifier.verify(
                signed(
                    header,
                    "{\"iss\":\"account-lifecycle\",\"sub\":\"acc_1\",\"exp\":1,\"sv\":7}")))
        .isEmpty();
  }

  @Test
  void duplicateMembersAreRefused() {
    assertThat(
            verifier.verify(
                signed(
                    "{\"alg\":\"ES256\"}",
                    "{\"iss\":\"account-lifecycle\","
                        + "\"sub\":\"acc_1\",\"sub\":\"acc_2\",\"exp\":99999999999,\"sv\":7}")))
        .isEmpty();
  }

  @Test
  void anythingThatIsNotACompactJwsIsNoSessionAndNoError() {
    String valid = issuer.issue(account).token();

    for (String garbage :
        new String[] {
          null,
          "",
          "x.y.z",
          "a.b",
          valid + ".d",
          valid + "=",
          "!!.!!.!!",
          valid.replace('.', ','),
          "a".repeat(5000),
          b64("not json") + "." + b64("{}") + ".AAAA"
        }) {
      assertThat(verifier.verify(garbage)).as(String.valueOf(garbage)).isEmpty();
    }
  }

  @Test
  void aTokenSeenBeforeIsNotCheckedAgainUntilItExpires() {
    var signatureChecks = new AtomicInteger();
    JWSVerifier counting =
        new JWSVerifier() {
          private final JWSVerifier real = p256Verifier();

          @Override
          public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature)
              throws JOSEException {
            signatureChecks.incrementAndGet();
            return real.verify(header, signingInput, signature);
          }

          @Override
          public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return real.supportedJWSAlgorithms();
          }

          @Override
          public JCAContext getJCAContext() {
            return real.getJCAContext();
          }
        };
    var remembering = new Es256SessionVerifier(counting, clock);
    String token = issuer.issue(account).token();

    assertThat(remembering.verify(token)).contains(new SessionClaims("acc_1", 7));
    assertThat(remembering.verify(token)).contains(new SessionClaims("acc_1", 7));
    assertThat(signatureChecks).hasValue(1);

    clock.advanceBy(Duration.ofHours(12));
    assertThat(remembering.verify(token)).isEmpty();
  }

  @Test
  void aRememberedTokenDoesNotVouchForAChangedOne() {
    String token = issuer.issue(account).token();
    assertThat(verifier.verify(token)).isPresent();
    String[] parts = token.split("\\.");

    assertThat(verifier.verify(parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "A"))
        .isEmpty();
    assertThat(verifier.verify(token + "A")).isEmpty();
  }

  private JWSVerifier p256Verifier() {
    try {
      return new ECDSAVerifier(keys.sessionVerificationKey());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signed with the service's own key: only the content decides. */
  private String signed(String header, String claims) {
    try {
      String input = b64(header) + "." + b64(claims);
      return input
          + "."
          + new ECDSASigner(keys.sessionSigningKey())
              .sign(SessionJwt.HEADER, input.getBytes(StandardCharsets.US_ASCII));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
