#!/bin/bash
# The aligner's speed benchmark (Docs/ALIGNMENT.md, "Speed").
#
# Usage: Benchmarks/align/run.sh [BINARY ...]   (default: .build/release/tessera)
#
# Makes the book from the Text+Berg dev set (make-book.py, seed 7) in $OUT (default
# /tmp/align-bench), then for each binary aligns the dev set and the book three times with
# `tessera align ... --sentences --format beads` and prints the best user CPU, the wall time and
# the peak memory of the best run, the strict and lax F1 against the gold (score.py), and whether
# the beads equal those of the first binary. Needs the dev set in $TESSERA_SHARED/align-dev
# (default: ../shared beside the repository). Build first: swift build -c release --product tessera
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED=${TESSERA_SHARED:-$HERE/../../../shared}
DEV=$SHARED/align-dev
OUT=${OUT:-${TMPDIR:-/tmp}/align-bench}
if [ ! -f "$DEV/dev.de" ]; then
  echo "skipped: the Text+Berg dev set is not at $DEV (set TESSERA_SHARED to the shared folder)" >&2
  exit 0
fi
[ $# -eq 0 ] && set -- .build/release/tessera
mkdir -p "$OUT"
python3 "$HERE/make-book.py" "$DEV" "$OUT" >/dev/null
first=""
printf '%-40s %-5s %10s %8s %9s %9s %7s %s\n' binary input "user (s)" "wall (s)" "memory" "strict F1" "lax F1" beads
for binary in "$@"; do
  name=$(echo "$binary" | tr '/' '_')
  for input in dev book; do
    if [ $input = dev ]; then src=$DEV/dev.de; tgt=$DEV/dev.fr; gold=$DEV/dev.defr
    else src=$OUT/book.de; tgt=$OUT/book.fr; gold=$OUT/book.defr; fi
    best=""
    for run in 1 2 3; do
      /usr/bin/time -f "%U %e %M" -o "$OUT/time.txt" "$binary" align "$src" "$tgt" --source de --target fr \
        --sentences --format beads -o "$OUT/$name.$input.beads"
      read -r user wall memory < "$OUT/time.txt"
      if [ -z "$best" ] || awk -v a="$user" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
        best="$user $wall $memory"
      fi
    done
    read -r user wall memory <<< "$best"
    scores=$(python3 "$DEV/score.py" -g "$gold" -t "$OUT/$name.$input.beads" --src "$src" --tgt "$tgt" --json)
    f1=$(python3 -c 'import json, sys; d = json.loads(sys.argv[1]); print("%.3f %.3f" % (d["scores"]["f1_strict"], d["scores"]["f1_lax"]))' "$scores")
    same=""
    if [ -n "$first" ]; then
      cmp -s "$OUT/$first.$input.beads" "$OUT/$name.$input.beads" && same="identical to first" || same="DIFFERENT from first"
    fi
    printf '%-40s %-5s %10s %8s %6d MB %9s %7s %s\n' "$binary" $input "$user" "$wall" $((memory / 1024)) ${f1% *} ${f1#* } "$same"
  done
  [ -z "$first" ] && first=$name
done
