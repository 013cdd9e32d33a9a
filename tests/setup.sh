#!/usr/bin/env bash
# Installs what the test suites need and the machine lacks: Chromium (browser tests) and
# PostgreSQL (server tests run against a throwaway cluster). Debian/Ubuntu with apt; a no-op when
# both are present. CHROME_PATH and PG_BIN may point at existing installs instead.
set -euo pipefail

need=()
chrome="${CHROME_PATH:-/usr/bin/chromium}"
[ -x "$chrome" ] || command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ -z "${PG_BIN:-}" ] && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  need+=(postgresql)
fi

if ((${#need[@]})); then
  echo "tests/setup.sh: installing ${need[*]} (apt)"
  if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "tests/setup.sh: ${need[*]} missing and not root: install them, or set CHROME_PATH / PG_BIN." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
