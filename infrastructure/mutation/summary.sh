#!/usr/bin/env bash
# Prints the kill rate of PIT's last run on the core, package by package, and fails when a class
# has mutants but no test reaches any of them: the overall threshold alone would let a small class
# go entirely untested.
set -uo pipefail
cd "$(dirname "$0")/../.."
python3 - functions/core/target/pit-reports/mutations.xml <<'PY'
import collections, sys, xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except (OSError, ET.ParseError) as e:
    sys.exit(f"no PIT report to summarise: {e}")
PREFIX = "com.platform.accounts.core."
killed, total, uncovered = collections.Counter(), collections.Counter(), collections.Counter()
by_class = collections.defaultdict(collections.Counter)
for m in root.iter("mutation"):
    cls = m.findtext("mutatedClass").split("$")[0]
    package = cls.rsplit(".", 1)[0].removeprefix(PREFIX)
    total[package] += 1
    by_class[cls]["all"] += 1
    if m.get("detected") == "true":
        killed[package] += 1
    if m.get("status") == "NO_COVERAGE":
        uncovered[package] += 1
        by_class[cls]["none"] += 1
print(f"{'package':<14} {'killed':>6} {'of':>5} {'rate':>6} {'no test':>8}")
for package in sorted(total):
    print(f"{package:<14} {killed[package]:>6} {total[package]:>5} "
          f"{100 * killed[package] / total[package]:>5.1f}% {uncovered[package]:>8}")
k, t = sum(killed.values()), sum(total.values())
print(f"{'core':<14} {k:>6} {t:>5} {100 * k / t:>5.1f}% {sum(uncovered.values()):>8}")
dark = sorted(c for c, n in by_class.items() if n["none"] == n["all"])
if dark:
    print("classes no test reaches:", ", ".join(dark))
    sys.exit(1)
PY
