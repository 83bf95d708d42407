#!/usr/bin/env bash
# Adds up the Surefire and Failsafe reports of every module into one closing line. Test cases are
# counted one by one: a report's own totals read 0 for classes whose tests sit in @Nested classes.
set -uo pipefail
cd "$(dirname "$0")/.."
python3 - <<'PY'
import glob, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob("functions/*/target/surefire-reports/TEST-*.xml") + \
            glob.glob("functions/*/target/failsafe-reports/TEST-*.xml"):
    try:
        suite = ET.parse(path).getroot()
    except ET.ParseError:
        continue
    for case in suite.iter("testcase"):
        tags = {child.tag for child in case}
        if tags & {"failure", "error", "rerunFailure", "rerunError"}:
            failed += 1
        elif "skipped" in tags:
            skipped += 1
        else:
            passed += 1
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
