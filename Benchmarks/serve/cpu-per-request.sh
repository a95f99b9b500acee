#!/usr/bin/env bash
# The server's CPU time per request (user + system, from /proc/PID/stat), for builds compared on
# a shared, noisy machine: wall-clock latency depends on what else runs, CPU per request much less.
# (valgrind's callgrind would count instructions, but valgrind 3.19 crashes on Swift 6.3 binaries
# here: "possibly corrupted debuginfo", then SIGSEGV inside valgrind even without debug info;
# `perf stat -e instructions` is not supported on this VM.)
#   BINS="/tmp/old/tessera .build/release/tessera" DB=/tmp/tm-1m.db BENCH_DATA=/work/bench-data \
#     REQUESTS=2000 ROUNDS=2 bash Benchmarks/serve/cpu-per-request.sh
# Per round and binary: starts the server on DB (read only, --anonymous-read), warms it up, then
# per endpoint (lookup en->de, de->en, /tmserver, /health) sends REQUESTS requests over CLIENTS
# keep-alive connections and prints the server's CPU milliseconds per request.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Scripts/serve-lib.sh
DATA=${BENCH_DATA:-$PWD/.bench-data}
REQUESTS=${REQUESTS:-2000}
CLIENTS=${CLIENTS:-4}
ROUNDS=${ROUNDS:-1}
OUT=${OUT:-${TMPDIR:-/tmp}/tessera-cpu-per-request}
HERE=Benchmarks/serve
mkdir -p "$OUT"
Q="$DATA/queries"
python3 "$HERE/make_paths.py" "$Q/queries-en.txt" lookup en de >"$OUT/lookup-en-de.paths"
python3 "$HERE/make_paths.py" "$Q/queries-de.txt" lookup de en >"$OUT/lookup-de-en.paths"
python3 "$HERE/make_paths.py" "$Q/queries-en.txt" tmserver en de >"$OUT/tmserver-en-de.paths"
echo /health >"$OUT/health.paths"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
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
hz=$(getconf CLK_TCK)
for round in $(seq "$ROUNDS"); do
  for bin in $BINS; do
    start_serve "$bin" "$DB" "$OUT/serve.out" "$OUT/serve.log" --anonymous-read || exit 1
    send "$OUT/lookup-en-de.paths" 200   # warm-up: index read, caches filled
    for name in lookup-en-de lookup-de-en tmserver-en-de health; do
      before=$(cpu_ticks "$server")
      send "$OUT/$name.paths" "$REQUESTS"
      after=$(cpu_ticks "$server")
      python3 -c "print(f'round $round $bin $name: {($after - $before) * 1000 / $hz / $REQUESTS:.3f} ms CPU per request ($REQUESTS requests)')"
    done
    kill -TERM "$server"; wait "$server" 2>/dev/null || true
  done
done
