#!/usr/bin/env bash
# Import/export benchmark on the real multi-language corpus of ../shared/bench (issue: foundation).
# Measures, in one run on one machine:
#   1. the parse floor:   xmllint --stream --noout on the TMX
#   2. the storage floor: sqlite3 .import of the same rows into a table with a b-tree index and an
#                         FTS5 index, in one transaction
#   3. tessera import (release build) of the TMX into a new database: wall time, units/s, peak RSS
#   4. a second file (tm-multi-SIZE.tmx, else tm-multi-100k.tmx: many languages per unit) imported
#      into the now non-empty database: wall time, CPU time per unit, peak RSS
#   5. tessera export of the whole TM to TMX: wall time, peak RSS
# Every line also gives the CPU time (user + system), less disturbed than the wall time when other
# jobs share the machine.
# Usage: Benchmarks/import-export.sh [SIZE]   (SIZE = 10k, 100k or 1m; default 1m)
#        BENCH_DATA=DIR to point at the corpus (default .bench-data, built by make-corpus.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-1m}
DATA=${BENCH_DATA:-$PWD/.bench-data}
TMX="$DATA/tmx/tm-$SIZE.tmx"
ROWS="$DATA/tmx/tm-$SIZE.rows"
if [ ! -f "$TMX" ]; then
  if [ -d ../shared/bench ]; then
    echo "building the corpus with ../shared/bench/make-corpus.sh into $DATA" >&2
    BENCH_DATA="$DATA" bash ../shared/bench/make-corpus.sh
  else
    echo "skip: no corpus at $TMX and no ../shared/bench to build one" >&2; exit 0
  fi
fi
command -v xmllint >/dev/null || { echo "needs xmllint (apt-get install libxml2-utils)" >&2; exit 1; }
swift build -c release --product tessera >/dev/null
BIN=$(swift build -c release --show-bin-path)/tessera
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
units=$(grep -c '<tu ' "$TMX")
SECOND="$DATA/tmx/tm-multi-$SIZE.tmx"
[ -f "$SECOND" ] || SECOND="$DATA/tmx/tm-multi-100k.tmx"
measure() { # label, command...: prints wall seconds, CPU seconds and peak RSS (MB)
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" >"$WORK/out" 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
  read -r secs user sys kb <"$WORK/time"
  local cpu; cpu=$(awk "BEGIN{print $user + $sys}")
  printf "%-22s %8.2f s  %7.2f s CPU  %7.1f MB peak\n" "$label" "$secs" "$cpu" "$(awk "BEGIN{print $kb/1024}")"
  eval "${label//[^a-z]/_}_secs=$secs; ${label//[^a-z]/_}_cpu=$cpu; ${label//[^a-z]/_}_kb=$kb"
}
echo "corpus: $TMX ($units units, $(du -h "$TMX" | cut -f1)), $(nproc) cores"
measure "parse floor" xmllint --stream --noout "$TMX"
measure "storage floor" bash Benchmarks/storage-floor.sh "$ROWS" "$WORK/floor.db"
measure "tessera import" "$BIN" import "$TMX" --db "$WORK/tm.db"
tail -n 12 "$WORK/out"
if [ -f "$SECOND" ]; then
  second_units=$(grep -c '<tu ' "$SECOND")
  echo "second file: $SECOND ($second_units units, $(du -h "$SECOND" | cut -f1)) into the non-empty database"
  measure "import second file" "$BIN" import "$SECOND" --db "$WORK/tm.db"
  tail -n 5 "$WORK/out"
fi
measure "tessera export" "$BIN" export "$WORK/out.tmx" --db "$WORK/tm.db"
calc() { awk "BEGIN{print $1}"; }
floor=$(calc "$parse_floor_secs + $storage_floor_secs")
printf 'import units/s: %.0f\n' "$(calc "$units / $tessera_import_secs")"
printf 'CPU per unit: storage floor %.1f us, import into empty %.1f us' \
  "$(calc "$storage_floor_cpu * 1e6 / $units")" "$(calc "$tessera_import_cpu * 1e6 / $units")"
if [ -f "$SECOND" ]; then
  printf ', second file into non-empty %.1f us' "$(calc "$import_second_file_cpu * 1e6 / $second_units")"
fi
echo
printf 'peak RSS: import %.1f MB (target < 200)\n' "$(calc "$tessera_import_kb / 1024")"
printf 'import / (parse floor + storage floor) = %.2f  (target <= 2)\n' "$(calc "$tessera_import_secs / $floor")"
# The export writes every unit of both imports, so it is compared with both imports together.
imports_secs=$tessera_import_secs
[ -f "$SECOND" ] && imports_secs=$(calc "$tessera_import_secs + $import_second_file_secs")
printf 'export / import(s) = %.2f  (target < 1)\n' "$(calc "$tessera_export_secs / $imports_secs")"
printf 'database size: %s\n' "$(du -h "$WORK/tm.db" | cut -f1)"
