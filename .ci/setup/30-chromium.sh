#!/usr/bin/env bash
# Installs Chromium (Debian package) for the browser tests of the web sample; Playwright drives it
# through ExecutablePath, so no browser download is ever needed. Never run `playwright install`.
# Sourced by .ci/run under `set -euo pipefail`; also runnable on its own (as root). Idempotent.
# Exports MFA_TEST_CHROMIUM for the browser tests.

if [ ! -x /usr/bin/chromium ]; then
  echo "installing Chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends chromium fonts-dejavu-core
fi

export MFA_TEST_CHROMIUM="${MFA_TEST_CHROMIUM:-/usr/bin/chromium}"
echo "Chromium ready: $("${MFA_TEST_CHROMIUM}" --version 2>/dev/null || echo "${MFA_TEST_CHROMIUM}")"
