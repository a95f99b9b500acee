#!/usr/bin/env bash
# Builds Tessera (warnings are errors for our own code) and runs the whole test suite: `swift test`,
# then the browser test of the web page (Tests/Browser/web_page_test.py, headless Chromium).
# This is the README's test command; .ci/run calls it.
# The browser test needs chromium, chromium-driver and Python's selenium (in .build/browser-venv,
# as .ci/run makes it, or in python3); without them the suite fails, unless TESSERA_SKIP_BROWSER=1.
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! swift build --build-tests >"$log" 2>&1; then
  grep -E "error:|warning:" "$log" | head -50
  tail -n 20 "$log"
  echo "build failed"
  exit 1
fi
if grep -E "^/[^ ]*/(Sources|Tests)/[^ ]*: warning:" "$log" | grep -v "/.build/"; then
  echo "error: the build has warnings (Swift 6 mode, no warnings allowed)"
  exit 1
fi
swift test --skip-build --parallel
status=$?

python=python3
[ -x .build/browser-venv/bin/python ] && python=.build/browser-venv/bin/python
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
"$python" -c "import selenium" >/dev/null 2>&1 || missing="$missing selenium(PyPI)"
if [ -n "$missing" ]; then
  if [ "${TESSERA_SKIP_BROWSER:-}" = 1 ]; then
    echo "browser test SKIPPED (TESSERA_SKIP_BROWSER=1): missing$missing"
  else
    echo "error: the browser test needs$missing (see .ci/run), or set TESSERA_SKIP_BROWSER=1 to skip it"
    status=1
  fi
else
  "$python" Tests/Browser/web_page_test.py --require-all --binary "$(swift build --show-bin-path)/tessera" || status=1
fi
exit $status
