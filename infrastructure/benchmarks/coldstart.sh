#!/usr/bin/env bash
# Cold start of every function: for each, a fresh JVM builds the handler with its production
# constructor, from the function's own jar, against a moto emulator (and stripe-mock for the card
# processor), and invokes it once with an event that does real work: GET /v1/account with a valid
# session of an existing account, sign-in with the right password, a sign-up with a new email, a card
# added with a processor token, a PayPal link started (a setup token from paypal-stub.py). A do-nothing handler is measured in the same run as the baseline.
# Prints a Markdown table of medians over RUNS runs (default 5). Needs `make build` first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
runs="${RUNS:-5}"
jars=functions/handlers/target/functions
bench_jar=$(ls functions/benchmarks/target/benchmarks-*.jar | grep -v -e sources -e javadoc | head -1)
[[ -d "$jars" && -f "$bench_jar" ]] || { echo "run 'make build' first" >&2; exit 1; }
work="$(mktemp -d)"
stripe_pid=""
paypal_pid=""
cleanup() {
  [[ -n "$stripe_pid" ]] && kill "$stripe_pid" 2>/dev/null || true
  [[ -n "$paypal_pid" ]] && kill "$paypal_pid" 2>/dev/null || true
  bash infrastructure/emulator/moto.sh stop "$port" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { .venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
bash infrastructure/emulator/venv.sh >/dev/null
port=$(free_port)
bash infrastructure/emulator/moto.sh start "$port" >/dev/null
eval "$(.venv/bin/python infrastructure/emulator/bootstrap.py "http://127.0.0.1:$port")"

# stripe-mock (Stripe's own mock of its API) for the card processor; it needs Go to install
stripe_mock="$(bash infrastructure/benchmarks/stripe-mock.sh 2>/dev/null || true)"
if [[ -x "$stripe_mock" ]]; then
  stripe_port=$(free_port)
  "$stripe_mock" -http-port "$stripe_port" >/dev/null 2>&1 &
  stripe_pid=$!
  export CARD_PROCESSOR_API_BASE="http://127.0.0.1:$stripe_port"
  for _ in $(seq 50); do curl -s -o /dev/null "$CARD_PROCESSOR_API_BASE" && break; sleep 0.1; done
fi

# PayPal's REST API for the link: PayPal has no mock server of its own, so a stub of its two answers
paypal_port=$(free_port)
.venv/bin/python infrastructure/benchmarks/paypal-stub.py "$paypal_port" >/dev/null 2>&1 &
paypal_pid=$!
export PAYPAL_API_BASE="http://127.0.0.1:$paypal_port"
for _ in $(seq 50); do curl -s -o /dev/null "$PAYPAL_API_BASE" && break; sleep 0.1; done

# an account with both contacts proven, its session, and the events that use them
java -cp "$jars/session-api.jar:$bench_jar" com.platform.accounts.benchmarks.BenchmarkFixtures \
  events "$work" >/dev/null 2>&1

jvm_flags=(-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Xshare:auto)
cases=(
  # the baseline loads only the Lambda interface from a function's jar
  "baseline (hello world)|account-api|com.platform.accounts.benchmarks.HelloHandler|-"
  "AccountApi GET /v1/account|account-api|com.platform.accounts.handlers.api.AccountApi|$work/AccountApiFunction-get-account.json"
  "SessionApi POST /v1/sessions|session-api|com.platform.accounts.handlers.api.SessionApi|$work/SessionApiFunction-post-sessions.json"
  "SignupApi POST /v1/signups|signup-api|com.platform.accounts.handlers.api.SignupApi|events/SignupApiFunction-post-signups.json"
  "ContactVerificationTasks PUBLISH_VERIFIED|contact-verification-tasks|com.platform.accounts.handlers.tasks.ContactVerificationTasks|events/ContactVerificationTasksFunction-publish-verified.json"
  "ExpireHoldsJob (schedule)|expire-holds|com.platform.accounts.handlers.jobs.ExpireHoldsJob|events/ExpireHoldsFunction-schedule.json"
  "PayPalApi POST /v1/account/payment-methods/paypal|paypal-api|com.platform.accounts.handlers.api.PayPalApi|$work/PayPalApiFunction-post-paypal.json"
)
if [[ -n "$stripe_pid" ]]; then
  cases+=("PaymentMethodsApi POST /v1/account/payment-methods/cards|payment-methods-api|com.platform.accounts.handlers.api.PaymentMethodsApi|$work/PaymentMethodsApiFunction-post-cards.json")
fi

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "| function | wall ms | init ms | first invoke ms | classes loaded | answer |"
echo "|---|---:|---:|---:|---:|---|"
for case in "${cases[@]}"; do
  IFS='|' read -r label jar class event <<<"$case"
  classpath="$jars/$jar.jar:$bench_jar"
  walls=(); inits=(); invokes=(); classes=(); answer=""
  for ((i = 0; i < runs; i++)); do
    input="$event"
    if [[ "$event" == *SignupApiFunction* ]]; then
      # a new email each run: a sign-up really starts (and stays under the per-mailbox send limit)
      input="$work/signup-$i.json"
      sed "s/ana@example.com/bench-$i-$RANDOM@example.com/" "$event" >"$input"
    fi
    if [[ "$event" == *PaymentMethodsApiFunction* ]]; then
      # a new token each run (stripe-mock knows any id): a card token works once
      input="$work/cards-$i.json"
      sed "s/pm_card_visa/pm_card_visa_bench${i}x$RANDOM/" "$event" >"$input"
    fi
    start=$(date +%s%N)
    line=$(java "${jvm_flags[@]}" -cp "$classpath" \
      com.platform.accounts.benchmarks.ColdStart "$class" "$input" 2>/dev/null | grep '^{"handler"' | tail -1)
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
[[ -n "$stripe_pid" ]] || echo "(PaymentMethodsApi not measured: stripe-mock needs Go to install)"
