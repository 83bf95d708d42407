package com.platform.accounts.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.platform.accounts.core.account.Account;
import com.platform.accounts.core.account.AccountStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInChoiceTest {
  private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

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

  @Test
  void aSignInChecksThePasswordThreeTimesWhateverNumberOfAccountsHoldTheAddress() {
    choose("h1");
    assertThat(checked).containsExactly(null, null, null);

    checked.clear();
    choose("h1", account("acc_1", "h1", T0));
    assertThat(checked).containsExactly("h1", null, null);

    checked.clear();
    choose(
        "none",
        account("acc_1", "h1", T0),
        account("acc_2", "h2", T0.plusSeconds(1)),
        account("acc_3", "h3", T0.plusSeconds(2)));
    assertThat(checked).containsExactly("h1", "h2", "h3");
  }

  @Test
  void theAccountWhosePasswordMatchesIsReached() {
    Account bo = account("acc_bo", "h-bo", T0.plusSeconds(5));

    assertThat(choose("h-bo", account("acc_ana", "h-ana", T0), bo)).contains(bo);
  }

  @Test
  void whenSeveralMatchTheOldestIsReached() {
    Account older = account("acc_z", "same", T0);
    Account newer = account("acc_a", "same", T0.plusSeconds(1));

    assertThat(choose("same", newer, older)).contains(older);
    assertThat(checked).hasSize(SignInChoice.CHECKS);
  }

  @Test
  void noAccountIsReachedWhenNoPasswordMatches() {
    assertThat(choose("other", account("acc_1", "h1", T0))).isEmpty();
    assertThat(choose("anything")).isEmpty();
  }
}
