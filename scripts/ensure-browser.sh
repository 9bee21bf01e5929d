#!/bin/sh
# The browser tests run in Debian's Chromium with a CJK font (Playwright cannot download browsers here).
# Installs both when missing; `npm test` runs this first.
set -e
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing="$missing fonts-noto-cjk"
[ -z "$missing" ] && exit 0
echo "Installing for the browser tests:$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq $missing >/dev/null
