package com.platform.accounts.testkit;

/**
 * An SMS that SNS published to a phone number in the emulator.
 *
 * @param phoneNumber the destination as given to Publish (E.164)
 * @param message the text sent
 */
public record SentSms(String phoneNumber, String message) {}
