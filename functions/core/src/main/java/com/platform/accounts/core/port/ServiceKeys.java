package com.platform.accounts.core.port;

import java.security.interfaces.ECPrivateKey;

/**
 * The service's secret keys, loaded once from configuration (SSM SecureString in AWS, generated at
 * start locally). Never logged, never stored beside the data they protect.
 */
public interface ServiceKeys {

  /** Key for the HMACs of codes and other looked-up secrets (at least 32 bytes). */
  byte[] hmacKey();

  /** Key id of the session signing key pair, put into each token's header. */
  String sessionKeyId();

  /**
   * The private key that signs session tokens. Its public half is configuration, not a secret: see
   * {@link com.platform.accounts.core.session.SessionVerifier}.
   */
  ECPrivateKey sessionSigningKey();
}
