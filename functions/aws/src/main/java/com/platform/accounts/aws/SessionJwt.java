package com.platform.accounts.aws;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;

/**
 * The session token's format: a compact JWS (RFC 7515) signed with ES256, claims {@code iss, sub,
 * iat, exp, jti, sv}. Header and claims are read and written with the module's Jackson and signed
 * and checked with nimbus-jose-jwt's ECDSA signer and verifier; nimbus's own JSON parsing (a Gson
 * set up on first use) is left out of the request path on purpose.
 */
final class SessionJwt {
  static final String ISSUER = "account-lifecycle";
  static final String SESSION_VERSION = "sv";

  /** Tokens longer than this are refused unread. */
  static final int MAX_LENGTH = 4096;

  /** The only header the signer and the verifier use: no {@code crit}, no other algorithm. */
  static final JWSHeader HEADER = new JWSHeader(JWSAlgorithm.ES256);

  /** Duplicate members are refused: two {@code sub} must not let one part read another. */
  static final ObjectReader READER =
      Json.MAPPER.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

  private SessionJwt() {}
}
