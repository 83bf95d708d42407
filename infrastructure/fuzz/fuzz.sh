#!/usr/bin/env bash
# Fuzzes every operation of infrastructure/openapi.yaml against the local runtime with Schemathesis
# and every check it has: no 5xx, status codes, content types, response headers and schemas as
# documented, schema-valid requests accepted and invalid ones refused, required headers, undeclared
# methods (405 with Allow), ignored authentication, and the stateful links (sign-up -> verify,
# card token -> add card -> verify / remove). Runs anonymously, then with the session of an account
# whose email and phone are both proven; logout and the local clock, which change what the other
# operations see, run last on their own. Settings and the rules JSON Schema cannot state are in
# schemathesis.toml and hooks.py next to this file.
#
# Usage: make fuzz                  the long run: FUZZ_EXAMPLES (default 600) per operation and
#                                   phase, a random seed unless FUZZ_SEED is set
#        fuzz.sh --quick            the short fixed-seed run of `make test`
# Prints the requests sent and the test cases generated; fails if any check failed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
here=infrastructure/fuzz
venv="$root/.venv-fuzz"
jar=functions/local/target/local.jar
[[ -f "$jar" ]] || { echo "fuzz.sh: $jar is missing; run 'make build' first" >&2; exit 1; }

quick=false
if [[ "${1:-}" == "--quick" ]]; then
  quick=true
  examples=3
  seed="${FUZZ_SEED:-20261127}"
  max_steps=6
else
  examples="${FUZZ_EXAMPLES:-600}"
  seed="${FUZZ_SEED:-$RANDOM$RANDOM}"
  max_steps=20
fi

# the venv follows requirements.txt: installed on a fresh machine, reinstalled when it changes
stamp="$venv/.requirements"
if [[ ! -x "$venv/bin/st" ]] || ! cmp -s "$here/requirements.txt" "$stamp"; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --disable-pip-version-check -q -r "$here/requirements.txt"
  cp "$here/requirements.txt" "$stamp"
fi

port=$("$venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
reports="$venv/reports"
rm -rf "$reports" && mkdir -p "$reports"
PORT=$port java -XX:TieredStopAtLevel=1 -jar "$jar" >"$reports/local.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
api="http://127.0.0.1:$port"
# the runtime's own origin is the frontend origin of PayPal returns (hooks.py)
export FUZZ_ORIGIN="$api"
up() { "$venv/bin/python" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' "$api/" 2>/dev/null; }
for _ in $(seq 1 120); do up && break; sleep 0.5; done
up || { echo "fuzz.sh: the local runtime did not start" >&2; cat "$reports/local.log" >&2; exit 1; }

session=$("$venv/bin/python" "$here/session.py" "$api" fuzz@example.com --both-contacts)
logout_session=$("$venv/bin/python" "$here/session.py" "$api" fuzz-logout@example.com)
deletion_session=$("$venv/bin/python" "$here/session.py" "$api" fuzz-deletion@example.com)
# hooks.py links PayPal with it for each generated return (a state only PayPal's redirect has)
export FUZZ_SESSION="$session"

export PYTHONPATH="$root/$here" SCHEMATHESIS_HOOKS=hooks
status=0
# run NAME TOKEN [st options]: one Schemathesis run, with TOKEN as the bearerAuth of the document
# (so that the checks of authentication can also send a request without it), or anonymous
run() {
  local name=$1 token=$2 config="$reports/$1.toml"
  shift 2
  cp "$here/schemathesis.toml" "$config"
  printf '\n[phases.stateful]\nmax-steps = %s\n' "$max_steps" >>"$config"
  # the coverage phase tries a sign-up in each of the 238 countries, each hashing a password with
  # Argon2: the long run does, the short one leaves it out
  ! $quick || printf '\n[[operations]]\ninclude-operation-id = "startSignup"\nphases.coverage.enabled = false\n' >>"$config"
  [[ -z "$token" ]] || printf '\n[auth.openapi.bearerAuth]\nbearer = "%s"\n' "$token" >>"$config"
  echo "== fuzz: $name"
  "$venv/bin/st" --config-file "$config" run infrastructure/openapi.yaml \
    --url "$api" --max-examples "$examples" --seed "$seed" \
    --report junit,json,har --report-dir "$reports/$name" "$@" || status=1
}
# The public operations run anonymously; those of the signed-in account with the session (and the
# sandbox's card form, whose tokens it adds), where every check of authentication also sends them
# without it and with a bad token. Logout ends the account's sessions, a deletion (the document's
# example carries the accounts' password) ends the account, and the clock moves every expiry: each
# runs apart, last, with an account of its own.
apart=(--phases examples,coverage,fuzzing --include-operation-id)
run anonymous "" --include-path-regex '^/(v1/signups|v1/sessions$|_local/(outbox|card-tokens|statements))'
run session "$session" --exclude-path-regex '^/(v1/signups|v1/sessions|_local/(outbox|statements|clock))' \
  --exclude-operation-id deleteAccount
run logout "$logout_session" "${apart[@]}" logout
run deletion "$deletion_session" "${apart[@]}" deleteAccount
run clock "" "${apart[@]}" advanceLocalClock

"$venv/bin/python" - "$reports" "$seed" <<'PY'
import glob, json, sys
reports, seed = sys.argv[1], sys.argv[2]
requests = sum(len(json.load(open(f))["log"]["entries"]) for f in glob.glob(f"{reports}/*/har-*.json"))
runs = [json.load(open(f)) for f in glob.glob(f"{reports}/*/json-*.json")]
cases = sum(r["test_cases"]["generated"] for r in runs)
failures = sum(r["test_cases"]["unique_failures"] + r["test_cases"]["errored"] for r in runs)
print(f"fuzz: {requests} requests, {cases} test cases, {failures} failures (seed {seed}; reports in {reports})")
PY
exit $status
