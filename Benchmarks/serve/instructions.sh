#!/usr/bin/env bash
# Instructions per request of `tessera serve` (valgrind's callgrind): independent of the noise of
# a shared machine, so two builds compare even when wall-clock figures cannot.
#   BIN=.build/release/tessera DB=/tmp/tm-1m.db BENCH_DATA=/work/bench-data REQUESTS=400 \
#     bash Benchmarks/serve/instructions.sh
# Starts the server under callgrind on DB (read only), warms it up, zeroes the counters, sends
# REQUESTS requests per endpoint (CLIENTS keep-alive connections, lookup en->de, de->en,
# /tmserver, /health), dumps the counters after each and prints instructions per request.
# CALLGRIND_OUT keeps the dumps (callgrind_annotate reads them).
set -euo pipefail
cd "$(dirname "$0")/../.."
source Scripts/serve-lib.sh
DATA=${BENCH_DATA:-$PWD/.bench-data}
REQUESTS=${REQUESTS:-400}
CLIENTS=${CLIENTS:-4}
OUT=${CALLGRIND_OUT:-${TMPDIR:-/tmp}/tessera-callgrind}
HERE=Benchmarks/serve
mkdir -p "$OUT"
Q="$DATA/queries"
python3 "$HERE/make_paths.py" "$Q/queries-en.txt" lookup en de >"$OUT/lookup-en-de.paths"
python3 "$HERE/make_paths.py" "$Q/queries-de.txt" lookup de en >"$OUT/lookup-de-en.paths"
python3 "$HERE/make_paths.py" "$Q/queries-en.txt" tmserver en de >"$OUT/tmserver-en-de.paths"
echo /health >"$OUT/health.paths"
rm -f "$OUT"/callgrind.out.*
# valgrind cannot read the DWARF 5 debug info of Swift 6.3 binaries ("possibly corrupted
# debuginfo file"): it runs a copy without it (function names come from the symbol table).
strip --strip-debug -o "$OUT/tessera" "$BIN"
# valgrind as the server: start_serve runs "$bin serve ...".
cat >"$OUT/valgrind-serve" <<WRAP
#!/bin/sh
exec valgrind --tool=callgrind --callgrind-out-file=$OUT/callgrind.out.%p "$OUT/tessera" "\$@"
WRAP
chmod +x "$OUT/valgrind-serve"
start_serve "$OUT/valgrind-serve" "$DB" "$OUT/serve.out" "$OUT/serve.log" --anonymous-read || exit 1
trap 'kill -TERM $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
send() {  # send PATHS COUNT: COUNT requests over CLIENTS connections, cycling through PATHS
  python3 - "$url" "$1" "$2" "$CLIENTS" <<'PY'
import http.client, sys, threading, urllib.parse
url, paths_file, count, clients = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
paths = [line.strip() for line in open(paths_file) if line.strip()]
target = urllib.parse.urlsplit(url)
failures = []
def client(number):
    connection = http.client.HTTPConnection(target.hostname, target.port, timeout=120)
    for i in range(number, count, clients):
        connection.request("GET", paths[i % len(paths)])
        response = connection.getresponse(); response.read()
        if response.status != 200: failures.append(response.status)
threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
for t in threads: t.start()
for t in threads: t.join()
if failures: sys.exit(f"{len(failures)} answers were not 200: {failures[:5]}")
PY
}
send "$OUT/lookup-en-de.paths" 100   # warm-up: index read, caches filled
for name in lookup-en-de lookup-de-en tmserver-en-de health; do
  callgrind_control -z "$server" >/dev/null
  send "$OUT/$name.paths" "$REQUESTS"
  callgrind_control -d "$name" "$server" >/dev/null
  sleep 1
  dump=$(ls -t "$OUT"/callgrind.out.* | head -1)   # the dump just written (callgrind.out.PID.N)
  cp "$dump" "$OUT/$name.callgrind"
  total=$(awk '/^(summary|totals):/ {print $2; exit}' "$dump")
  echo "$name: $REQUESTS requests, $(python3 -c "print(f'{$total / $REQUESTS:,.0f}')") instructions per request"
done
