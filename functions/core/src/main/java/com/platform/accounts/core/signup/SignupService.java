package com.platform.accounts.core.signup;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.AccountStatus;
import com.platform.accounts.core.account.EmailClaim;
import com.platform.accounts.core.contact.Countries;
import com.platform.accounts.core.contact.EmailAddress;
import com.platform.accounts.core.contact.PasswordPolicy;
import com.platform.accounts.core.contact.PhoneNumbers;
import com.platform.accounts.core.crypto.Ids;
import com.platform.accounts.core.crypto.PasswordHasher;
import com.platform.accounts.core.messaging.MessageTemplates;
import com.platform.accounts.core.port.AccountStore;
import com.platform.accounts.core.port.ChallengeStore;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.port.EmailAlreadyRegisteredException;
import com.platform.accounts.core.port.SessionTokenIssuer;
import com.platform.accounts.core.problem.ErrorCode;
import com.platform.accounts.core.problem.FieldErrorCode;
import com.platform.accounts.core.problem.Problem;
import com.platform.accounts.core.problem.Validation;
import com.platform.accounts.core.verification.Challenge;
import com.platform.accounts.core.verification.ChallengeStatus;
import com.platform.accounts.core.verification.Channel;
import com.platform.accounts.core.verification.CodeChallenges;
import com.platform.accounts.core.verification.CodeSent;
import com.platform.accounts.core.verification.SignupDetails;
import com.platform.accounts.core.verification.VerificationProcess;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-up: validate, send a code on the chosen channel, and create the account once the code is
 * proven. An address is claimed only when proven, and a sign-up is answered the same whether or not
 * another account holds its address:
 *
 * <ul>
 *   <li>by EMAIL, for an address another account proved: the mailbox owner gets an "already have an
 *       account" notice instead of a code, so that sign-up can never complete; otherwise the proven
 *       code claims the address;
 *   <li>by SMS or VOICE: the account is made with its email unproven, whoever holds the address,
 *       and nothing at all goes to the mailbox. It names the address, so that sign-in by it reaches
 *       the account, only while nobody proved or named the address ({@link
 *       EmailClaim#MAX_UNPROVEN}); otherwise sign-in by the address reaches it only after it proves
 *       it.
 * </ul>
 */
public final class SignupService {
  public static final String PREFIX = "sgn";
  private final AccountStore accounts;
  private final ChallengeStore challenges;
  private final CodeChallenges codes;
  private final PasswordHasher passwords;
  private final SessionTokenIssuer sessions;
  private final VerificationProcess process;
  private final Clock clock;
  private final String termsVersion;

  public SignupService(
      AccountStore accounts,
      ChallengeStore challenges,
      CodeChallenges codes,
      PasswordHasher passwords,
      SessionTokenIssuer sessions,
      VerificationProcess process,
      Clock clock,
      String termsVersion) {
    this.accounts = accounts;
    this.challenges = challenges;
    this.codes = codes;
    this.passwords = passwords;
    this.sessions = sessions;
    this.process = process;
    this.clock = clock;
    this.termsVersion = termsVersion;
  }

  public CodeSent start(SignupCommand command, Validation validation) {
    return start(command, null, validation);
  }

  /**
   * Starts a sign-up; {@code clientIp} (null when unknown) is the caller's address, against whose
   * budget an SMS or call is counted.
   */
  public CodeSent start(SignupCommand command, String clientIp, Validation validation) {
    String country = command.country();
    if (!validation.hasError("country") && !Countries.isSupported(country)) {
      validation.reject(
          "country",
          FieldErrorCode.UNSUPPORTED_COUNTRY,
          "Accounts cannot be opened in this country.");
    }
    Optional<EmailAddress> email = EmailAddress.parse(command.email());
    if (!validation.hasError("email") && email.isEmpty()) {
      validation.reject("email", FieldErrorCode.INVALID_EMAIL, "Enter a valid email address.");
    }
    checkPassword(command, validation);
    if (!validation.hasError("termsAccepted") && !Boolean.TRUE.equals(command.termsAccepted())) {
      validation.reject(
          "termsAccepted", FieldErrorCode.TERMS_NOT_ACCEPTED, "The terms must be accepted.");
    }
    Channel channel = Channel.EMAIL;
    if (!validation.hasError("verificationChannel") && command.verificationChannel() != null) {
      Optional<Channel> parsed = Channel.parse(command.verificationChannel());
      if (parsed.isEmpty()) {
        validation.reject(
            "verificationChannel", FieldErrorCode.INVALID_CHANNEL, "Choose EMAIL, SMS or VOICE.");
      } else {
        channel = parsed.get();
      }
    }
    String phone = checkPhone(command.phone(), channel, country, validation);
    validation.throwIfInvalid();

    EmailAddress address = email.orElseThrow();
    String destination = channel == Channel.EMAIL ? address.value() : phone;
    codes.countSend(channel, destination, null, clientIp);
    boolean emailTaken = ownedByAnother(channel, address.value());
    Instant now = clock.instant();
    SignupDetails details =
        new SignupDetails(
            address.value(),
            country,
            phone,
            passwords.hash(command.password()),
            termsVersion,
            now,
            emailTaken);
    String signupId = Ids.next(PREFIX);
    CodeChallenges.IssuedCode code = codes.issue(signupId, channel);
    Challenge challenge =
        codes.newChallenge(
            signupId, Challenge.Purpose.SIGNUP, null, details, channel, destination, code);
    challenges.create(challenge);
    // the last step that can fail: nothing after the message can make a retry send it again
    deliver(challenge, code.code());
    return codes.describe(challenge);
  }

  /** Sends a fresh code, on the same channel or another one. */
  public CodeSent resend(
      String signupId, String requestedChannel, String requestedPhone, Validation validation) {
    return resend(signupId, requestedChannel, requestedPhone, null, validation);
  }

  /**
   * Sends a fresh code, on the same channel or another one; {@code clientIp} as for {@link
   * #start(SignupCommand, String, Validation)}. A move to another number counts against the
   * sign-up's few switches.
   */
  public CodeSent resend(
      String signupId,
      String requestedChannel,
      String requestedPhone,
      String clientIp,
      Validation validation) {
    Challenge challenge = findPending(signupId);
    Channel channel = challenge.channel();
    if (!validation.hasError("channel") && requestedChannel != null) {
      Optional<Channel> parsed = Channel.parse(requestedChannel);
      if (parsed.isEmpty()) {
        validation.reject("channel", FieldErrorCode.INVALID_CHANNEL, "Choose EMAIL, SMS or VOICE.");
      } else {
        channel = parsed.get();
      }
    }
    String phone = challenge.signup().phone();
    if (requestedPhone != null
        || validation.hasError("phone")
        || (channel.provesPhone() && phone == null)) {
      phone = checkPhone(requestedPhone, channel, challenge.signup().country(), validation);
    }
    validation.throwIfInvalid();

    codes.checkResendInterval(challenge);
    String destination = channel == Channel.EMAIL ? challenge.signup().email() : phone;
    String previousPhone = challenge.signup().phone();
    if (channel.provesPhone() && previousPhone != null && !previousPhone.equals(phone)) {
      codes.countNumberSwitch(challenge);
    }
    codes.countSend(channel, destination, null, clientIp);
    CodeChallenges.IssuedCode code = codes.issue(signupId, channel);
    SignupDetails s = challenge.signup();
    SignupDetails details =
        new SignupDetails(
            s.email(),
            s.country(),
            phone,
            s.passwordHash(),
            s.termsVersion(),
            s.termsAcceptedAt(),
            ownedByAnother(channel, s.email()));
    Challenge renewed =
        withDetails(challenge, details)
            .withNewCode(
                channel,
                destination,
                code.hash(),
                clock.instant().plus(CodeChallenges.CODE_LIFETIME),
                clock.instant());
    try {
      challenges.update(renewed);
    } catch (ConcurrentModificationException e) {
      throw Problem.rateLimited(CodeChallenges.RESEND_INTERVAL.toSeconds());
    }
    deliver(renewed, code.code());
    return codes.describe(renewed);
  }

  /**
   * Proves the code and creates the account with the sign-up channel's contact verified. A phone's
   * proof answers alike whoever holds the email: it makes the account either way.
   */
  public SignupCompleted verify(String signupId, String code) {
    return codes.verify(
        signupId,
        code,
        c -> c.purpose() == Challenge.Purpose.SIGNUP,
        // the owned address's mailbox never got a code
        c -> c.signup().emailTaken() && c.channel() == Channel.EMAIL,
        this::createAccount);
  }

  /** Whether a code due to the mailbox must become a notice: another account proved the address. */
  private boolean ownedByAnother(Channel channel, String email) {
    return channel == Channel.EMAIL && accounts.findClaim(EmailClaim.key(email)).proven();
  }

  private SignupCompleted createAccount(Challenge challenge) {
    SignupDetails s = challenge.signup();
    Instant now = clock.instant();
    boolean phoneProven = challenge.channel().provesPhone();
    Account account =
        new Account(
            Ids.next("acc"),
            s.email(),
            s.country(),
            s.phone(),
            s.passwordHash(),
            AccountStatus.ACTIVE,
            !phoneProven,
            phoneProven,
            s.termsVersion(),
            s.termsAcceptedAt(),
            0,
            now,
            0);
    Challenge verified = challenge.verifiedFor(account.accountId());
    if (phoneProven) {
      // read on every phone proof, so that the work is the same whoever holds the address
      EmailClaim claim = accounts.findClaim(EmailClaim.key(s.email()));
      process.startAfterProof(challenge.challengeId());
      if (claim.admitsUnproven()) {
        accounts.createNaming(account, verified, claim);
      } else {
        accounts.create(account, verified);
      }
    } else {
      process.startAfterProof(challenge.challengeId());
      try {
        accounts.create(account, verified);
      } catch (EmailAlreadyRegisteredException e) {
        // another account proved this address first; only its mailbox's holder can get here
        throw Problem.of(
            ErrorCode.ACCOUNT_ALREADY_EXISTS,
            "Account already exists",
            "An account with this email already exists; sign in instead.");
      }
    }
    return new SignupCompleted(account.accountId(), sessions.issue(account));
  }

  private Challenge findPending(String signupId) {
    if (!Ids.looksLike(PREFIX, signupId)) {
      throw Problem.notFound("The sign-up");
    }
    Challenge challenge =
        codes
            .find(signupId)
            .filter(c -> c.purpose() == Challenge.Purpose.SIGNUP)
            .orElseThrow(() -> Problem.notFound("The sign-up"));
    if (challenge.status() != ChallengeStatus.PENDING) {
      throw CodeChallenges.codeExpired();
    }
    return challenge;
  }

  /**
   * Sends the code on the challenge's channel. The mailbox of an address another account proved
   * gets an "you already have an account" notice instead of a code; a phone gets its code and the
   * mailbox nothing, whoever holds the address.
   */
  private void deliver(Challenge challenge, String code) {
    SignupDetails s = challenge.signup();
    if (challenge.channel() == Channel.EMAIL && s.emailTaken()) {
      codes.send(
          MessageTemplates.render("account-exists", Channel.EMAIL, s.email(), Map.of(), null));
    } else {
      codes.sendCode(challenge, code);
    }
  }

  private static void checkPassword(SignupCommand command, Validation validation) {
    if (validation.hasError("password")) {
      return;
    }
    String password = command.password();
    if (password == null) {
      validation.reject("password", FieldErrorCode.REQUIRED, "Choose a password.");
      return;
    }
    if (!PasswordPolicy.isStrong(password, command.email())) {
      validation.reject(
          "password",
          FieldErrorCode.WEAK_PASSWORD,
          "Use 8 to 128 characters; not your email and not a common password.");
    }
    if (!validation.hasError("passwordConfirmation")
        && !password.equals(command.passwordConfirmation())) {
      validation.reject(
          "passwordConfirmation",
          FieldErrorCode.PASSWORD_MISMATCH,
          "The confirmation does not match the password.");
    }
  }

  /** The phone in E.164, or null when none is needed and none was given. */
  static String checkPhone(String phone, Channel channel, String country, Validation validation) {
    if (validation.hasError("phone")) {
      return null;
    }
    if (phone == null) {
      if (channel.provesPhone()) {
        validation.reject(
            "phone",
            FieldErrorCode.REQUIRED,
            "A phone number is needed for " + channel.name() + ".");
      }
      return null;
    }
    if (validation.hasError("country") || !Countries.isSupported(country)) {
      return null;
    }
    PhoneNumbers.Result result = PhoneNumbers.check(phone, country);
    if (!result.valid()) {
      validation.reject(
          "phone",
          result.errorCode(),
          FieldErrorCode.PHONE_COUNTRY_MISMATCH.equals(result.errorCode())
              ? "The number does not belong to the chosen country."
              : PhoneNumbers.howToWrite(country));
      return null;
    }
    return result.e164();
  }

  private static Challenge withDetails(Challenge c, SignupDetails details) {
    return new Challenge(
        c.challengeId(),
        c.purpose(),
        c.accountId(),
        details,
        c.channel(),
        c.destination(),
        c.codeHash(),
        c.codeExpiresAt(),
        c.failedAttempts(),
        c.codeUsed(),
        c.lastSentAt(),
        c.sendCount(),
        c.status(),
        c.createdAt(),
        c.expiresAt(),
        c.version());
  }
}
