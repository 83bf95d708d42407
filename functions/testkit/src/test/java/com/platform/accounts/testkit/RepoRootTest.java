package com.platform.accounts.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoRootTest {
  @TempDir Path temp;

  @Test
  void walksUpFromAModuleToTheFolderWithPomAndFunctions() throws IOException {
    Path repo = Files.createDirectories(temp.resolve("repo"));
    Files.writeString(repo.resolve("pom.xml"), "<project/>");
    Path module = Files.createDirectories(repo.resolve("functions/testkit"));
    Files.writeString(
        module.resolve("pom.xml"), "<project/>"); // a module pom alone is not the root

    assertThat(RepoRoot.find(List.of(module))).contains(repo);
  }

  @Test
  void aTemplateMarksTheRootToo() throws IOException {
    Path repo = Files.createDirectories(temp.resolve("sam"));
    Files.writeString(repo.resolve("template.yaml"), "Resources: {}");
    Path deep = Files.createDirectories(repo.resolve("a/b/c"));

    assertThat(RepoRoot.find(List.of(deep))).contains(repo);
  }

  @Test
  void triesTheNextStartWhenTheFirstLeadsNowhere() throws IOException {
    Path nowhere = Files.createDirectories(temp.resolve("unrelated/dir"));
    Path repo = Files.createDirectories(temp.resolve("repo2"));
    Files.writeString(repo.resolve("template.yaml"), "Resources: {}");

    assertThat(RepoRoot.find(List.of(nowhere, repo))).contains(repo);
  }

  @Test
  void thisBuildFindsItsOwnRepository() {
    Path root = RepoRoot.find().orElseThrow();

    assertThat(root.resolve("infrastructure/emulator/venv.sh")).isRegularFile();
  }
}
