package com.platform.accounts.core.verification;

import java.time.Instant;

/**
 * What a sign-up challenge must remember to create the account once the code is proven. {@code
 * emailTaken} marks a code due to the mailbox of an address another account proved: the mailbox got
 * a notice instead, and the sign-up is answered exactly like any other but can never complete by
 * email. A code sent to a phone never sets it.
 */
public record SignupDetails(
    String email,
    String country,
    String phone,
    String passwordHash,
    String termsVersion,
    Instant termsAcceptedAt,
    boolean emailTaken) {}
