#!/usr/bin/env bash
# Two builds of `tessera serve` under the same load, alternating, in one run (a shared, noisy
# machine: the figures of one binary are only comparable with the other's taken next to them).
#   OLD=/tmp/old/tessera NEW=.build/release/tessera DB=/tmp/tm-1m.db BENCH_DATA=/work/bench-data \
#     ROUNDS=2 DURATION=20s bash Benchmarks/serve/compare.sh
# DB is the 1M-unit memory (with its side file DB-match); it is only read, except that each
# during-import run imports tm-100k.tmx into a fresh copy of it ($OUT/busy.db).
# Per round and binary: wrk (CONNECTIONS, DURATION) against lookup en->de, de->en and /tmserver,
# then lookups en->de for IMPORT_WINDOW (6 s) while the job imports tm-100k.tmx (uploaded over HTTP
# first). One JSON line per measurement.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Scripts/serve-lib.sh
DATA=${BENCH_DATA:-$PWD/.bench-data}
OUT=${OUT:-${TMPDIR:-/tmp}/tessera-serve-compare}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64}
ROUNDS=${ROUNDS:-2}
IMPORT_WINDOW=${IMPORT_WINDOW:-6s}
HERE=Benchmarks/serve
mkdir -p "$OUT"
cp "$OLD" "$OUT/old"; cp "$NEW" "$OUT/new"
Q="$DATA/queries"
python3 "$HERE/make_paths.py" "$Q/queries-en.txt" lookup en de >"$OUT/lookup-en-de.paths"
python3 "$HERE/make_paths.py" "$Q/queries-de.txt" lookup de en >"$OUT/lookup-de-en.paths"
python3 "$HERE/make_paths.py" "$Q/queries-en.txt" tmserver en de >"$OUT/tmserver-en-de.paths"

SERVER_PID=""
stop_server() { if [ -n "$SERVER_PID" ]; then kill -TERM "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; fi; }
trap stop_server EXIT
load() {  # load LABEL PATHS DURATION
  PATHS="$2" KEY="${KEY:-}" wrk -t2 -c"$CONNECTIONS" -d"$3" --timeout 10s -s "$HERE/paths.lua" "$URL" | tail -1 | sed "s/^/$1 /"
}
for round in $(seq "$ROUNDS"); do
  for build in old new; do
    BIN="$OUT/$build"
    start_serve "$BIN" "$DB" "$OUT/serve.out" "$OUT/serve.log" --anonymous-read || exit 1
    SERVER_PID=$server URL=$url KEY=""
    load warmup "$OUT/lookup-en-de.paths" 5s >/dev/null
    for name in lookup-en-de lookup-de-en tmserver-en-de; do load "round $round $build $name" "$OUT/$name.paths" "$DURATION"; done
    stop_server

    rm -f "$OUT/busy.db"*; cp "$DB" "$OUT/busy.db"; cp "$DB-match" "$OUT/busy.db-match"
    KEY=$("$BIN" key create --scope write --db "$OUT/busy.db" | tail -1)
    start_serve "$BIN" "$OUT/busy.db" "$OUT/busy.out" "$OUT/busy.log" || exit 1
    SERVER_PID=$server URL=$url
    load warmup "$OUT/lookup-en-de.paths" 3s >/dev/null
    # The upload first (accepted with 202 when it is on disk), then lookups while the job imports.
    curl -sS -X POST -H 'Expect:' -H "Authorization: Bearer $KEY" --data-binary @"$DATA/tmx/tm-100k.tmx" \
      "$URL/api/v1/import?format=tmx" >/dev/null
    load "round $round $build lookups-during-import" "$OUT/lookup-en-de.paths" "$IMPORT_WINDOW"
    stop_server
    rm -f "$OUT/busy.db"*
  done
done
