package com.platform.accounts.local;

import com.platform.accounts.asl.ManualClock;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The local runtime as tests run it: a fresh one per test class, so no class sees another's data,
 * on a clock that moves only when the test moves it (no ticker thread).
 */
final class TestRuntimes {
  /** Where every test runtime's clock starts: each run sees the same times, whatever the date. */
  static final Instant START = Instant.parse("2026-11-26T09:00:00Z");

  private TestRuntimes() {}

  static Path repoRoot() {
    return Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();
  }

  static LocalRuntime start() {
    return LocalRuntime.builder(repoRoot()).clock(new ManualClock(START)).start();
  }
}
