#!/usr/bin/env bash
# Runs moto (the AWS-API emulator) from the project venv in the background, for developers and
# make targets:
#   moto.sh start  [PORT]   start (or reuse) a server; prints AWS_ENDPOINT_URL=... on stdout
#   moto.sh stop   [PORT]   stop the server this script started on PORT
#   moto.sh status [PORT]   exit 0 and print the endpoint if it runs, exit 3 if not
# PORT defaults to $MOTO_PORT, else 5000. Only the endpoint line goes to stdout, so
#   export "$(infrastructure/emulator/moto.sh start)"
# works; progress and errors go to stderr.
# Without a Docker engine, a stand-in Docker API (docker_api_stub.py) runs beside moto: moto's
# /moto-api/data.json fails once a Lambda function exists unless a Docker API answers.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$here/../.." && pwd)"
venv="$repo_root/.venv"
start_timeout_seconds=60

die() { echo "moto.sh: $*" >&2; exit 1; }
usage() { echo "usage: $0 start|stop|status [PORT]" >&2; exit 2; }

[[ $# -ge 1 && $# -le 2 ]] || usage
command="$1"
port="${2:-${MOTO_PORT:-5000}}"
if ! [[ "$port" =~ ^[0-9]+$ ]] || (( port < 1 || port > 65535 )); then
  die "invalid port: $port"
fi

endpoint="http://127.0.0.1:$port"
# One pid and log file per port, so several servers (say, one per worktree task) can coexist.
pid_file="$venv/moto-$port.pid"
log_file="$venv/moto-$port.log"
stub_pid_file="$venv/moto-$port.docker-stub.pid"
stub_port_file="$venv/moto-$port.docker-stub.port"

# The live pid recorded in a pid file (default: moto's), or failure.
running_pid() {
  local file="${1:-$pid_file}" pid
  [[ -f "$file" ]] || return 1
  pid="$(cat "$file")"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

# Detached from the caller's process group (setsid, where there is one), so Ctrl-C in the shell
# or make that started it does not take it down. This script is not interactive, so the
# background job is no group leader and setsid execs in place: $! stays the server's pid.
detach() {
  local log="$1"; shift
  local launcher=()
  command -v setsid >/dev/null 2>&1 && launcher=(setsid)
  nohup "${launcher[@]}" "$@" </dev/null >>"$log" 2>&1 &
}

kill_and_wait() {
  local pid="$1"
  kill "$pid" 2>/dev/null || return 0
  # A few seconds to exit cleanly before insisting, so a later start can reuse the port.
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
}

# Starts the stand-in Docker API unless a real engine may be there, and prints moto's DOCKER_HOST.
docker_host_for_moto() {
  if [[ -n "${DOCKER_HOST:-}" ]]; then
    echo "$DOCKER_HOST"
    return
  fi
  if [[ -S /var/run/docker.sock ]]; then
    return # docker's default: moto finds it by itself
  fi
  rm -f "$stub_port_file"
  detach "$log_file" "$venv/bin/python" "$here/docker_api_stub.py" "$stub_port_file"
  echo "$!" >"$stub_pid_file"
  for _ in $(seq 1 50); do
    if [[ -s "$stub_port_file" ]]; then
      echo "tcp://127.0.0.1:$(cat "$stub_port_file")"
      return
    fi
    sleep 0.1
  done
  die "the stand-in Docker API did not start (log: $log_file)"
}

# The venv's python is the one dependency every caller has once moto is installed; curl is not
# guaranteed on every developer machine.
answers() {
  "$venv/bin/python" - "$endpoint/moto-api/" <<'PY' >/dev/null 2>&1
import sys, urllib.request
urllib.request.urlopen(sys.argv[1], timeout=2).read()
PY
}

port_taken() {
  "$venv/bin/python" - "$port" <<'PY' >/dev/null 2>&1
import socket, sys
with socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1):
    pass
PY
}

start() {
  if running_pid >/dev/null; then
    answers || die "moto (pid $(running_pid)) on port $port does not answer; see $log_file or run: $0 stop $port"
    echo "AWS_ENDPOINT_URL=$endpoint"
    return
  fi
  # Leftovers of a server that died by itself (a stand-in Docker API, stale pid files).
  stop_all >/dev/null
  # venv.sh is a no-op when the venv is current; its one line goes to stderr to keep stdout clean.
  "$here/venv.sh" >&2
  port_taken && die "port $port is already in use by another process; pick another: $0 start PORT"

  : >"$log_file"
  local docker_host
  docker_host="$(docker_host_for_moto)"
  # MOTO_PORT: moto's Step Functions integrations call the other services back on this port.
  MOTO_PORT="$port" DOCKER_HOST="$docker_host" \
    detach "$log_file" "$venv/bin/moto_server" -H 127.0.0.1 -p "$port"
  local pid=$!
  echo "$pid" >"$pid_file"

  local deadline=$((SECONDS + start_timeout_seconds))
  until answers; do
    if ! kill -0 "$pid" 2>/dev/null; then
      stop_all >/dev/null
      tail -n 20 "$log_file" >&2 || true
      die "moto exited during start-up (log: $log_file)"
    fi
    if (( SECONDS >= deadline )); then
      stop_all >/dev/null
      die "moto did not answer on $endpoint within ${start_timeout_seconds}s (log: $log_file)"
    fi
    sleep 0.2
  done
  echo "moto started (pid $pid, log $log_file)" >&2
  echo "AWS_ENDPOINT_URL=$endpoint"
}

# Stops moto and its stand-in Docker API, whichever runs; prints moto's pid if it ran.
stop_all() {
  local pid stub_pid
  if stub_pid="$(running_pid "$stub_pid_file")"; then
    kill_and_wait "$stub_pid"
  fi
  rm -f "$stub_pid_file" "$stub_port_file"
  if pid="$(running_pid)"; then
    kill_and_wait "$pid"
    echo "$pid"
  fi
  rm -f "$pid_file"
}

stop() {
  local pid
  pid="$(stop_all)"
  if [[ -n "$pid" ]]; then
    echo "moto stopped (pid $pid)" >&2
  else
    echo "moto is not running on port $port" >&2
  fi
}

status() {
  local pid
  if pid="$(running_pid)" && answers; then
    echo "moto running (pid $pid)" >&2
    echo "AWS_ENDPOINT_URL=$endpoint"
  else
    echo "moto is not running on port $port" >&2
    exit 3
  fi
}

case "$command" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) usage ;;
esac
