#!/usr/bin/env bash
# Installs stripe-mock (Stripe's own mock of its API, MIT) into .venv/bin with the Go toolchain, once,
# and prints its path. Exits 1 when Go is not available.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
version=v0.203.0
bin="$root/.venv/bin/stripe-mock-$version"
if [[ ! -x "$bin" ]]; then
  command -v go >/dev/null || { echo "stripe-mock.sh: Go is not installed" >&2; exit 1; }
  tmp="$(mktemp -d)"
  GOBIN="$tmp" GOPATH="$tmp/gopath" GOFLAGS=-modcacherw go install "github.com/stripe/stripe-mock@$version" >&2
  mv "$tmp/stripe-mock" "$bin"
  rm -rf "$tmp"
fi
echo "$bin"
