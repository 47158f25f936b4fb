#!/usr/bin/env bash
# Installs Debian's Chromium and its WebDriver for the studio's browser tests, when missing. Idempotent.
# Playwright drives this system browser (tests/e2e/studio); no browser is ever downloaded by a test.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
else
  echo "setup_browser: chromium is missing and apt-get needs root; install the Debian packages chromium and" \
       "chromium-driver (browser tests skip locally and fail under CI=true without them)" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
WAIT_FOR_LOCK=(-o DPkg::Lock::Timeout=300)  # another apt run on the machine: wait for it instead of failing
"${SUDO[@]}" apt-get "${WAIT_FOR_LOCK[@]}" update -qq
"${SUDO[@]}" apt-get "${WAIT_FOR_LOCK[@]}" install -y -qq --no-install-recommends \
  chromium chromium-driver fonts-dejavu-core >/dev/null
echo "setup_browser: installed $(dpkg-query -W -f='chromium ${Version}' chromium)"
