package com.platform.accounts.core.signup;

/**
 * A sign-up request as received: raw values, any of which may be null when missing or of the wrong
 * type (the API layer has then already recorded why).
 */
public record SignupCommand(
    String country,
    String email,
    String password,
    String passwordConfirmation,
    Boolean termsAccepted,
    String verificationChannel,
    String phone) {

  @Override
  public String toString() {
    return "SignupCommand[country=" + country + ", channel=" + verificationChannel + "]";
  }
}
