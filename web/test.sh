#!/usr/bin/env bash
# The playground end to end: builds the page (build.sh), then drives it in headless Chromium
# with playwright-core (e2e.mjs). Installs what is missing: Debian's chromium (apt-get, as
# root) and playwright-core (npm, the version in package-lock.json). Set CHROMIUM to use
# another Chromium binary. Leaves web/screenshot.png, the README's picture.
set -euo pipefail
cd "$(dirname "$0")"
if [ -z "${CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --silent
./build.sh
node e2e.mjs
