#!/usr/bin/env bash
# Makes headless Chromium and its WebDriver available for the browser end-to-end test
# (functions/local LocalPageBrowserIT): Debian's `chromium` and `chromium-driver` packages,
# i.e. /usr/bin/chromium and /usr/bin/chromedriver, which come from one source package and so
# always match each other. Idempotent: when both binaries exist it does nothing.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver

if [[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]]; then
  echo "install-chromium.sh: present: $("$CHROMIUM" --version 2>/dev/null | head -n1 || echo "$CHROMIUM"), $CHROMEDRIVER"
  exit 0
fi

die() { echo "install-chromium.sh: $*" >&2; exit 1; }

command -v apt-get >/dev/null 2>&1 \
  || die "apt-get not found; install Chromium and its driver so that $CHROMIUM and $CHROMEDRIVER exist"

as_root=()
if [[ "$(id -u)" -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || die "not root and sudo is not available; run as root"
  as_root=(sudo)
fi

# Two parallel callers must not run apt at the same time.
exec 9<"${BASH_SOURCE[0]}"
command -v flock >/dev/null 2>&1 && flock 9
if [[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]]; then
  echo "install-chromium.sh: present (installed meanwhile by another run)"
  exit 0
fi

# apt's chatter goes to a log shown only when something fails, so a good run prints one line.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
apt() {
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "$@" >>"$log" 2>&1 \
    || { cat "$log" >&2; die "apt-get $* failed"; }
}
apt update
apt install -y --no-install-recommends chromium chromium-driver

[[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]] \
  || die "packages installed but $CHROMIUM or $CHROMEDRIVER is still missing"
echo "install-chromium.sh: installed $("$CHROMIUM" --version 2>/dev/null | head -n1)"
