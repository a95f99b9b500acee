#!/usr/bin/env bash
# Schemathesis (https://schemathesis.io) against `tessera serve`: every operation of
# /api/v1/openapi.json is called with data generated from its schemas (valid and invalid), and
# every answer must be no 5xx, have a status the document lists, and match its response schema.
#
# usage: Scripts/schemathesis_check.sh      (builds nothing: run `swift build` first)
#   TESSERA_BIN=PATH                 the tessera binary (default .build/debug/tessera)
#   SCHEMATHESIS_MAX_EXAMPLES=N      test cases per operation and phase (default 50)
#   SCHEMATHESIS_SEED=N              the random seed (default 11, so a run can be repeated)
# The server runs with --anonymous-read on a temporary copy of a small memory (the seed article,
# the service sample and the defence glossary); requests carry an admin key by header, so the
# writing routes (units) are exercised too. Exits 1 on any finding; skips (exit 0, with a
# message) when schemathesis is not installed or the binary is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/serve-lib.sh
if python3 -m schemathesis --version >/dev/null 2>&1; then
  st=(python3 -m schemathesis)
elif command -v schemathesis >/dev/null 2>&1; then
  st=(schemathesis)
else
  echo "schemathesis_check: SKIPPED: schemathesis is not installed (pip install schemathesis)"
  exit 0
fi
bin=${TESSERA_BIN:-.build/debug/tessera}
if [[ ! -x $bin ]]; then
  echo "schemathesis_check: SKIPPED: no tessera binary at $bin (run swift build first)"
  exit 0
fi
work=$(mktemp -d)
server=""
cleanup() {
  if [[ -n $server ]]; then
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

db=$work/tm.db
"$bin" import TMX/seed-article.en-de-fr-tr.tmx Tests/TesseraServerTests/Fixtures/service-sample.tmx --db "$db" >/dev/null
"$bin" glossary import Glossaries/defence.csv --name defence --db "$db" >/dev/null
key=$("$bin" key create --scope admin --db "$db")
start_serve "$bin" "$db" "$work/out" "$work/log" --anonymous-read || { echo "schemathesis_check: FAILED: the server did not start"; exit 1; }

status=0
"${st[@]}" run "$url/api/v1/openapi.json" --url "$url" \
  --checks not_a_server_error,status_code_conformance,response_schema_conformance \
  --header "Authorization: Bearer $key" \
  --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-50}" --seed "${SCHEMATHESIS_SEED:-11}" \
  --workers 1 --no-color --generation-database none || status=$?

if ! kill -0 "$server" 2>/dev/null; then
  tail -n 20 "$work/log"
  echo "schemathesis_check: FAILED: the server died during the run"
  exit 1
fi
errors=$(grep -c '"status":"5' "$work/log" || true)
if [[ $status -ne 0 ]]; then
  grep '"request failed"' "$work/log" | head -n 5 || true
  echo "schemathesis_check: FAILED: schemathesis reported findings (exit $status)"
  exit 1
fi
echo "schemathesis_check: PASSED ($errors 5xx answers in the server log)"
