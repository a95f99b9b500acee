# Sourced by the scripts that run a real `tessera serve` (Scripts/weblate_check.sh,
# Scripts/schemathesis_check.sh, Benchmarks/serve/run.sh): one way to start it on a free port.
#
# start_serve BIN DB OUT_FILE LOG_FILE [serve flags...]
#   starts `BIN serve --db DB --port 0 FLAGS` in the background with standard output in OUT_FILE
#   and the JSON log in LOG_FILE, waits (up to 30 s) for its "listening on URL" line, and sets
#   `server` (its pid) and `url`. Returns 1, with the log on standard output, when it did not start.
start_serve() {
  local bin=$1 db=$2 out=$3 log=$4
  shift 4
  "$bin" serve --db "$db" --port 0 "$@" >"$out" 2>"$log" &
  server=$!
  url=""
  for _ in $(seq 300); do
    url=$(sed -n 's/^listening on //p' "$out" 2>/dev/null)
    [[ -n $url ]] && return 0
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
  done
  cat "$log"
  return 1
}
