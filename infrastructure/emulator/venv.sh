#!/usr/bin/env bash
# Creates (or refreshes) the project's Python venv at <repo>/.venv with the pinned tools of
# requirements.txt: moto (the AWS-API emulator for integration tests) and cfn-lint.
# Idempotent: pip runs only when requirements.txt changed since the last successful install,
# so callers (make targets, the Java test harness) may run it before every use.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$here/../.." && pwd)"
venv="$repo_root/.venv"
requirements="$here/requirements.txt"
stamp="$venv/.requirements.sha256"

die() { echo "venv.sh: $*" >&2; exit 1; }

command -v python3 >/dev/null 2>&1 || die "python3 not found on PATH; install Python 3.9+ first"
[[ -f "$requirements" ]] || die "missing $requirements"

# Test JVMs of parallel builds may run this at the same moment; one pip at a time in one venv.
# The lock is taken on requirements.txt itself, which always exists and is never replaced here.
if command -v flock >/dev/null 2>&1; then
  exec 9<"$requirements"
  flock 9
fi

# A half-created venv (interrupted run, python upgraded underneath it) has no working
# interpreter; rebuild it rather than pip-installing into something broken.
if [[ -d "$venv" ]] && ! "$venv/bin/python" -c 'import sys' >/dev/null 2>&1; then
  rm -rf "$venv"
fi
if [[ ! -d "$venv" ]]; then
  python3 -m venv "$venv" \
    || die "python3 -m venv failed (on Debian/Ubuntu: apt-get install python3-venv)"
fi

# sha256sum is GNU coreutils; macOS has shasum instead.
if command -v sha256sum >/dev/null 2>&1; then
  wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"
else
  wanted="$(shasum -a 256 "$requirements" | cut -d' ' -f1)"
fi
if [[ -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
  echo "venv up to date: $venv"
  exit 0
fi

log="$venv/pip-install.log"
# pip's own output goes to a log so this prints one line on success, but the log is shown on
# failure because that is where the reason is.
if ! "$venv/bin/python" -m pip install --disable-pip-version-check --quiet \
      -r "$requirements" >"$log" 2>&1; then
  cat "$log" >&2
  die "pip install -r $requirements failed (log: $log)"
fi
# The stamp is written last so an interrupted install is retried next time.
echo "$wanted" >"$stamp"
echo "venv ready: $venv ($(grep -E '^[a-zA-Z]' "$requirements" | tr '\n' ' ' | sed 's/ $//'))"
