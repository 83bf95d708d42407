#!/usr/bin/env bash
# Warm path of three API requests (GET /v1/account, verify a sign-up code, verify a card): JMH in
# sample-time mode on the handlers wired on in-memory ports (functions/warm-path). Prints each
# request's percentiles and whether p99 is under the 1 ms target; JMH's own report goes to
# functions/warm-path/target/jmh.log. Needs `make build` first. Arguments go to JMH, e.g.
# `-f 1 -i 2` for a quicker, rougher run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
jar=functions/warm-path/target/warm-path.jar
log=functions/warm-path/target/jmh.log
[[ -f "$jar" ]] || { echo "run 'make build' first" >&2; exit 1; }

echo "warm path: JMH running (about 2 minutes; its report: $log)"
# the metrics library writes EMF records locally instead of probing for an agent
AWS_EMF_ENVIRONMENT=Local java -Drepo.root="$root" -jar "$jar" -o "$log" "$@"
