package com.platform.accounts.core.account;

import com.platform.accounts.core.contact.PhoneNumbers;
import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.port.AccountStore;
import com.platform.accounts.core.port.ChallengeStore;
import com.platform.accounts.core.port.EmailAlreadyRegisteredException;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.verification.Challenge;
import com.platform.accounts.core.verification.Channel;
import com.platform.accounts.core.verification.CodeChallenges;
import com.platform.accounts.core.verification.CodeSent;
import com.platform.accounts.core.verification.VerificationProcess;
import java.util.Optional;

/**
 * The verification of the contact not proven at sign-up: an email-verified account proves a phone
 * by SMS or voice call, a phone-verified account proves its email. Proving the email claims the
 * address: the accounts that only named it lose it ({@link EmailRelease}), and an address another
 * account proved first stays that account's. Its mailbox still gets the code, the one mail an
 * address may get from an account that did not prove it; only whoever holds the mailbox can learn,
 * by proving the code, that the address is taken.
 */
public final class SecondVerificationService {
  public static final String PREFIX = "ver";
  private final AccountStore accounts;
  private final ChallengeStore challenges;
  private final CodeChallenges codes;
  private final VerificationProcess process;

  public SecondVerificationService(
      AccountStore accounts,
      ChallengeStore challenges,
      CodeChallenges codes,
      VerificationProcess process) {
    this.accounts = accounts;
    this.challenges = challenges;
    this.codes = codes;
    this.process = process;
  }

  public CodeSent start(
      Account account, String rawChannel, String rawPhone, Validation validation) {
    return start(account, rawChannel, rawPhone, null, validation);
  }

  /**
   * Sends a code for the second verification; an SMS or call counts against the account's and the
   * caller's ({@code clientIp}, null when unknown) budgets.
   */
  public CodeSent start(
      Account account, String rawChannel, String rawPhone, String clientIp, Validation validation) {
    Channel channel = null;
    if (!validation.hasError("channel")) {
      if (rawChannel == null) {
        validation.reject("channel", FieldErrorCode.REQUIRED, "Choose EMAIL, SMS or VOICE.");
      } else {
        channel = Channel.parse(rawChannel).orElse(null);
        if (channel == null) {
          validation.reject(
              "channel", FieldErrorCode.INVALID_CHANNEL, "Choose EMAIL, SMS or VOICE.");
        }
      }
    }
    String phone = null;
    if (channel != null && channel.provesPhone() && !validation.hasError("phone")) {
      String candidate = rawPhone != null ? rawPhone : account.phone();
      if (candidate == null) {
        validation.reject(
            "phone",
            FieldErrorCode.REQUIRED,
            "A phone number is needed for " + channel.name() + ".");
      } else {
        PhoneNumbers.Result result = PhoneNumbers.check(candidate, account.country());
        if (result.valid()) {
          phone = result.e164();
        } else {
          validation.reject(
              "phone",
              result.errorCode(),
              FieldErrorCode.PHONE_COUNTRY_MISMATCH.equals(result.errorCode())
                  ? "The number does not belong to the account's country."
                  : PhoneNumbers.howToWrite(account.country()));
        }
      }
    }
    if (channel == Channel.EMAIL && account.email() == null && !validation.hasError("channel")) {
      validation.reject(
          "channel",
          FieldErrorCode.INVALID_CHANNEL,
          "This account has no email address to verify.");
    }
    validation.throwIfInvalid();
    if (channel.provesPhone() ? account.phoneVerified() : account.emailVerified()) {
      throw Problem.of(
          ErrorCode.CHANNEL_ALREADY_VERIFIED,
          "Already verified",
          "This account's "
              + (channel.provesPhone() ? "phone" : "email")
              + " is verified already.");
    }
    String destination = channel == Channel.EMAIL ? account.email() : phone;
    codes.countSend(channel, destination, account.accountId(), clientIp);
    String verificationId = Ids.next(PREFIX);
    CodeChallenges.IssuedCode code = codes.issue(verificationId, channel);
    Challenge challenge =
        codes.newChallenge(
            verificationId,
            Challenge.Purpose.CONTACT,
            account.accountId(),
            null,
            channel,
            destination,
            code);
    challenges.create(challenge);
    // the last step that can fail: nothing after the message can make a retry send it again
    codes.sendCode(challenge, code.code());
    return codes.describe(challenge);
  }

  public VerifiedContacts verify(Account account, String verificationId, String code) {
    return codes.verify(
        verificationId,
        code,
        c -> c.purpose() == Challenge.Purpose.CONTACT && account.accountId().equals(c.accountId()),
        c -> false,
        c -> complete(account.accountId(), c));
  }

  private VerifiedContacts complete(String accountId, Challenge challenge) {
    Account current =
        accounts.find(accountId).filter(Account::isActive).orElseThrow(Problem::unauthenticated);
    Challenge verified = challenge.verified();
    Account updated;
    // both writes throw ConcurrentModificationException to have the guess judged again
    if (challenge.channel().provesPhone()) {
      updated = current.withVerifiedPhone(challenge.destination());
      process.startAfterProof(challenge.challengeId());
      accounts.update(updated, Optional.of(verified));
    } else {
      if (current.email() == null
          || !EmailClaim.key(current.email()).equals(EmailClaim.key(challenge.destination()))) {
        // released since the code was sent: another account proved the address
        throw provenElsewhere();
      }
      updated = current.withEmailVerified();
      process.startAfterProof(challenge.challengeId());
      try {
        accounts.updateProvingEmail(updated, verified);
      } catch (EmailAlreadyRegisteredException e) {
        throw provenElsewhere();
      }
    }
    return VerifiedContacts.of(updated);
  }

  private static Problem provenElsewhere() {
    return Problem.of(
        ErrorCode.ACCOUNT_ALREADY_EXISTS,
        "Email verified on another account",
        "This email address is verified on another account; sign in to that account instead.");
  }
}
