package com.platform.accounts.core.memory;

import com.platform.accounts.core.port.ServiceKeys;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;

/** Keys made at start and never written anywhere: sessions end when the local process ends. */
public final class EphemeralServiceKeys implements ServiceKeys {
  private final byte[] hmacKey = new byte[32];
  private final KeyPair sessionKeys;

  public EphemeralServiceKeys() {
    SecureRandom random = new SecureRandom();
    random.nextBytes(hmacKey);
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      sessionKeys = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("P-256 key generation unavailable", e);
    }
  }

  @Override
  public byte[] hmacKey() {
    return hmacKey.clone();
  }

  @Override
  public String sessionKeyId() {
    return "local";
  }

  @Override
  public ECPrivateKey sessionSigningKey() {
    return (ECPrivateKey) sessionKeys.getPrivate();
  }

  /** The public half of the signing key, which checks the tokens. */
  public ECPublicKey sessionVerificationKey() {
    return (ECPublicKey) sessionKeys.getPublic();
  }
}
