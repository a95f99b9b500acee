#!/usr/bin/env bash
# Before/after benchmark: two builds of tessera side by side, in one run, on the 1M-unit bench
# memory (../shared/bench/make-corpus.sh), alternating the binaries so that both see the same
# machine load. Used for issue 10 (a redesign that must leave every figure the same or better).
#   BENCH_DATA=/path/to/bench-data bash Benchmarks/compare.sh OLD_BINARY NEW_BINARY [ROUNDS]
# Per binary and round: import of tm-1m (wall, CPU, peak RSS), a second file into it, export,
# stats; lookup per-query median and p99 for en->de, de->en, ja->en, `*` and one-word queries;
# recall against the exhaustive scan; concordance --file per phrase; whether both binaries give
# byte-identical lookup output. Alignment has its own side-by-side script: Benchmarks/align/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=$(realpath "$1"); NEW=$(realpath "$2"); ROUNDS=${3:-1}
DATA=${BENCH_DATA:-$PWD/.bench-data}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp "$OLD" "$WORK/old"; cp "$NEW" "$WORK/new"
TMX="$DATA/tmx/tm-1m.tmx"
SECOND="$DATA/tmx/tm-multi-100k.tmx"
run() { # label, command...: wall s, CPU s, peak MB
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$@" >"$WORK/out" 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
  read -r secs user sys kb <"$WORK/time"
  printf "%-28s %8.2f s wall %8.2f s CPU %8.1f MB\n" "$label" "$secs" "$(awk "BEGIN{print $user+$sys}")" "$(awk "BEGIN{print $kb/1024}")"
}
stats() { python3 Benchmarks/lookup/stats.py "$1"; }
echo "corpus $TMX; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$ROUNDS"); do
  for which in old new; do
    BIN="$WORK/$which"; DB="$WORK/$which.db"
    rm -f "$DB" "$DB"-wal "$DB"-shm "$DB"-match
    echo "== round $round, $which"
    run "$which import tm-1m" "$BIN" import "$TMX" --db "$DB"
    run "$which stats" "$BIN" stats --db "$DB"
    run "$which first lookup" "$BIN" lookup "Open the file" --source en --target de --db "$DB"
    for spec in "en de queries-en.txt" "de en queries-de.txt" "ja en queries-ja.txt"; do
      set -- $spec
      "$BIN" lookup --file "$DATA/queries/$3" --source "$1" --target "$2" --format tsv --timings --db "$DB" \
        >"$WORK/$which-$1-$2.tsv" 2>"$WORK/t"
      printf '%s lookup %s->%s: ' "$which" "$1" "$2"; stats "$WORK/t"
    done
    "$BIN" lookup --file "$DATA/queries/queries-en.txt" --source en --target '*' --format tsv --timings --db "$DB" \
      >"$WORK/$which-all.tsv" 2>"$WORK/t"
    printf '%s lookup en->*: ' "$which"; stats "$WORK/t"
    awk '{ w = $1; gsub(/[^[:alpha:]]/, "", w); if (length(w) >= 3) print w }' "$DATA/queries/queries-en.txt" >"$WORK/words.txt"
    "$BIN" lookup --file "$WORK/words.txt" --source en --target de --format tsv --timings --db "$DB" \
      >"$WORK/$which-words.tsv" 2>"$WORK/t"
    printf '%s one-word en->de: ' "$which"; stats "$WORK/t"
    awk 'NF >= 2 {print $1" "$2}' "$DATA/queries/queries-en.txt" >"$WORK/phrases.txt"
    "$BIN" concordance --file "$WORK/phrases.txt" --pair en-de --timings --db "$DB" >"$WORK/$which-conc.out" 2>"$WORK/t"
    printf '%s concordance --pair en-de: ' "$which"; python3 Benchmarks/lookup/stats.py <(grep -P '^\d+\t[\d.]+$' "$WORK/t")
    if [ "$round" = 1 ]; then
      for spec in "en de queries-en.txt" "ja en queries-ja.txt"; do
        set -- $spec
        "$BIN" lookup --file "$DATA/queries/$3" --source "$1" --target "$2" --format jsonl --max 1000 --db "$DB" >"$WORK/i.jsonl"
        "$BIN" lookup --file "$DATA/queries/$3" --source "$1" --target "$2" --format jsonl --max 1000 --exhaustive --db "$DB" >"$WORK/s.jsonl"
        printf '%s recall %s->%s: ' "$which" "$1" "$2"; python3 Benchmarks/lookup/recall.py "$WORK/i.jsonl" "$WORK/s.jsonl"
      done
    fi
    run "$which import second file" "$BIN" import "$SECOND" --db "$DB"
    run "$which export" "$BIN" export "$WORK/out.tmx" --db "$DB"
  done
  for f in en-de de-en ja-en all words; do
    cmp -s "$WORK/old-$f.tsv" "$WORK/new-$f.tsv" && echo "lookup $f: identical output" || echo "lookup $f: OUTPUT DIFFERS"
  done
  cmp -s "$WORK/old-conc.out" "$WORK/new-conc.out" && echo "concordance: identical output" || echo "concordance: OUTPUT DIFFERS"
  rm -f "$WORK"/*.db*
done
