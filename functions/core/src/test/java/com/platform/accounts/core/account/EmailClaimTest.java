package com.platform.accounts.core.account;

import static org.assertj.core.api.Assertions.assertThat;

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
  void oneAccountAloneMayNameAnAddressNobodyProved() {
    assertThat(NOBODY.admitsUnproven()).isTrue();
    EmailClaim named = NOBODY.namedBy("acc_a");

    assertThat(named.admitsUnproven()).as("a second").isFalse();
    assertThat(named.unproven()).containsExactly("acc_a");
    assertThat(named.releasing("acc_a").admitsUnproven()).as("once it lost it").isTrue();
  }

  @Test
  void noAccountNamesAnAddressOnceItIsProven() {
    assertThat(NOBODY.provenBy("acc_owner").admitsUnproven()).isFalse();
  }

  @Test
  void signInWeighsTheAccountThatNamedTheAddressWhileNobodyProvedIt() {
    EmailClaim named = NOBODY.namedBy("acc_a");

    assertThat(named.signInCandidates()).containsExactly("acc_a");
    assertThat(named.toRelease()).as("nobody to lose it to").isEmpty();
  }

  @Test
  void anAccountPastTheCapThatProvesTheAddressIsTheOnlyOneSignInWeighsAndTheNamerLosesIt() {
    EmailClaim proven = NOBODY.namedBy("acc_a").provenBy("acc_b");

    assertThat(proven.ownerId()).isEqualTo("acc_b");
    assertThat(proven.signInCandidates()).containsExactly("acc_b");
    assertThat(proven.unproven()).containsExactly("acc_a");
    assertThat(proven.toRelease()).containsExactly("acc_a");
    assertThat(proven.releasing("acc_a").toRelease()).isEmpty();
  }

  @Test
  void theNamerThatProvesTheAddressOwnsItAndNobodyLosesIt() {
    EmailClaim proven = NOBODY.namedBy("acc_a").provenBy("acc_a");

    assertThat(proven.signInCandidates()).containsExactly("acc_a");
    assertThat(proven.unproven()).isEmpty();
    assertThat(proven.toRelease()).isEmpty();
  }
}
