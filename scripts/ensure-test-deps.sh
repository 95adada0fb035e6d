#!/usr/bin/env bash
# `npm test` runs the real thing: a Chromium for the browser tests and poppler for the PDF.
# On Debian/Ubuntu as root (CI, a fresh container) install what is missing; elsewhere say how.
set -euo pipefail

need=()
have_chromium() {
  [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ] && return 0
  for c in chromium chromium-browser google-chrome google-chrome-stable; do command -v "$c" >/dev/null 2>&1 && return 0; done
  [ -x "/Applications/Chromium.app/Contents/MacOS/Chromium" ] || [ -x "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" ]
}
have_chromium || need+=(chromium)
command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
# Korean and Japanese glyphs for the fallback checks; only Debian's package is looked for.
if command -v apt-get >/dev/null 2>&1 && ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then need+=(fonts-noto-cjk); fi

[ "${#need[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing test prerequisites: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
  exit 0
fi

echo "Missing for the tests: ${need[*]}. Debian/Ubuntu: sudo apt-get install -y ${need[*]}; macOS: brew install --cask chromium && brew install poppler (or set CHROMIUM_PATH)." >&2
exit 1
