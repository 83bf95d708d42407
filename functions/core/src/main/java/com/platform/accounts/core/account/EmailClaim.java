package com.platform.accounts.core.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who holds an email address: the account that proved it (its owner), and the accounts that named
 * it at sign-up without proving it. An address is claimed only when proven: naming it never blocks
 * its owner, and whoever proves it takes it from the accounts that only named it.
 *
 * <p>{@code email} is the address's normalised key; {@code unproven} is sorted, so that a claim
 * reads back equal from any store. {@code version} is the optimistic-locking counter of the stored
 * claim, 0 when nothing is stored: an account is added to {@code unproven} only on the claim as it
 * was read, so no more than {@link #MAX_UNPROVEN} ever name an address, and none once it is proven.
 */
public record EmailClaim(String email, String ownerId, List<String> unproven, long version) {
  /**
   * How many accounts may name one address without proving it. One, because a sign-in does the same
   * work whoever holds the address, so that its time tells nothing: one Argon2 check, against the
   * owner's hash, the namer's, or the decoy. Each further name allowed would add an Argon2 check to
   * every sign-in by any address, and to its cold start. A phone sign-up past the cap still makes
   * its account and is answered alike; sign-in by the address cannot reach that account until it
   * proves the address by the second verification, which configuring the account requires anyway,
   * and then owns it: the namer loses it.
   */
  public static final int MAX_UNPROVEN = 1;

  public EmailClaim {
    unproven = List.copyOf(new TreeSet<>(unproven));
  }

  /** The claim of an address nobody holds. */
  public static EmailClaim unclaimed(String email) {
    return new EmailClaim(key(email), null, List.of(), 0);
  }

  /** The address's key: letter case never makes two addresses different holders. */
  public static String key(String email) {
    return email.toLowerCase(Locale.ROOT);
  }

  public Optional<String> owner() {
    return Optional.ofNullable(ownerId);
  }

  public boolean proven() {
    return ownerId != null;
  }

  /**
   * Whether one more account that names the address without proving it is held here, where sign-in
   * finds it: only while nobody proved the address and fewer than {@link #MAX_UNPROVEN} name it
   * (that is, none does yet).
   */
  public boolean admitsUnproven() {
    return ownerId == null && unproven.size() < MAX_UNPROVEN;
  }

  public EmailClaim namedBy(String accountId) {
    List<String> names = new ArrayList<>(unproven);
    names.add(accountId);
    return new EmailClaim(email, ownerId, names, version);
  }

  /** Owned by the account that proved it, which no longer merely names it. */
  public EmailClaim provenBy(String accountId) {
    return new EmailClaim(email, accountId, without(accountId), version);
  }

  public EmailClaim releasing(String accountId) {
    return new EmailClaim(email, ownerId, without(accountId), version);
  }

  /** Without the account, whether it owned the address or named it: a deleted account's. */
  public EmailClaim erasing(String accountId) {
    return new EmailClaim(
        email, accountId.equals(ownerId) ? null : ownerId, without(accountId), version);
  }

  /**
   * The accounts that a sign-in with the address weighs: its owner, or, while it has none, the
   * accounts that named it.
   */
  public List<String> signInCandidates() {
    return ownerId != null ? List.of(ownerId) : unproven;
  }

  /** The accounts that named the address without proving it and lose it to its owner. */
  public List<String> toRelease() {
    return ownerId == null ? List.of() : without(ownerId);
  }

  private List<String> without(String accountId) {
    List<String> names = new ArrayList<>(unproven);
    names.remove(accountId);
    return names;
  }
}
