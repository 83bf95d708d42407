package com.platform.accounts.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.AccountStatus;
import com.platform.accounts.core.account.EmailClaim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInChoiceTest {
  private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
  private static final EmailClaim NOBODY = EmailClaim.unclaimed("ana@example.com");

  private static Account account(String accountId, String hash, Instant createdAt) {
    return new Account(
        accountId,
        "ana@example.com",
        "US",
        "+12025550123",
        hash,
        AccountStatus.ACTIVE,
        false,
        true,
        "2026-11-01",
        createdAt,
        0,
        createdAt,
        1);
  }

  /** The hashes a sign-in checked the password against, in order (null: the decoy). */
  private final List<String> checked = new ArrayList<>();

  private Optional<Account> choose(String matching, Account... candidates) {
    return SignInChoice.choose(
        Arrays.asList(candidates),
        hash -> {
          checked.add(hash);
          return hash != null && hash.equals(matching);
        });
  }

  /** The hashes checked by a sign-in with the address of the claim, as the service weighs it. */
  private List<String> checkedSigningInTo(EmailClaim claim, Map<String, Account> stored) {
    checked.clear();
    choose("wrong", claim.signInCandidates().stream().map(stored::get).toArray(Account[]::new));
    return new ArrayList<>(checked);
  }

  @Test
  void aSignInChecksThePasswordExactlyOnceWhoeverHoldsTheAddress() {
    Account owner = account("acc_owner", "h-owner", T0);
    Account namer = account("acc_namer", "h-namer", T0.plusSeconds(1));
    Account late = account("acc_late", "h-late", T0.plusSeconds(2));
    Map<String, Account> stored =
        Map.of(owner.accountId(), owner, namer.accountId(), namer, late.accountId(), late);
    EmailClaim named = NOBODY.namedBy(namer.accountId());
    assertThat(named.admitsUnproven()).as("the late sign-up is past the cap").isFalse();

    assertThat(checkedSigningInTo(NOBODY, stored)).as("nobody").containsExactly((String) null);
    assertThat(checkedSigningInTo(named, stored)).as("one namer").containsExactly("h-namer");
    assertThat(checkedSigningInTo(named.provenBy(owner.accountId()), stored))
        .as("an owner, the namer still to release")
        .containsExactly("h-owner");
    assertThat(checkedSigningInTo(named.provenBy(late.accountId()), stored))
        .as("the late sign-up once it proved the address")
        .containsExactly("h-late");
  }

  @Test
  void theAccountWhosePasswordMatchesIsReached() {
    Account bo = account("acc_bo", "h-bo", T0);

    assertThat(choose("h-bo", bo)).contains(bo);
    assertThat(checked).containsExactly("h-bo");
  }

  @Test
  void aClaimListingSeveralCandidatesHasItsOldestWeighedAloneInOneCheck() {
    Account older = account("acc_z", "h-old", T0);
    Account newer = account("acc_a", "h-new", T0.plusSeconds(1));

    assertThat(choose("h-new", newer, older)).isEmpty();
    assertThat(choose("h-old", newer, older)).contains(older);
    assertThat(checked).containsExactly("h-old", "h-old");
  }

  @Test
  void noAccountIsReachedWhenNoPasswordMatches() {
    assertThat(choose("other", account("acc_1", "h1", T0))).isEmpty();
    assertThat(choose("anything")).isEmpty();
    assertThat(checked).containsExactly("h1", null);
  }
}
