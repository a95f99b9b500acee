#!/usr/bin/env bash
# Builds Tessera (warnings are errors for our own code) and runs the whole test suite: `swift test`,
# then the browser test of the web page (Tests/Browser/web_page_test.py, headless Chromium).
# This is the README's test command; .ci/run calls it. It starts a throw-away PostgreSQL cluster
# for the PostgreSQL backend's tests (Scripts/postgres.sh) and stops it at the end.
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
# The PostgreSQL backend's tests need a server: a throw-away cluster (Scripts/postgres.sh) in a
# temporary folder, unless TESSERA_TEST_POSTGRES already names one.
if [ -z "${TESSERA_TEST_POSTGRES:-}" ]; then
  if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    pgdir=$(mktemp -d /tmp/tessera-test-pg.XXXXXX)
    port=$(( 20000 + RANDOM % 20000 ))
    if TESSERA_TEST_POSTGRES=$(bash Scripts/postgres.sh start "$pgdir" "$port"); then
      export TESSERA_TEST_POSTGRES
      trap 'bash Scripts/postgres.sh stop "$pgdir" || true; rm -rf "$pgdir" "$log"' EXIT
    else
      echo "error: could not start the test PostgreSQL cluster"; exit 1
    fi
  elif [ "${TESSERA_SKIP_POSTGRES:-}" = 1 ]; then
    echo "PostgreSQL tests SKIPPED (TESSERA_SKIP_POSTGRES=1)"
  else
    echo "error: the PostgreSQL tests need postgresql (apt-get install -y postgresql; see .ci/run), or set TESSERA_SKIP_POSTGRES=1 to skip them"
    exit 1
  fi
fi
# A PostgreSQL connection that goes quiet fails after 30 s instead of the default 120 s.
export TESSERA_PG_QUERY_TIMEOUT=${TESSERA_PG_QUERY_TIMEOUT:-30}
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
