#!/usr/bin/env bash
# Installs Debian's Chromium for the web client's browser tests when it is missing.
# The tests drive /usr/bin/chromium through playwright-core; no browser is ever downloaded by npm.
set -euo pipefail
if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi
SUDO=""
if [[ "$(id -u)" != "0" ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-dejavu-core
/usr/bin/chromium --version
