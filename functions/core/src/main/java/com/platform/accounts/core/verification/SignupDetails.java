package com.platform.accounts.core.verification;

import java.time.Instant;

/**
 * What a sign-up challenge must remember to create the account once the code is proven. {@code
 * emailTaken} marks a sign-up for an email that already has an account: it is answered exactly like
 * any other, but it can never complete.
 */
public record SignupDetails(
    String email,
    String country,
    String phone,
    String passwordHash,
    String termsVersion,
    Instant termsAcceptedAt,
    boolean emailTaken) {}
