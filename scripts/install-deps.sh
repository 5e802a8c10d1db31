#!/usr/bin/env bash
# Installs the system packages Beacon needs when they are missing (Debian/Ubuntu).
# Usage: scripts/install-deps.sh [build|test]   (test adds what the test suite runs against)
set -euo pipefail

want=()
pkg-config --exists libcurl 2>/dev/null || want+=(libcurl4-openssl-dev)
[ -f /usr/include/sqlite3.h ] || want+=(libsqlite3-dev)
command -v pkg-config >/dev/null || want+=(pkg-config)
if [ "${1:-build}" = test ]; then
  # Debian's own Python, which the tests start the SMTP server with (a pyenv python3 may be first on PATH).
  /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || want+=(python3-aiosmtpd)
  command -v openssl >/dev/null || want+=(openssl)
  # The console's browser test drives headless Chromium through chromedriver (WebDriver).
  command -v chromium >/dev/null || want+=(chromium)
  command -v chromedriver >/dev/null || want+=(chromium-driver)
  # A Chinese font, so the console's Chinese pages render (and their screenshots show) characters, not boxes.
  fc-list 2>/dev/null | grep -qi 'wqy\|noto sans cjk\|droid sans fallback' || want+=(fonts-wqy-microhei)
  # promtool (from Prometheus) lints the /metrics body.
  command -v promtool >/dev/null || want+=(prometheus)
  # The intake test runs the real Alertmanager in front of beacon serve.
  command -v prometheus-alertmanager >/dev/null || command -v alertmanager >/dev/null || want+=(prometheus-alertmanager)
  # The multi-node tests run a real PostgreSQL server on loopback (Debian's package; the tests start it).
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || want+=(postgresql)
  command -v setpriv >/dev/null || want+=(util-linux)
  # The cluster tests drive the console of two nodes with one cookie jar, as a browser behind one address would.
  command -v curl >/dev/null || want+=(curl)
  # schemathesis (from PyPI, in a virtual environment of its own) checks the API against docs/openapi.json.
  python3 -c 'import venv, ensurepip' 2>/dev/null || want+=(python3-venv)
fi

if [ ${#want[@]} -gt 0 ]; then
  echo "Installing missing system packages: ${want[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
fi

if [ "${1:-build}" = test ]; then
  venv="$(cd "$(dirname "$0")/.." && pwd)/.build/schemathesis"
  if [ ! -x "$venv/bin/schemathesis" ]; then
    echo "Installing schemathesis into $venv"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check "schemathesis==4.32.5"
  fi
fi
