#!/usr/bin/env bash
# Cold start of every handler: for each, a fresh JVM builds the handler with its production
# constructor (SDK clients, keys from SSM, services) against a moto emulator and invokes it once with
# its events/ sample. A do-nothing handler is measured in the same run as the baseline.
# Prints a Markdown table of medians over RUNS runs (default 5). Needs `make build` first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
runs="${RUNS:-5}"
handlers_jar=functions/handlers/target/handlers.jar
bench_jar=$(ls functions/benchmarks/target/benchmarks-*.jar | head -1)
[[ -f "$handlers_jar" && -f "$bench_jar" ]] || { echo "run 'make build' first" >&2; exit 1; }

bash infrastructure/emulator/venv.sh >/dev/null
port=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
bash infrastructure/emulator/moto.sh start "$port" >/dev/null
trap 'bash infrastructure/emulator/moto.sh stop >/dev/null 2>&1 || true' EXIT
eval "$(.venv/bin/python infrastructure/emulator/bootstrap.py "http://127.0.0.1:$port")"

jvm_flags=(-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Xshare:auto)
cases=(
  "baseline (hello world)|com.platform.accounts.benchmarks.HelloHandler|-"
  "SignupApi POST /v1/signups|com.platform.accounts.handlers.api.SignupApi|events/SignupApiFunction-post-signups.json"
  "SessionApi POST /v1/sessions|com.platform.accounts.handlers.api.SessionApi|events/SessionApiFunction-post-sessions.json"
  "AccountApi GET /v1/account|com.platform.accounts.handlers.api.AccountApi|events/AccountApiFunction-get-account.json"
  "ContactVerificationTasks EXPIRE|com.platform.accounts.handlers.tasks.ContactVerificationTasks|events/ContactVerificationTasksFunction-expire.json"
  "PaymentMethodsApi POST /v1/account/payment-methods/cards|com.platform.accounts.handlers.api.PaymentMethodsApi|events/PaymentMethodsApiFunction-post-cards.json"
  "ExpireHoldsJob (schedule)|com.platform.accounts.handlers.jobs.ExpireHoldsJob|events/ExpireHoldsFunction-schedule.json"
)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "| handler | wall ms | init ms | first invoke ms | classes loaded | answer |"
echo "|---|---:|---:|---:|---:|---|"
for case in "${cases[@]}"; do
  IFS='|' read -r label class event <<<"$case"
  walls=(); inits=(); invokes=(); classes=(); answer=""
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    line=$(java "${jvm_flags[@]}" -Dlog4j2.level=WARN -cp "$handlers_jar:$bench_jar" \
      com.platform.accounts.benchmarks.ColdStart "$class" "$event" 2>/dev/null | grep '^{"handler"' | tail -1)
    end=$(date +%s%N)
    walls+=($(( (end - start) / 1000000 )))
    inits+=("$(sed -E 's/.*"initMs":([0-9]+).*/\1/' <<<"$line")")
    invokes+=("$(sed -E 's/.*"firstInvokeMs":([0-9]+).*/\1/' <<<"$line")")
    classes+=("$(sed -E 's/.*"classesLoaded":([0-9]+).*/\1/' <<<"$line")")
    answer="$(sed -E 's/.*"status":"([^"]*)".*/\1/' <<<"$line")"
  done
  printf '| %s | %s | %s | %s | %s | %s |\n' "$label" \
    "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${inits[@]}" | median)" \
    "$(printf '%s\n' "${invokes[@]}" | median)" "$(printf '%s\n' "${classes[@]}" | median)" "$answer"
done
