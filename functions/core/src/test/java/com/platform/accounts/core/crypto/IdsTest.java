package com.platform.accounts.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdsTest {

  @Test
  void anIdIsItsPrefixAndTwentyTwoUrlSafeCharacters() {
    String id = Ids.next("acc");

    assertThat(id).matches("acc_[A-Za-z0-9_-]{22}");
    assertThat(Ids.next("acc")).isNotEqualTo(id);
  }

  @Test
  void anIdLooksLikeOneOfItsOwnPrefixOnly() {
    String id = Ids.next("sgn");

    assertThat(Ids.looksLike("sgn", id)).isTrue();
    assertThat(Ids.looksLike("ver", id)).isFalse();
    assertThat(Ids.looksLike("sgn", null)).isFalse();
  }

  @Test
  void aValueOfAnotherLengthOrWithForeignCharactersDoesNotLookLikeAnId() {
    String body = "A".repeat(22);

    assertThat(Ids.looksLike("sgn", "sgn_" + body)).isTrue();
    assertThat(Ids.looksLike("sgn", "sgn_" + body.substring(1))).isFalse();
    assertThat(Ids.looksLike("sgn", "sgn_" + body + "A")).isFalse();
    assertThat(Ids.looksLike("sgn", "sgnX" + body)).as("no separator").isFalse();
    assertThat(Ids.looksLike("sgn", "sgn_" + body.substring(1) + "/")).isFalse();
    assertThat(Ids.looksLike("sgn", "sgn_../" + body.substring(3))).isFalse();
  }

  @Test
  void wellFormedIdsAreShortAndUrlSafe() {
    assertThat(Ids.wellFormed("pm_AZaz09-_")).isTrue();
    assertThat(Ids.wellFormed("x".repeat(64))).isTrue();
    assertThat(Ids.wellFormed("x".repeat(65))).isFalse();
    assertThat(Ids.wellFormed("")).isFalse();
    assertThat(Ids.wellFormed(null)).isFalse();
  }

  @Test
  void everyCharacterJustOutsideTheUrlSafeRangesIsRefused() {
    for (char c : "AZaz09-_".toCharArray()) {
      assertThat(Ids.wellFormed(String.valueOf(c))).as("%s", c).isTrue();
    }
    // the neighbours of each range: @ [ ` { / : and a few that paths and queries use
    for (char c : "@[`{/:.%?#~ ".toCharArray()) {
      assertThat(Ids.wellFormed("id" + c)).as("%s", c).isFalse();
    }
  }
}
