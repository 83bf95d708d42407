package com.platform.accounts.core.paypal;

import com.platform.accounts.core.card.PaymentMethodStatus;

/**
 * Where a PayPal return sends the browser: the frontend page the link was started with ({@code
 * returnUrl}, or {@code cancelUrl} after a cancel), given the method's id, its status, and why it
 * failed, if it did.
 *
 * @param status ACTIVE, FAILED, CANCELLED, or PENDING_APPROVAL while PayPal could not be reached
 *     (the workflow completes it)
 */
public record ReturnOutcome(
    String paymentMethodId, PaymentMethodStatus status, String code, String page) {}
