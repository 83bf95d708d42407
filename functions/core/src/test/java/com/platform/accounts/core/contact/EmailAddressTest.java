package com.platform.accounts.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressTest {
  /** A label that punycode spells in exactly 63 characters, the most a label may have. */
  private static final String LONGEST_UNICODE_LABEL = "ü".repeat(57);

  @Test
  void anAddressKeepsItsLocalPartAndLowersItsDomainAndItsKeyIsFullyCaseFolded() {
    assertThat(EmailAddress.parse("  Ana.Maria+news@Example.COM "))
        .contains(new EmailAddress("Ana.Maria+news@example.com", "ana.maria+news@example.com"));
  }

  @Test
  void anInternationalisedDomainIsKeptInItsAsciiForm() {
    assertThat(EmailAddress.parse("ana@Bücher.de"))
        .contains(new EmailAddress("ana@xn--bcher-kva.de", "ana@xn--bcher-kva.de"));
    assertThat(EmailAddress.parse("ana@example.xn--p1ai")).isPresent();
  }

  @Test
  void somethingThatIsNotAnAddressIsRefused() {
    assertThat(EmailAddress.parse(null)).isEmpty();
    assertThat(EmailAddress.parse("ana.example.com")).as("no @").isEmpty();
    assertThat(EmailAddress.parse("@example.com")).as("no local part").isEmpty();
    assertThat(EmailAddress.parse("ana@")).as("no domain").isEmpty();
    assertThat(EmailAddress.parse("a b@example.com")).as("a space").isEmpty();
    assertThat(EmailAddress.parse("ana..b@example.com")).as("two dots").isEmpty();
    assertThat(EmailAddress.parse("josé@example.com")).as("SES cannot send to it").isEmpty();
  }

  @Test
  void aDomainMustBeAHostNameWithALettersTopLevelDomain() {
    assertThat(EmailAddress.parse("ana@localhost")).as("one label").isEmpty();
    assertThat(EmailAddress.parse("ana@example..com")).as("empty label").isEmpty();
    assertThat(EmailAddress.parse("ana@example.com.")).as("trailing dot").isEmpty();
    assertThat(EmailAddress.parse("ana@-example.com")).as("leading hyphen").isEmpty();
    assertThat(EmailAddress.parse("ana@exa_mple.com")).as("underscore").isEmpty();
    assertThat(EmailAddress.parse("ana@example.c0m")).as("digit in the TLD").isEmpty();
    assertThat(EmailAddress.parse("ana@example.c")).as("one-letter TLD").isEmpty();
    assertThat(EmailAddress.parse("ana@[127.0.0.1]")).as("address literal").isEmpty();
    assertThat(EmailAddress.parse("ana@10.0.0.1")).as("IP address").isEmpty();
  }

  @Test
  void anAddressMayHave254CharactersAndNotOneMore() {
    String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".com";
    String fits = "a".repeat(58) + "@" + domain;

    assertThat(fits).hasSize(254);
    assertThat(EmailAddress.parse(fits)).isPresent();
    assertThat(EmailAddress.parse("a" + fits)).isEmpty();
  }

  @Test
  void aLocalPartMayHave64CharactersAndNotOneMore() {
    assertThat(EmailAddress.parse("a".repeat(64) + "@example.com")).isPresent();
    assertThat(EmailAddress.parse("a".repeat(65) + "@example.com")).isEmpty();
  }

  @Test
  void aDomainMayHave253CharactersInItsAsciiFormAndNotOneMore() {
    String unicodeLabels = (LONGEST_UNICODE_LABEL + ".").repeat(3);

    assertThat(EmailAddress.parse("a@" + unicodeLabels + "b".repeat(58) + ".de")).isPresent();
    assertThat(EmailAddress.parse("a@" + unicodeLabels + "b".repeat(59) + ".de")).isEmpty();
  }

  @Test
  void theMaskShowsTheFirstLetterAndTheDomainOnly() {
    assertThat(EmailAddress.mask("ana@example.com")).isEqualTo("a***@example.com");
    assertThat(EmailAddress.mask("@example.com")).isEqualTo("***");
    assertThat(EmailAddress.mask("no-address")).isEqualTo("***");
  }
}
