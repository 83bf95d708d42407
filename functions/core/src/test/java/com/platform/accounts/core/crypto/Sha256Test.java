package com.platform.accounts.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Sha256Test {

  @Test
  void hashesTheUtf8BytesAsLowercaseHex() {
    // FIPS 180-2, appendix B.1
    assertThat(Sha256.hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void hashesTextBeyondAsciiAsUtf8() {
    // U+00E9 is the two bytes C3 A9 in UTF-8, one byte in Latin-1
    assertThat(Sha256.hex("\u00e9"))
        .isEqualTo("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
  }
}
