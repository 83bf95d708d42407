package com.platform.accounts.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmailClaimTest {
  private static final EmailClaim NOBODY = EmailClaim.unclaimed("Ana@Example.com");

  @Test
  void anAddressIsHeldByItsLowerCasedForm() {
    assertThat(NOBODY.email()).isEqualTo("ana@example.com");
    assertThat(NOBODY.version()).isZero();
    assertThat(NOBODY.proven()).isFalse();
  }

  @Test
  void upToThreeAccountsMayNameAnAddressNobodyProved() {
    EmailClaim claim = NOBODY;
    for (String accountId : List.of("acc_c", "acc_a", "acc_b")) {
      assertThat(claim.admitsUnproven()).isTrue();
      claim = claim.namedBy(accountId);
    }

    assertThat(claim.admitsUnproven()).as("a fourth").isFalse();
    assertThat(claim.unproven()).containsExactly("acc_a", "acc_b", "acc_c");
  }

  @Test
  void noAccountNamesAnAddressOnceItIsProven() {
    assertThat(NOBODY.provenBy("acc_owner").admitsUnproven()).isFalse();
  }

  @Test
  void signInWeighsTheAccountsThatNamedTheAddressWhileNobodyProvedIt() {
    EmailClaim named = NOBODY.namedBy("acc_a").namedBy("acc_b");

    assertThat(named.signInCandidates()).containsExactly("acc_a", "acc_b");
    assertThat(named.toRelease()).as("nobody to lose it to").isEmpty();
  }

  @Test
  void whoeverProvesTheAddressIsTheOnlyOneSignInWeighsAndTheOthersLoseIt() {
    EmailClaim proven = NOBODY.namedBy("acc_a").namedBy("acc_b").provenBy("acc_b");

    assertThat(proven.ownerId()).isEqualTo("acc_b");
    assertThat(proven.signInCandidates()).containsExactly("acc_b");
    assertThat(proven.unproven()).containsExactly("acc_a");
    assertThat(proven.toRelease()).containsExactly("acc_a");
    assertThat(proven.releasing("acc_a").toRelease()).isEmpty();
  }
}
