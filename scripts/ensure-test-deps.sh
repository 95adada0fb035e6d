#!/usr/bin/env bash
# `npm test` runs the real thing: a Chromium for the browser tests and poppler for the PDF.
# On Debian/Ubuntu as root (CI, a fresh container) install what is missing; elsewhere say how.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
# The same search the exports and tests use (scripts/lib.mjs); a wrong CHROMIUM_PATH is named, not installed over.
node -e "import('./scripts/lib.mjs').then(m => m.findChromium()).catch(e => { console.error(e.message); process.exit(1) })" \
  || { [ -n "${CHROMIUM_PATH:-}" ] && exit 1; need+=(chromium); }
command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
# Korean and Japanese glyphs for the fallback checks; only Debian's package is looked for.
if command -v apt-get >/dev/null 2>&1 && ! fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null; then need+=(fonts-noto-cjk); fi

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
