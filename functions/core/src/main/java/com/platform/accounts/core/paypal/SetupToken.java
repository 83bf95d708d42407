package com.platform.accounts.core.paypal;

/**
 * A setup token PayPal created: its id and the approval page the payer's browser is sent to (whose
 * {@code token} query parameter is the id).
 */
public record SetupToken(String id, String approvalUrl) {
  @Override
  public String toString() {
    return "SetupToken[***]";
  }
}
