package com.platform.accounts.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * SnapStart applies to published versions only: a state machine that invokes a function's bare ARN
 * runs $LATEST, without the snapshot or its priming. Every function a state machine invokes is
 * invoked through the alias that AutoPublishAlias publishes.
 */
class SnapStartTemplateTest {
  private static final Path TEMPLATE =
      Path.of(System.getProperty("repo.root", "../..")).resolve("template.yaml");

  @Test
  void stateMachinesInvokeThePublishedAliasOfEachFunction() throws IOException {
    String template = Files.readString(TEMPLATE);
    Matcher substitution = Pattern.compile("(\\w+FunctionArn): (.+)").matcher(template);
    List<String> references = new ArrayList<>();
    while (substitution.find()) {
      references.add(substitution.group(1) + ": " + substitution.group(2).strip());
    }

    assertThat(references)
        .isNotEmpty()
        .allMatch(reference -> reference.matches("\\w+: !Ref \\w+Function\\.Alias"), "an alias");
    assertThat(template).contains("AutoPublishAlias: live").contains("ApplyOn: PublishedVersions");
  }
}
