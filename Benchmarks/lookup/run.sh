#!/usr/bin/env bash
# Lookup and concordance benchmark on the 1M-unit bench memory (see ../shared/bench/README.md).
#   BENCH_DATA=.bench-data bash Benchmarks/lookup/run.sh
# Builds tessera in release mode, loads tm-1m.rows into a fresh database (load_rows.py), builds the
# match index (first lookup), then measures: per-query lookup time (median, p99), batch wall time
# with process start, peak memory, index file size, recall against the exhaustive scan, the
# rapidfuzz baseline and concordance query times. Results go to stdout and $OUT.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${BENCH_DATA:-$PWD/.bench-data}
OUT=${OUT:-${TMPDIR:-/tmp}/tessera-bench-lookup}
SIZE=${SIZE:-1m}
mkdir -p "$OUT"
swift build -c release --product tessera 2>&1 | grep -E "error|Compiling tessera|Build complete" || true
BIN=$(swift build -c release --show-bin-path)/tessera
DB="$OUT/tm-$SIZE.db"
timed() { /usr/bin/time -f "%e s wall, %M KB max RSS" "$@"; }

if [ ! -f "$DB" ] || [ "${RELOAD:-0}" = 1 ]; then
  rm -f "$DB" "$DB"-wal "$DB"-shm "$DB"-match
  printf '<?xml version="1.0"?><tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body/></tmx>' > "$OUT/empty.tmx"
  "$BIN" import "$OUT/empty.tmx" --db "$DB" >/dev/null 2>&1 || true   # creates the schema
  echo "== load $SIZE rows (plain insert + FTS5 triggers, no match index)"
  timed python3 Benchmarks/lookup/load_rows.py "$DATA/tmx/tm-$SIZE.rows" "$DB"
fi

echo "== match index: first lookup builds the side file"
rm -f "$DB"-match
timed "$BIN" lookup "Open the file" --source en --target de --db "$DB" >/dev/null
echo "index file: $(du -h "$DB"-match | cut -f1) ($(stat -c %s "$DB"-match) bytes); database: $(du -h "$DB" | cut -f1)"
echo "== second process: loads the side file"
timed "$BIN" lookup "Open the file" --source en --target de --db "$DB" >/dev/null

for spec in "en de queries-en.txt" "de en queries-de.txt" "ja en queries-ja.txt"; do
  set -- $spec
  src=$1 tgt=$2 q="$DATA/queries/$3"
  echo "== lookup --file $3 --source $src --target $tgt (100 queries, top 5 at >= 75)"
  timed "$BIN" lookup --file "$q" --source "$src" --target "$tgt" --format tsv --timings --db "$DB" \
    >"$OUT/$src-$tgt.tsv" 2>"$OUT/$src-$tgt.times"
  grep -v $'^[0-9]*\t[0-9.]*$' "$OUT/$src-$tgt.times" || true
  python3 Benchmarks/lookup/stats.py "$OUT/$src-$tgt.times"
  echo "lines with a match: $(awk -F'\t' '$2 != ""' "$OUT/$src-$tgt.tsv" | wc -l) of $(wc -l < "$OUT/$src-$tgt.tsv")"
  echo "-- recall against the exhaustive scan (all matches >= 75, --max 1000)"
  "$BIN" lookup --file "$q" --source "$src" --target "$tgt" --format json --max 1000 --db "$DB" >"$OUT/$src-$tgt.index.jsonl"
  "$BIN" lookup --file "$q" --source "$src" --target "$tgt" --format json --max 1000 --exhaustive --timings --db "$DB" \
    >"$OUT/$src-$tgt.scan.jsonl" 2>"$OUT/$src-$tgt.scan.times"
  python3 Benchmarks/lookup/recall.py "$OUT/$src-$tgt.index.jsonl" "$OUT/$src-$tgt.scan.jsonl"
  printf 'exhaustive scan: '; python3 Benchmarks/lookup/stats.py "$OUT/$src-$tgt.scan.times"
  echo "-- rapidfuzz baseline"
  python3 Benchmarks/lookup/rapidfuzz_baseline.py "$DATA/tmx/tm-$SIZE.rows" "$q" "$src" "$tgt"
done

echo "== lookup --target '*' over every language (en queries)"
timed "$BIN" lookup --file "$DATA/queries/queries-en.txt" --source en --target '*' --format tsv --timings --db "$DB" \
  >"$OUT/en-all.tsv" 2>"$OUT/en-all.times"
python3 Benchmarks/lookup/stats.py "$OUT/en-all.times"

echo "== concordance"
python3 Benchmarks/lookup/concordance_bench.py "$DB" "$DATA/queries/queries-en.txt" "$DATA/queries/queries-ja.txt"
timed "$BIN" concordance "the file" --pair en-de --max 20 --db "$DB" >/dev/null
