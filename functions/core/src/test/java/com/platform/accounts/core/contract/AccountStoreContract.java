package com.platform.accounts.core.contract;

import static com.platform.accounts.core.contract.Records.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.platform.accounts.asl.ManualClock;
import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.EmailClaim;
import com.platform.accounts.core.port.AccountStore;
import com.platform.accounts.core.port.ChallengeStore;
import com.platform.accounts.core.port.ConcurrentModificationException;
import com.platform.accounts.core.port.EmailAlreadyRegisteredException;
import com.platform.accounts.core.verification.Challenge;
import com.platform.accounts.core.verification.ChallengeStatus;
import com.platform.accounts.core.verification.Channel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccountStore} does: exact round trips, versioned conditional writes, one owner
 * per email whatever its case, accounts named on a claim only on the claim as read, and
 * all-or-nothing transactions with the sign-up challenge.
 */
public abstract class AccountStoreContract {
  /** The stores under test, kept in one table so that account writes can include the challenge. */
  public record Stores(AccountStore accounts, ChallengeStore challenges) {}

  protected final ManualClock clock = new ManualClock(START);
  private AccountStore accounts;
  private ChallengeStore challenges;

  /** Fresh stores on one (empty or unrelated) table that read the time from {@code clock}. */
  protected abstract Stores newStores(Clock clock);

  @BeforeEach
  void createStores() {
    Stores stores = newStores(clock);
    accounts = stores.accounts();
    challenges = stores.challenges();
  }

  /** A stored pending sign-up challenge for the email (version 1). */
  private Challenge storedSignup(String email) {
    Challenge challenge = Records.signupChallenge(Records.challengeId(), email, clock.instant());
    challenges.create(challenge);
    return challenges.find(challenge.challengeId(), clock.instant()).orElseThrow();
  }

  private Account created(String email) {
    Account account = Records.account(Records.accountId(), email);
    accounts.create(account, storedSignup(email).verified());
    return accounts.find(account.accountId()).orElseThrow();
  }

  private static String key(String email) {
    return email.toLowerCase(Locale.ROOT);
  }

  /** A stored account made by a phone sign-up that named the address. */
  private Account named(String email) {
    Account account = Records.phoneAccount(Records.accountId(), email);
    accounts.createNaming(account, storedSignup(email).verified(), accounts.findClaim(key(email)));
    return accounts.find(account.accountId()).orElseThrow();
  }

  @Test
  void createStoresEveryFieldAndFindsByIdAndByEmail() {
    String email = Records.email();
    Account account = Records.account(Records.accountId(), email);

    accounts.create(account, storedSignup(email).verified());

    Account expected = Records.withVersion(account, 1);
    assertThat(accounts.find(account.accountId())).contains(expected);
    assertThat(accounts.findByEmail(key(email))).contains(expected);
  }

  @Test
  void createRoundTripsNullFields() {
    String email = Records.email();
    Account account = Records.sparseAccount(Records.accountId(), email);

    accounts.create(account, storedSignup(email).verified());

    assertThat(accounts.find(account.accountId())).contains(Records.withVersion(account, 1));
  }

  @Test
  void createWritesTheCompletedChallengeWithItsNextVersion() {
    String email = Records.email();
    Challenge stored = storedSignup(email);

    accounts.create(Records.account(Records.accountId(), email), stored.verified());

    Challenge after = challenges.find(stored.challengeId(), clock.instant()).orElseThrow();
    assertThat(after).isEqualTo(Records.withVersion(stored.verified(), 2));
    assertThat(after.status()).isEqualTo(ChallengeStatus.VERIFIED);
    assertThat(after.signup()).isEqualTo(stored.signup());
  }

  @Test
  void unknownAccountsAndEmailsAreNotFound() {
    assertThat(accounts.find(Records.accountId())).isEmpty();
    assertThat(accounts.findByEmail(key(Records.email()))).isEmpty();
  }

  @Test
  void secondAccountWithTheSameEmailInAnotherCaseIsRefusedAndWritesNothing() {
    String email = Records.email();
    Account first = created(email);
    Challenge second = storedSignup(email.toUpperCase(Locale.ROOT));
    Account duplicate = Records.account(Records.accountId(), email.toUpperCase(Locale.ROOT));

    assertThatThrownBy(() -> accounts.create(duplicate, second.verified()))
        .isInstanceOf(EmailAlreadyRegisteredException.class);

    assertThat(accounts.find(duplicate.accountId())).isEmpty();
    assertThat(challenges.find(second.challengeId(), clock.instant())).contains(second);
    assertThat(accounts.findByEmail(key(email))).contains(first);
  }

  @Test
  void createWithAStaleChallengeWritesNothing() {
    String email = Records.email();
    Challenge read = storedSignup(email);
    challenges.update(read.withFailedAttempt());
    Account account = Records.account(Records.accountId(), email);

    assertThatThrownBy(() -> accounts.create(account, read.verified()))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(accounts.find(account.accountId())).isEmpty();
    assertThat(accounts.findByEmail(key(email))).isEmpty();
    Challenge current = challenges.find(read.challengeId(), clock.instant()).orElseThrow();
    assertThat(current.version()).isEqualTo(2);
    assertThat(current.status()).isEqualTo(ChallengeStatus.PENDING);

    // nothing of the failed transaction holds the email: the fresh state completes
    accounts.create(account, current.verified());
    assertThat(accounts.findByEmail(key(email))).contains(Records.withVersion(account, 1));
  }

  @Test
  void createWithAnExpiredChallengeWritesNothing() {
    String email = Records.email();
    Challenge read = storedSignup(email);
    clock.advanceBy(Records.CHALLENGE_LIFETIME);
    Account account = Records.account(Records.accountId(), email);

    assertThatThrownBy(() -> accounts.create(account, read.verified()))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(accounts.find(account.accountId())).isEmpty();
    assertThat(accounts.findByEmail(key(email))).isEmpty();
  }

  @Test
  void createWithAChallengeThatWasNeverStoredWritesNothing() {
    String email = Records.email();
    Challenge neverStored = Records.signupChallenge(Records.challengeId(), email, clock.instant());
    Account account = Records.account(Records.accountId(), email);

    assertThatThrownBy(() -> accounts.create(account, neverStored.verified()))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(accounts.find(account.accountId())).isEmpty();
    assertThat(accounts.findByEmail(key(email))).isEmpty();
  }

  @Test
  void createOverAnExistingAccountIdIsAConflict() {
    Account first = created(Records.email());
    String otherEmail = Records.email();
    Account sameId = Records.account(first.accountId(), otherEmail);

    assertThatThrownBy(() -> accounts.create(sameId, storedSignup(otherEmail).verified()))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(accounts.find(first.accountId())).contains(first);
    assertThat(accounts.findByEmail(key(otherEmail))).isEmpty();
  }

  @Test
  void updateStoresTheNextVersion() {
    Account stored = created(Records.email());

    accounts.update(stored.withNextSessionVersion(), Optional.empty());
    Account second = accounts.find(stored.accountId()).orElseThrow();
    accounts.update(second.withVerifiedPhone("+4917612345678"), Optional.empty());

    Account third = accounts.find(stored.accountId()).orElseThrow();
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.sessionVersion()).isEqualTo(stored.sessionVersion() + 1);
    assertThat(third)
        .isEqualTo(
            Records.withVersion(
                stored.withNextSessionVersion().withVerifiedPhone("+4917612345678"), 3));
    assertThat(accounts.findByEmail(key(stored.email()))).contains(third);
  }

  @Test
  void updateFromAStaleReadIsAConflictAndChangesNothing() {
    Account stored = created(Records.email());
    accounts.update(stored.withNextSessionVersion(), Optional.empty());
    Account current = accounts.find(stored.accountId()).orElseThrow();

    assertThatThrownBy(() -> accounts.update(stored.withPasswordHash("other"), Optional.empty()))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(accounts.find(stored.accountId())).contains(current);
  }

  @Test
  void updateOfAnAccountThatDoesNotExistIsAConflict() {
    Account neverCreated = Records.account(Records.accountId(), Records.email());

    assertThatThrownBy(() -> accounts.update(neverCreated, Optional.empty()))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(accounts.find(neverCreated.accountId())).isEmpty();
  }

  @Test
  void updateWithAChallengeWritesBoth() {
    Account account = created(Records.email());
    Challenge contact =
        Records.contactChallenge(Records.challengeId(), account.accountId(), clock.instant());
    challenges.create(contact);
    Challenge read = challenges.find(contact.challengeId(), clock.instant()).orElseThrow();

    accounts.update(account.withVerifiedPhone(read.destination()), Optional.of(read.verified()));

    assertThat(accounts.find(account.accountId()).orElseThrow().version()).isEqualTo(2);
    assertThat(challenges.find(read.challengeId(), clock.instant()))
        .contains(Records.withVersion(read.verified(), 2));
  }

  @Test
  void updateWithAStaleChallengeWritesNeither() {
    Account account = created(Records.email());
    Challenge contact =
        Records.contactChallenge(Records.challengeId(), account.accountId(), clock.instant());
    challenges.create(contact);
    Challenge read = challenges.find(contact.challengeId(), clock.instant()).orElseThrow();
    challenges.update(read.withFailedAttempt());

    assertThatThrownBy(
            () ->
                accounts.update(
                    account.withVerifiedPhone(read.destination()), Optional.of(read.verified())))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(accounts.find(account.accountId())).contains(account);
    assertThat(challenges.find(read.challengeId(), clock.instant()).orElseThrow().status())
        .isEqualTo(ChallengeStatus.PENDING);
  }

  @Test
  void updateWithAStaleAccountWritesNeither() {
    Account account = created(Records.email());
    Challenge contact =
        Records.contactChallenge(Records.challengeId(), account.accountId(), clock.instant());
    challenges.create(contact);
    Challenge read = challenges.find(contact.challengeId(), clock.instant()).orElseThrow();
    accounts.update(account.withNextSessionVersion(), Optional.empty());
    Account current = accounts.find(account.accountId()).orElseThrow();

    assertThatThrownBy(
            () ->
                accounts.update(
                    account.withVerifiedPhone(read.destination()), Optional.of(read.verified())))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(accounts.find(account.accountId())).contains(current);
    assertThat(challenges.find(read.challengeId(), clock.instant())).contains(read);
  }

  @Test
  void updateWithAnExpiredChallengeWritesNeither() {
    Account account = created(Records.email());
    Challenge contact =
        Records.contactChallenge(Records.challengeId(), account.accountId(), clock.instant());
    challenges.create(contact);
    Challenge read = challenges.find(contact.challengeId(), clock.instant()).orElseThrow();
    clock.advanceBy(Records.CHALLENGE_LIFETIME.plus(Duration.ofSeconds(1)));

    assertThatThrownBy(
            () ->
                accounts.update(
                    account.withVerifiedPhone(read.destination()), Optional.of(read.verified())))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(accounts.find(account.accountId())).contains(account);
  }

  @Test
  void anAddressNobodyHoldsIsUnclaimed() {
    String email = Records.email();

    assertThat(accounts.findClaim(key(email))).isEqualTo(EmailClaim.unclaimed(email));
  }

  @Test
  void anAccountCreatedWithItsEmailVerifiedClaimsTheAddress() {
    String email = Records.email();
    Account account = created(email);

    assertThat(accounts.findClaim(key(email)))
        .isEqualTo(new EmailClaim(key(email), account.accountId(), List.of(), 1));
  }

  @Test
  void anAccountCreatedWithItsEmailUnprovenLeavesTheClaimAsItIs() {
    String email = Records.email();
    Account account = Records.phoneAccount(Records.accountId(), email);

    accounts.create(account, storedSignup(email).verified());

    assertThat(accounts.find(account.accountId())).contains(Records.withVersion(account, 1));
    assertThat(accounts.findClaim(key(email))).isEqualTo(EmailClaim.unclaimed(email));
    assertThat(accounts.findByEmail(key(email))).isEmpty();
  }

  @Test
  void creatingAnUnprovenAccountOnAProvenAddressLeavesTheOwnerAlone() {
    String email = Records.email();
    Account owner = created(email);
    Account phone = Records.phoneAccount(Records.accountId(), email.toUpperCase(Locale.ROOT));

    accounts.create(phone, storedSignup(email).verified());

    assertThat(accounts.find(phone.accountId())).isPresent();
    assertThat(accounts.findClaim(key(email)))
        .isEqualTo(new EmailClaim(key(email), owner.accountId(), List.of(), 1));
  }

  @Test
  void namingAccountsAreListedOnTheClaimEachWriteANewVersion() {
    String email = Records.email();
    Account first = named(email);
    // the store keeps every name it is given; the cap of one is the sign-up's, on the claim as read
    Account second = named(email.toUpperCase(Locale.ROOT));

    EmailClaim claim = accounts.findClaim(key(email));
    assertThat(claim.ownerId()).isNull();
    assertThat(claim.unproven())
        .containsExactlyInAnyOrder(first.accountId(), second.accountId())
        .isSorted();
    assertThat(claim.version()).isEqualTo(2);
    assertThat(accounts.findByEmail(key(email))).as("nobody proved it").isEmpty();
    assertThat(first.emailVerified()).isFalse();
  }

  @Test
  void namingOnAClaimThatChangedSinceItWasReadWritesNothing() {
    String email = Records.email();
    EmailClaim read = accounts.findClaim(key(email));
    named(email);
    Challenge signup = storedSignup(email);
    Account late = Records.phoneAccount(Records.accountId(), email);

    assertThatThrownBy(() -> accounts.createNaming(late, signup.verified(), read))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(accounts.find(late.accountId())).isEmpty();
    assertThat(challenges.find(signup.challengeId(), clock.instant())).contains(signup);
    assertThat(accounts.findClaim(key(email)).unproven()).doesNotContain(late.accountId());
  }

  @Test
  void namingAnAddressProvenSinceItWasReadWritesNothing() {
    String email = Records.email();
    EmailClaim read = accounts.findClaim(key(email));
    Account owner = created(email);
    Account late = Records.phoneAccount(Records.accountId(), email);

    assertThatThrownBy(() -> accounts.createNaming(late, storedSignup(email).verified(), read))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(accounts.find(late.accountId())).isEmpty();
    assertThat(accounts.findClaim(key(email)))
        .isEqualTo(new EmailClaim(key(email), owner.accountId(), List.of(), 1));
  }

  @Test
  void namingWithAStaleChallengeWritesNothing() {
    String email = Records.email();
    Challenge read = storedSignup(email);
    challenges.update(read.withFailedAttempt());
    Account account = Records.phoneAccount(Records.accountId(), email);

    assertThatThrownBy(
            () -> accounts.createNaming(account, read.verified(), accounts.findClaim(key(email))))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(accounts.find(account.accountId())).isEmpty();
    assertThat(accounts.findClaim(key(email))).isEqualTo(EmailClaim.unclaimed(email));
  }

  @Test
  void anOwnerCreatedAfterNamingAccountsClaimsTheAddressAndTheNamesStayForTheirRelease() {
    String email = Records.email();
    Account named = named(email);

    Account owner = created(email.toUpperCase(Locale.ROOT));

    EmailClaim claim = accounts.findClaim(key(email));
    assertThat(claim.ownerId()).isEqualTo(owner.accountId());
    assertThat(claim.toRelease()).containsExactly(named.accountId());
    assertThat(claim.version()).isEqualTo(2);
    assertThat(accounts.findByEmail(key(email))).contains(owner);
  }

  @Test
  void theNamingAccountProvingTheAddressOwnsItAndIsNoLongerOnlyNamed() {
    String email = Records.email();
    Account prover = named(email);
    Challenge contact = storedContact(prover.accountId(), email);

    accounts.updateProvingEmail(prover.withEmailVerified(), contact.verified());

    assertThat(accounts.findClaim(key(email)))
        .isEqualTo(new EmailClaim(key(email), prover.accountId(), List.of(), 2));
    assertThat(accounts.find(prover.accountId()))
        .contains(Records.withVersion(prover.withEmailVerified(), 2));
    assertThat(challenges.find(contact.challengeId(), clock.instant()))
        .contains(Records.withVersion(contact.verified(), 2));
    assertThat(accounts.findByEmail(key(email)))
        .contains(Records.withVersion(prover.withEmailVerified(), 2));
  }

  @Test
  void anAccountPastTheCapProvingTheAddressOwnsItAndTheNamerStaysForItsRelease() {
    String email = Records.email();
    Account namer = named(email);
    Account late = Records.phoneAccount(Records.accountId(), email);
    accounts.create(late, storedSignup(email).verified());
    Account stored = accounts.find(late.accountId()).orElseThrow();
    Challenge contact = storedContact(late.accountId(), email);

    accounts.updateProvingEmail(stored.withEmailVerified(), contact.verified());

    EmailClaim claim = accounts.findClaim(key(email));
    assertThat(claim)
        .isEqualTo(new EmailClaim(key(email), late.accountId(), List.of(namer.accountId()), 2));
    assertThat(claim.toRelease()).containsExactly(namer.accountId());
    assertThat(accounts.findByEmail(key(email)))
        .contains(Records.withVersion(stored.withEmailVerified(), 2));
  }

  @Test
  void provingAnAddressAnotherAccountProvedIsRefusedAndWritesNothing() {
    String email = Records.email();
    Account prover = named(email);
    Account owner = created(email);
    Challenge contact = storedContact(prover.accountId(), email);

    assertThatThrownBy(
            () -> accounts.updateProvingEmail(prover.withEmailVerified(), contact.verified()))
        .isInstanceOf(EmailAlreadyRegisteredException.class);

    assertThat(accounts.find(prover.accountId())).contains(prover);
    assertThat(challenges.find(contact.challengeId(), clock.instant())).contains(contact);
    assertThat(accounts.findClaim(key(email)).ownerId()).isEqualTo(owner.accountId());
  }

  @Test
  void provingFromAStaleAccountWritesNothing() {
    String email = Records.email();
    Account prover = named(email);
    accounts.update(prover.withNextSessionVersion(), Optional.empty());
    Challenge contact = storedContact(prover.accountId(), email);
    EmailClaim before = accounts.findClaim(key(email));

    assertThatThrownBy(
            () -> accounts.updateProvingEmail(prover.withEmailVerified(), contact.verified()))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(accounts.findClaim(key(email))).isEqualTo(before);
    assertThat(challenges.find(contact.challengeId(), clock.instant())).contains(contact);
  }

  @Test
  void releasingWritesTheAccountAndTakesItOffTheClaim() {
    String email = Records.email();
    Account named = named(email);
    Account owner = created(email);

    accounts.updateReleasingEmail(named.withoutEmail().closed(), key(email));

    assertThat(accounts.find(named.accountId()))
        .contains(Records.withVersion(named.withoutEmail().closed(), 2));
    assertThat(accounts.findClaim(key(email)))
        .isEqualTo(new EmailClaim(key(email), owner.accountId(), List.of(), 3));
  }

  @Test
  void releasingFromAStaleAccountWritesNothing() {
    String email = Records.email();
    Account named = named(email);
    created(email);
    accounts.update(named.withNextSessionVersion(), Optional.empty());
    EmailClaim before = accounts.findClaim(key(email));

    assertThatThrownBy(() -> accounts.updateReleasingEmail(named.withoutEmail(), key(email)))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(accounts.findClaim(key(email))).isEqualTo(before);
    assertThat(accounts.find(named.accountId()).orElseThrow().email()).isEqualTo(email);
  }

  @Test
  void erasingTheOwnerWritesTheTombstoneAndFreesTheAddress() {
    String email = Records.email();
    Account owner = created(email);
    Account tombstone = owner.deleted().erased();

    accounts.updateErasing(tombstone, key(email));

    assertThat(accounts.find(owner.accountId())).contains(Records.withVersion(tombstone, 2));
    EmailClaim claim = accounts.findClaim(key(email));
    assertThat(claim.proven()).isFalse();
    assertThat(claim.signInCandidates()).isEmpty();
    assertThat(accounts.findByEmail(key(email))).isEmpty();
  }

  @Test
  void erasingANamerTakesItOffTheClaimAndLeavesTheOwner() {
    String email = Records.email();
    Account named = named(email);

    accounts.updateErasing(named.deleted().erased(), key(email));

    EmailClaim claim = accounts.findClaim(key(email));
    assertThat(claim.unproven()).isEmpty();
    assertThat(claim.proven()).isFalse();
    Account owner = created(email);
    assertThat(accounts.findClaim(key(email)).ownerId()).isEqualTo(owner.accountId());
  }

  @Test
  void erasingAStaleAccountWritesNothing() {
    String email = Records.email();
    Account owner = created(email);
    accounts.update(owner.withNextSessionVersion(), Optional.empty());
    EmailClaim before = accounts.findClaim(key(email));

    assertThatThrownBy(() -> accounts.updateErasing(owner.deleted().erased(), key(email)))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(accounts.findClaim(key(email))).isEqualTo(before);
    assertThat(accounts.find(owner.accountId()).orElseThrow().email()).isEqualTo(email);
  }

  @Test
  void findAllGivesTheAccountsThatExistInTheOrderAsked() {
    Account first = created(Records.email());
    Account second = named(Records.email());
    Account third = created(Records.email());

    assertThat(
            accounts.findAll(
                List.of(
                    third.accountId(), Records.accountId(), first.accountId(), second.accountId())))
        .containsExactly(third, first, second);
    assertThat(accounts.findAll(List.of(second.accountId()))).containsExactly(second);
    assertThat(accounts.findAll(List.of())).isEmpty();
  }

  /** A stored pending second verification of the account's email (version 1). */
  private Challenge storedContact(String accountId, String email) {
    Challenge voice = Records.contactChallenge(Records.challengeId(), accountId, clock.instant());
    Challenge byEmail =
        new Challenge(
            voice.challengeId(),
            voice.purpose(),
            accountId,
            null,
            Channel.EMAIL,
            email,
            voice.codeHash(),
            voice.codeExpiresAt(),
            0,
            false,
            voice.lastSentAt(),
            1,
            voice.status(),
            voice.createdAt(),
            voice.expiresAt(),
            0);
    challenges.create(byEmail);
    return challenges.find(byEmail.challengeId(), clock.instant()).orElseThrow();
  }
}
