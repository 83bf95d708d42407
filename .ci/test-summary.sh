#!/usr/bin/env bash
# Adds up the Surefire and Failsafe reports of every module into one closing line.
set -uo pipefail
cd "$(dirname "$0")/.."
python3 - <<'PY'
import glob, xml.etree.ElementTree as ET
tests = failures = errors = skipped = 0
for path in glob.glob("functions/*/target/surefire-reports/TEST-*.xml") + \
            glob.glob("functions/*/target/failsafe-reports/TEST-*.xml"):
    try:
        suite = ET.parse(path).getroot()
    except ET.ParseError:
        continue
    tests += int(suite.get("tests", 0))
    failures += int(suite.get("failures", 0))
    errors += int(suite.get("errors", 0))
    skipped += int(suite.get("skipped", 0))
failed = failures + errors
passed = tests - failed - skipped
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
