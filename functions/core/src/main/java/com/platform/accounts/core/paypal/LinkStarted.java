package com.platform.accounts.core.paypal;

import com.platform.accounts.core.card.PaymentMethod;

/** A PayPal link waiting for its payer, and the PayPal page the payer approves it on. */
public record LinkStarted(PaymentMethod paymentMethod, String approvalUrl) {}
