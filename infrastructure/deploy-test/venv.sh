#!/usr/bin/env bash
# Creates (or refreshes) the deploy test's venv at <repo>/.venv-deploy with the pins of
# requirements.txt. Idempotent: pip runs only when requirements.txt changed since the last
# successful install. Kept apart from .venv: aws-sam-cli pins versions that moto's tools do not.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$here/../.." && pwd)"
venv="$repo_root/.venv-deploy"
requirements="$here/requirements.txt"
stamp="$venv/.requirements.sha256"

die() { echo "venv.sh: $*" >&2; exit 1; }

command -v python3 >/dev/null 2>&1 || die "python3 not found on PATH; install Python 3.10+ first"
if [[ -d "$venv" ]] && ! "$venv/bin/python" -c 'import sys' >/dev/null 2>&1; then
  rm -rf "$venv"
fi
if [[ ! -d "$venv" ]]; then
  python3 -m venv "$venv" \
    || die "python3 -m venv failed (on Debian/Ubuntu: apt-get install python3-venv)"
fi
wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
  echo "venv up to date: $venv"
  exit 0
fi
log="$venv/pip-install.log"
if ! "$venv/bin/python" -m pip install --disable-pip-version-check --quiet \
      -r "$requirements" >"$log" 2>&1; then
  cat "$log" >&2
  die "pip install -r $requirements failed (log: $log)"
fi
echo "$wanted" >"$stamp"
echo "venv ready: $venv ($(grep -E '^[a-zA-Z]' "$requirements" | tr '\n' ' ' | sed 's/ $//'))"
