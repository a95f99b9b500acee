#!/usr/bin/env bash
# `tessera serve` under load (issue 11; figures in Docs/SERVICE.md and Docs/PERFORMANCE.md).
#   OUT=/tmp/tsb BENCH_DATA=/work/bench-data bash Benchmarks/serve/run.sh
# One run measures, on the 1M-unit bench memory (../shared/bench/make-corpus.sh):
#   1. the floor: the same lookup and concordance queries answered in one process by the CLI
#      (`--file --timings`: per-query time, no HTTP), and what that is per second on the cores;
#   2. wrk, CONNECTIONS (64) connections for DURATION (30 s) each, against fuzzy lookup (en->de,
#      de->en), concordance and /tmserver: requests/s, p50/p90/p99, non-2xx answers; the server's
#      peak memory (VmHWM) at the end;
#   3. lookups while tm-100k.tmx is imported through POST /api/v1/import into the memory being
#      looked up (a copy of it), for the whole import: the lookups' p99 and the import's time;
#   4. the same 100k import into an empty memory over HTTP and with `tessera import` (the CLI).
# SECTIONS="3 4" runs only those sections (default: all four).
# The binary is copied to $OUT first, so a rebuild during the run does not change what is measured.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Scripts/serve-lib.sh
DATA=${BENCH_DATA:-$PWD/.bench-data}
OUT=${OUT:-${TMPDIR:-/tmp}/tessera-bench-serve}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-64}
HERE=Benchmarks/serve
mkdir -p "$OUT"
if [ -z "${BIN:-}" ]; then
  swift build -c release --product tessera 2>&1 | grep -E "error|Build complete" || true
  BIN="$(swift build -c release --show-bin-path)/tessera"
fi
[ "$BIN" -ef "$OUT/tessera" ] || cp "$BIN" "$OUT/tessera"
BIN="$OUT/tessera"
DB="$OUT/tm-1m.db"
for tool in wrk curl python3; do command -v $tool >/dev/null || { echo "needs $tool (apt-get install -y wrk curl)"; exit 1; }; done

if [ ! -f "$DB" ]; then
  if [ -n "${FROM_DB:-}" ]; then
    echo "== copying $FROM_DB"
    cp "$FROM_DB" "$DB"; cp "$FROM_DB-match" "$DB-match" 2>/dev/null || true
  else
    echo "== tessera import tm-1m.tmx (once; kept in $OUT)"
    /usr/bin/time -f "%e s wall, %M KB max RSS" "$BIN" import "$DATA/tmx/tm-1m.tmx" --db "$DB" >/dev/null
  fi
fi
"$BIN" lookup "Open the file" --source en --target de --db "$DB" >/dev/null   # the side file exists

SERVER_PID=""
stop_server() { if [ -n "$SERVER_PID" ]; then kill -TERM "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; fi; }
trap stop_server EXIT
# start_server DB LOG [extra flags]: starts `tessera serve` on a free port (Scripts/serve-lib.sh);
# sets URL and SERVER_PID.
start_server() {
  local db=$1 log=$2
  shift 2
  start_serve "$BIN" "$db" "$log" "$log.err" "$@" || { echo "the server did not start"; exit 1; }
  SERVER_PID=$server URL=$url
}
# load NAME PATHS_FILE [seconds]: wrk against the running server, one JSON line of figures.
load() {
  local name=$1 paths=$2 duration=${3:-$DURATION}
  PATHS="$paths" KEY="${KEY:-}" wrk -t2 -c"$CONNECTIONS" -d"$duration" --timeout 10s -s "$HERE/paths.lua" "$URL" \
    | tail -1 | sed "s/^/$name /" | flag_failures
}
# Passes wrk's summary line through; marks it when some answers were not 2xx or sockets failed.
flag_failures() {
  local line; read -r line
  case $line in
    *'"non2xx": 0, "socket_errors": 0}'*) echo "$line" ;;
    *) echo "$line  <- FAILED REQUESTS: the figures above do not measure successful lookups" ;;
  esac
}
# import_over_http DB_URL FILE: POST the file, poll the job to its end; prints the seconds.
import_over_http() {
  local started answer job status
  started=$(date +%s.%N)
  # `Expect:` off: curl would wait a second for a "100 Continue" before sending a large body.
  answer=$(curl -sS -X POST -H 'Expect:' -H "Authorization: Bearer $KEY" --data-binary @"$2" "$1/api/v1/import?format=tmx")
  job=$(printf '%s' "$answer" | grep -o '"id":"[0-9a-f]*"' | cut -d'"' -f4)
  [ -n "$job" ] || { echo "import not accepted: $answer" >&2; return 1; }
  # Polled with curl and grep only (a Python start per poll would take CPU from the import).
  while :; do
    status=$(curl -sS -H "Authorization: Bearer $KEY" "$1/api/v1/jobs/$job" | grep -o '"status":"[a-z]*"' | cut -d'"' -f4)
    case $status in done) break ;; failed|cancelled) echo "import $status" >&2; return 1 ;; esac
    sleep 0.1
  done
  python3 -c "import time; print(f'{time.time() - $started:.2f}')"
}

Q="$DATA/queries"
python3 "$HERE/make_paths.py" "$Q/queries-en.txt" lookup en de >"$OUT/lookup-en-de.paths"
python3 "$HERE/make_paths.py" "$Q/queries-de.txt" lookup de en >"$OUT/lookup-de-en.paths"
python3 "$HERE/make_paths.py" "$Q/queries-en.txt" concordance en de >"$OUT/concordance-en.paths"
python3 "$HERE/make_paths.py" "$Q/queries-en.txt" tmserver en de >"$OUT/tmserver-en-de.paths"
python3 -c '
import sys
for line in open(sys.argv[1], encoding="utf-8"):
    words = line.split()[:3]
    if words: print(" ".join(words).strip(".,;:"))' "$Q/queries-en.txt" >"$OUT/concordance-en.txt"

section() { [[ " ${SECTIONS:-1 2 3 4} " == *" $1 "* ]]; }

floor() {
  local name=$1; shift
  "$BIN" "$@" --timings --db "$DB" >/dev/null 2>"$OUT/$name.times"
  python3 - "$OUT/$name.times" "$name" "$(nproc)" <<'PY'
import statistics, sys
times = sorted(float(line.split("\t")[1]) for line in open(sys.argv[1]) if line.count("\t") == 1 and line.split("\t")[0].isdigit())
p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
mean = statistics.mean(times)
print(f"{sys.argv[2]} floor: {len(times)} queries, median {statistics.median(times):.2f} ms, p99 {p99:.2f} ms, mean {mean:.2f} ms"
      f" = {1000 / mean:.0f}/s on one core, {int(sys.argv[3]) * 1000 / mean:.0f}/s on {sys.argv[3]}")
PY
}
if section 1; then
echo "== 1. floor: the same queries in one process (CLI --file --timings; $(nproc) cores)"
floor lookup-en-de lookup --file "$Q/queries-en.txt" --source en --target de --format tsv
floor lookup-de-en lookup --file "$Q/queries-de.txt" --source de --target en --format tsv
floor concordance-en concordance --file "$OUT/concordance-en.txt" --pair en-de --max 20
fi

if section 2; then
echo "== 2. wrk: $CONNECTIONS connections, $DURATION each (anonymous read)"
start_server "$DB" "$OUT/serve.log" --anonymous-read
curl -sf "$URL/health" >/dev/null
load warmup "$OUT/lookup-en-de.paths" 5s >/dev/null
# Concordance last: its requests still queued when wrk stops (64 of ~0.4 s each) would be the
# first wait of the next run. A short pause between runs lets the server drain the previous one.
for name in lookup-en-de lookup-de-en tmserver-en-de concordance-en; do load "$name" "$OUT/$name.paths"; sleep 2; done
echo "server peak memory: $(grep VmHWM /proc/$SERVER_PID/status | awk '{print $2, $3}')"
stop_server
fi

if section 3; then
echo "== 3. lookups while tm-100k.tmx is imported over HTTP into the memory looked up (a copy)"
rm -f "$OUT/busy.db"*; cp "$DB" "$OUT/busy.db"; cp "$DB-match" "$OUT/busy.db-match"
KEY=$("$BIN" key create --scope write --db "$OUT/busy.db" | tail -1)
start_server "$OUT/busy.db" "$OUT/busy.log"
# wrk runs for the whole import, from 0.5 s after the upload starts until the job is done (upload,
# parse, write, commit, the index's catch-up): it is started with a long duration and stopped with
# SIGINT, on which wrk ends its threads and reports what it measured so far.
import_over_http "$URL" "$DATA/tmx/tm-100k.tmx" >"$OUT/busy.import" &
importer=$!
sleep 0.5
PATHS="$OUT/lookup-en-de.paths" KEY="$KEY" wrk -t2 -c"$CONNECTIONS" -d600s --timeout 10s -s "$HERE/paths.lua" "$URL" \
  >"$OUT/busy.wrk" &
loader=$!
imported=yes
wait $importer || imported=no
kill -INT $loader 2>/dev/null || true
wait $loader || true
tail -1 "$OUT/busy.wrk" | sed "s/^/lookups-during-import /" | flag_failures
[ $imported = yes ] || { echo "the import over HTTP failed"; exit 1; }
echo "import over HTTP into the 1M memory while serving: $(cat "$OUT/busy.import") s (the lookups above ran all along)"
echo "server peak memory: $(grep VmHWM /proc/$SERVER_PID/status | awk '{print $2, $3}')"
stop_server
rm -f "$OUT/busy.db"*
fi

if section 4; then
echo "== 4. tm-100k.tmx into an empty memory: HTTP against the CLI"
rm -f "$OUT/empty-cli.db"* "$OUT/empty-http.db"*
cli=$( { /usr/bin/time -f "%e" "$BIN" import "$DATA/tmx/tm-100k.tmx" --db "$OUT/empty-cli.db" >/dev/null; } 2>&1 | tail -1)
KEY=$("$BIN" key create --scope write --db "$OUT/empty-http.db" | tail -1)
start_server "$OUT/empty-http.db" "$OUT/empty.log"
http=$(import_over_http "$URL" "$DATA/tmx/tm-100k.tmx")
stop_server
echo "CLI import ${cli} s, HTTP import (upload + job, polled) ${http} s: ratio $(python3 -c "print(f'{$http / $cli:.2f}')") (target <= 1.2)"
echo "units: CLI $("$BIN" stats --db "$OUT/empty-cli.db" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["units"])'), HTTP $("$BIN" stats --db "$OUT/empty-http.db" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["units"])')"
rm -f "$OUT/empty-cli.db"* "$OUT/empty-http.db"*
fi
