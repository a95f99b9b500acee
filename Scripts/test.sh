#!/usr/bin/env bash
# Builds Tessera (warnings are errors for our own code) and runs the whole test suite.
# This is the README's test command; .ci/run calls it.
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
