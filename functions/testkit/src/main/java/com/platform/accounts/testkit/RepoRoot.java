package com.platform.accounts.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the repository root, where {@code infrastructure/} and {@code .venv/} live. */
final class RepoRoot {
  private RepoRoot() {}

  /**
   * Walks up from system property {@code repo.root}, then from the working directory. The property
   * is only a starting point: Maven sets it from {@code maven.multiModuleProjectDirectory}, which
   * is the module's own folder when a build is started with {@code -f module/pom.xml}.
   */
  static Optional<Path> find() {
    List<Path> starts = new ArrayList<>();
    String hint = System.getProperty("repo.root");
    if (hint != null && !hint.isBlank()) {
      starts.add(Path.of(hint));
    }
    starts.add(Path.of(System.getProperty("user.dir")));
    return find(starts);
  }

  static Optional<Path> find(List<Path> starts) {
    for (Path start : starts) {
      for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
        if (isRoot(dir)) {
          return Optional.of(dir);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isRoot(Path dir) {
    return Files.isRegularFile(dir.resolve("template.yaml"))
        || (Files.isRegularFile(dir.resolve("pom.xml"))
            && Files.isDirectory(dir.resolve("functions")));
  }
}
