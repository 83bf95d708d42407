package com.platform.accounts.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MimeTextTest {

  @Test
  void plainMessageWithoutContentType() {
    MimeText mime =
        MimeText.parse("Subject: Hello\r\nFrom: a@example.com\r\n\r\nLine one\r\nLine two\r\n\r\n");

    assertThat(mime.subject()).isEqualTo("Hello");
    assertThat(mime.header("from")).isEqualTo("a@example.com");
    assertThat(mime.body()).isEqualTo("Line one\r\nLine two");
  }

  @Test
  void foldedHeadersAreUnfolded() {
    MimeText mime = MimeText.parse("Subject: a long\r\n  subject line\nX-Other: 1\n\nbody");

    assertThat(mime.subject()).isEqualTo("a long  subject line");
    assertThat(mime.header("X-OTHER")).isEqualTo("1");
  }

  @Test
  void encodedWordsInBothEncodingsAndAdjacent() {
    assertThat(MimeText.decodeEncodedWords("=?UTF-8?B?R3LDvMOfZQ==?= und =?iso-8859-1?Q?K=FCsse?="))
        .isEqualTo("Grüße und Küsse");
    // white space between adjacent encoded words is folding, not text
    assertThat(MimeText.decodeEncodedWords("=?utf-8?q?Dein_Code?=\r\n =?utf-8?q?_ist_da?="))
        .isEqualTo("Dein Code ist da");
    assertThat(MimeText.decodeEncodedWords("plain text")).isEqualTo("plain text");
    // an unknown charset is read as UTF-8 rather than failing the test that asked
    assertThat(MimeText.decodeEncodedWords("=?x-unknown?Q?caf=C3=A9?=")).isEqualTo("café");
  }

  @Test
  void nestedMultipartPrefersHtmlOverTextAndIgnoresAttachments() {
    String raw =
        String.join(
            "\r\n",
            "Subject: Nested",
            "Content-Type: multipart/mixed; boundary=outer",
            "",
            "preamble",
            "--outer",
            "Content-Type: multipart/alternative; boundary=\"inner\"",
            "",
            "--inner",
            "Content-Type: text/plain; charset=utf-8",
            "",
            "text version",
            "--inner",
            "Content-Type: text/html; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "<p>html =",
            "version =E2=9C=93</p>",
            "--inner--",
            "--outer",
            "Content-Type: application/pdf",
            "Content-Transfer-Encoding: base64",
            "",
            "JVBERi0=",
            "--outer--",
            "epilogue");

    assertThat(MimeText.parse(raw).body()).isEqualTo("<p>html version ✓</p>");
  }

  @Test
  void multipartWithOnlyTextAndAPartWithoutHeaders() {
    String onlyText =
        "Content-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/plain\n\nhi\n--b--\n";
    String headerless =
        "Content-Type: multipart/mixed; boundary=b\n\n--b\n\nno headers here\n--b--\n";

    assertThat(MimeText.parse(onlyText).body()).isEqualTo("hi");
    assertThat(MimeText.parse(headerless).body()).isEqualTo("no headers here");
  }

  @Test
  void base64BodyInDeclaredCharset() {
    String raw =
        "Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: Base64\n\n"
            + "R3L832U=\n";

    assertThat(MimeText.parse(raw).body()).isEqualTo("Grüße");
  }

  @Test
  void headersOnly() {
    MimeText mime = MimeText.parse("Subject: nothing else");

    assertThat(mime.subject()).isEqualTo("nothing else");
    assertThat(mime.body()).isEmpty();
  }
}
