package com.platform.accounts.handlers.wiring;

import com.platform.accounts.aws.SsmServiceKeys;
import com.platform.accounts.core.crypto.Hmac;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The service's secret keys, read from SSM once per execution environment by the functions that
 * need one: a code's HMAC, a session's signature, the card processor's key.
 */
public final class SecretsWiring {
  private SecretsWiring() {}

  public static SsmServiceKeys keys() {
    return KeysHolder.KEYS;
  }

  public static Hmac hmac() {
    return HmacHolder.HMAC;
  }

  private static final class KeysHolder {
    static final SsmServiceKeys KEYS =
        new SsmServiceKeys(
            Infrastructure.clients().client(SsmClient.builder()),
            Infrastructure.settings().secrets().parameterName());
  }

  private static final class HmacHolder {
    static final Hmac HMAC = new Hmac(keys().hmacKey());
  }
}
