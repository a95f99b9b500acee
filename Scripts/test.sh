#!/usr/bin/env bash
# Builds Tessera with warnings checked and runs the whole test suite (Swift Testing).
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
swift build --build-tests 2>&1 | tee "$log" | grep -vE '^\[[0-9]+/[0-9]+\]' || true
if [ "${PIPESTATUS[0]}" != 0 ] && ! grep -q "Build complete" "$log"; then echo "build failed"; exit 1; fi
if grep -E "^/.*/(Sources|Tests)/.*: warning:" "$log" | grep -v "/.build" ; then
  echo "error: the build has warnings (Swift 6 mode, no warnings allowed)"; exit 1
fi
swift test --skip-build --parallel 2>&1 | tail -n 40
