#!/usr/bin/env bash
# Lookup and concordance benchmark on the 1M-unit bench memory (see ../shared/bench/README.md).
#   OUT=/tmp/tlb BENCH_DATA=.bench-data bash Benchmarks/lookup/run.sh
# One run measures everything of the issue:
#   1. the import floors (xmllint --stream; sqlite3 .import into a table with a b-tree and an FTS5
#      index) and `tessera import tm-1m.tmx` (release), which also writes the match side file;
#   2. the side-file build alone (first lookup after deleting it), its size, the first query of a
#      new process (whole command wall) and the memory while serving;
#   3. per-query lookup time (median, p99), recall against the exhaustive scan, batch wall with
#      process start against rapidfuzz over the language-pair subset and over the whole memory;
#   4. one-word queries (character-level search) and their recall;
#   5. concordance, in process (the SQL of ConcordanceSearch via Python's sqlite3) and the whole
#      `tessera concordance --pair` command.
# The binary is copied to $OUT first, so a rebuild during the run does not change what is measured.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${BENCH_DATA:-$PWD/.bench-data}
OUT=${OUT:-${TMPDIR:-/tmp}/tessera-bench-lookup}
SIZE=${SIZE:-1m}
TMX="$DATA/tmx/tm-$SIZE.tmx"
ROWS="$DATA/tmx/tm-$SIZE.rows"
mkdir -p "$OUT"
swift build -c release --product tessera 2>&1 | grep -E "error|Build complete" || true
cp "$(swift build -c release --show-bin-path)/tessera" "$OUT/tessera"
BIN="$OUT/tessera"
DB="$OUT/tm-$SIZE.db"
timed() { /usr/bin/time -f "%e s wall, %M KB max RSS" "$@"; }
seconds() { /usr/bin/time -f "%e" -o "$OUT/secs" "$@" >/dev/null 2>"$OUT/err" || { cat "$OUT/err" >&2; exit 1; }; cat "$OUT/secs"; }

if [ ! -f "$DB" ] || [ "${RELOAD:-0}" = 1 ]; then
  echo "== import floors and tessera import ($TMX)"
  parse=$(seconds xmllint --stream --noout "$TMX")
  rm -f "$OUT/floor.db"*
  storage=$(seconds bash Benchmarks/storage-floor.sh "$ROWS" "$OUT/floor.db")
  rm -f "$OUT/floor.db"* "$DB" "$DB"-wal "$DB"-shm "$DB"-match
  /usr/bin/time -f "%e s wall, %M KB max RSS" -o "$OUT/import.time" "$BIN" import "$TMX" --db "$DB" >"$OUT/import.log" 2>&1
  imported=$(cut -d' ' -f1 "$OUT/import.time")
  echo "parse floor ${parse} s, storage floor ${storage} s; tessera import (with the match side file): $(cat "$OUT/import.time")"
  awk -v i="$imported" -v p="$parse" -v s="$storage" 'BEGIN { printf "import / (parse floor + storage floor) = %.2f (target <= 2)\n", i / (p + s) }'
  echo "side file after import: $(stat -c %s "$DB"-match) bytes"
fi

echo "== first lookup in a new process after the import (maps the side file, builds nothing)"
timed "$BIN" lookup "Open the file" --source en --target de --db "$DB" >/dev/null
echo "== side-file build alone (file deleted, first lookup rebuilds it: the part of the import above)"
cp "$DB"-match "$OUT/saved-match"
rm -f "$DB"-match
timed "$BIN" lookup "Open the file" --source en --target de --db "$DB" >/dev/null
cmp -s "$DB"-match "$OUT/saved-match" && echo "(same bytes as the file written by the import)"
rm -f "$OUT/saved-match"
echo "index file: $(du -h "$DB"-match | cut -f1) ($(stat -c %s "$DB"-match) bytes); database: $(du -h "$DB" | cut -f1)"
echo "== new process, one query, three times (whole command)"
for i in 1 2 3; do timed "$BIN" lookup "Please save the file before closing" --source en --target de --db "$DB" >/dev/null; done

for spec in "en de queries-en.txt" "de en queries-de.txt" "ja en queries-ja.txt"; do
  set -- $spec
  src=$1 tgt=$2 q="$DATA/queries/$3"
  echo "== lookup --file $3 --source $src --target $tgt (100 queries, top 5 at >= 75): batch wall incl. process start, memory while serving"
  timed "$BIN" lookup --file "$q" --source "$src" --target "$tgt" --format tsv --timings --db "$DB" \
    >"$OUT/$src-$tgt.tsv" 2>"$OUT/$src-$tgt.times"
  grep -v $'^[0-9]*\t[0-9.]*$' "$OUT/$src-$tgt.times" || true
  python3 Benchmarks/lookup/stats.py "$OUT/$src-$tgt.times"
  echo "lines with a match: $(awk -F'\t' 'NR > 1 && $2 == "1"' "$OUT/$src-$tgt.tsv" | wc -l) of $(tail -n +2 "$OUT/$src-$tgt.tsv" | cut -f1 | sort -u | wc -l)"
  echo "-- recall against the exhaustive scan (all matches >= 75, --max 1000)"
  "$BIN" lookup --file "$q" --source "$src" --target "$tgt" --format jsonl --max 1000 --db "$DB" >"$OUT/$src-$tgt.index.jsonl"
  "$BIN" lookup --file "$q" --source "$src" --target "$tgt" --format jsonl --max 1000 --exhaustive --timings --db "$DB" \
    >"$OUT/$src-$tgt.scan.jsonl" 2>"$OUT/$src-$tgt.scan.times"
  python3 Benchmarks/lookup/recall.py "$OUT/$src-$tgt.index.jsonl" "$OUT/$src-$tgt.scan.jsonl"
  printf 'exhaustive scan: '; python3 Benchmarks/lookup/stats.py "$OUT/$src-$tgt.scan.times"
  echo "-- rapidfuzz baseline (subset with that target, and every source)"
  python3 Benchmarks/lookup/rapidfuzz_baseline.py "$ROWS" "$q" "$src" "$tgt"
done

echo "== lookup --target '*' over every language (en queries)"
timed "$BIN" lookup --file "$DATA/queries/queries-en.txt" --source en --target '*' --format tsv --timings --db "$DB" \
  >"$OUT/en-all.tsv" 2>"$OUT/en-all.times"
python3 Benchmarks/lookup/stats.py "$OUT/en-all.times"

echo "== one-word queries (character level: length buckets, no postings), en -> de and '*'"
# The first word of each English query, punctuation stripped, 3 letters or more.
awk '{ w = $1; gsub(/[^[:alpha:]]/, "", w); if (length(w) >= 3) print w }' "$DATA/queries/queries-en.txt" >"$OUT/words-en.txt"
for tgt in de '*'; do
  printf '%s: ' "$tgt"
  "$BIN" lookup --file "$OUT/words-en.txt" --source en --target "$tgt" --format tsv --timings --db "$DB" \
    >"$OUT/words.tsv" 2>"$OUT/words.times"
  python3 Benchmarks/lookup/stats.py "$OUT/words.times"
done
echo "-- recall of the first 20 words against the exhaustive scan"
head -20 "$OUT/words-en.txt" >"$OUT/words-20.txt"
"$BIN" lookup --file "$OUT/words-20.txt" --source en --target de --format jsonl --max 1000 --db "$DB" >"$OUT/words.index.jsonl"
"$BIN" lookup --file "$OUT/words-20.txt" --source en --target de --format jsonl --max 1000 --exhaustive --db "$DB" >"$OUT/words.scan.jsonl"
python3 Benchmarks/lookup/recall.py "$OUT/words.index.jsonl" "$OUT/words.scan.jsonl"

echo "== concordance"
python3 Benchmarks/lookup/concordance_bench.py "$DB" "$DATA/queries/queries-en.txt" "$DATA/queries/queries-ja.txt"
awk 'NF >= 2 {print $1" "$2}' "$DATA/queries/queries-en.txt" >"$OUT/phrases-en.txt"
echo "-- tessera concordance --file (one process, in-process time per phrase; index filter for the pair)"
for args in "--pair en-de" "--pair en-ja" "--lang en"; do
  printf '%s: ' "$args"
  timed "$BIN" concordance --file "$OUT/phrases-en.txt" $args --timings --db "$DB" >"$OUT/conc.out" 2>"$OUT/conc.times"
  python3 Benchmarks/lookup/stats.py <(grep -P '^\d+\t[\d.]+$' "$OUT/conc.times")
done
for phrase in "the file" "save" "Please check"; do
  timed "$BIN" concordance "$phrase" --pair en-de --max 20 --db "$DB" >/dev/null
done
