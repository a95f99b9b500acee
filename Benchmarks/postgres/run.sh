#!/usr/bin/env bash
# PostgreSQL benchmark of issue 12 on the 1M-unit bench memory (../shared/bench/README.md);
# figures in Docs/PERFORMANCE.md, "PostgreSQL".
#   OUT=/tmp/tessera-bench-postgres BENCH_DATA=/work/bench-data FROM_DB=/work/bench-serve/tm-1m.db \
#     BIN=/work/bench-serve/tessera bash Benchmarks/postgres/run.sh
# One run, on a throw-away cluster of its own (Scripts/postgres.sh in $PGDIR on $PGPORT, settings
# for bulk loads below), measures:
#   1. the import floor: the memory's unit and variant rows (exported from the SQLite memory as CSV)
#      copied with `psql \copy` into empty tables that already have the store's indexes
#      (floor-schema.sql), one transaction; median of $RUNS;
#   2. Weblate's fuzzy lookup on the same PostgreSQL (weblate-schema.sql, weblate_lookup.py:
#      `source % query` over a GIN gin_trgm_ops index with Weblate's similarity threshold, then
#      rapidfuzz rescoring) and `tessera lookup` on the SQLite memory, for the same query sets:
#      per-query median and p99, and how many edited queries find the TM sentence they came from
#      (edit_recall.py);
#   3. THE POSTGRESQL BACKEND (runs once `tessera --db postgres://...` works; skipped with a
#      notice before): `tessera import --db postgres://...` against the floor, `tessera lookup
#      --db postgres://...` against SQLite (target: within 1.5x) with the same recall count, and
#      two `tessera serve` instances on one database under wrk against one instance.
# Settings (environment): BENCH_DATA, OUT, PGDIR, PGPORT (55444), RUNS (3), BIN (a release
# `tessera`; built here when unset), FROM_DB (an SQLite import of tm-1m.tmx to copy instead of
# importing it), FLOOR_EXTRA (an SQL file run on the floor's empty tables after floor-schema.sql,
# search_path = floor: e.g. the concordance migrations' indexes), FLOOR_STORE=1 (the floor's tables
# made by tessera's own migrations: an empty TMX imported into `?schema=floor`, every index, function and
# trigger of the store; the fairest floor), SETS (query sets for tessera:
# src:tgt:file ...), WEBLATE_SETS (query sets for Weblate's query, which takes seconds per
# query: en->de only by default; empty: part 2 runs tessera's SQLite lookups only), PARTS (which of
# 1 2 3 to run; ROUNDS (3): rounds of part 3's side-by-side SQLite/PostgreSQL lookups; SKIP_IMPORT=1:
# part 3 uses the memory a former run imported; part 3 compares with the floor and SQLite figures a former run left in $OUT),
# PG_BACKEND (auto|yes|no: part 3), TURL (part 3's memory: a fresh schema of the cluster; an
# SQLite file here tests part 3's plumbing), IMPORT_TMX (tm-1m.tmx), DURATION (30s) and
# CONNECTIONS (64) for wrk, PYTHON (with psycopg and rapidfuzz; a venv under $OUT is made with pip
# when unset and python3 lacks them).
set -euo pipefail
cd "$(dirname "$0")/../.."
source Scripts/serve-lib.sh
DATA=${BENCH_DATA:-$PWD/.bench-data}
OUT=${OUT:-${TMPDIR:-/tmp}/tessera-bench-postgres}
PGDIR=${PGDIR:-$OUT/pg}
PGPORT=${PGPORT:-55444}
RUNS=${RUNS:-3}
ROUNDS=${ROUNDS:-3}
SETS=${SETS-"en:de:queries-en.txt de:en:queries-de.txt ja:en:queries-ja.txt"}
WEBLATE_SETS=${WEBLATE_SETS-"en:de:queries-en.txt"}
PARTS=${PARTS:-1 2 3}
PG_BACKEND=${PG_BACKEND:-auto}
IMPORT_TMX=${IMPORT_TMX:-$DATA/tmx/tm-1m.tmx}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-64}
HERE=Benchmarks/postgres
ROWS="$DATA/tmx/tm-1m.rows"
Q="$DATA/queries"
export PGOPTIONS="-c client_min_messages=warning"   # no NOTICE for a DROP ... IF EXISTS
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
for tool in psql sqlite3 python3 wrk curl; do command -v $tool >/dev/null || { echo "needs $tool (apt-get install -y postgresql sqlite3 wrk curl)"; exit 1; }; done

if [ -z "${BIN:-}" ]; then
  swift build -c release --product tessera 2>&1 | grep -E "error|Build complete" || true
  BIN="$(swift build -c release --show-bin-path)/tessera"
fi
[ "$BIN" -ef "$OUT/tessera" ] || cp "$BIN" "$OUT/tessera"
BIN="$OUT/tessera"
if [ -z "${PYTHON:-}" ]; then
  PYTHON=python3
  if ! python3 -c "import psycopg, rapidfuzz" 2>/dev/null; then
    [ -x "$OUT/venv/bin/python" ] || { python3 -m venv "$OUT/venv" && "$OUT/venv/bin/pip" install -q "psycopg[binary]" rapidfuzz; }
    PYTHON="$OUT/venv/bin/python"
  fi
fi
part() { [[ " $PARTS " == *" $1 "* ]]; }
seconds() { /usr/bin/time -f "%e" -o "$OUT/secs" "$@" >/dev/null 2>"$OUT/err" || { cat "$OUT/err" >&2; exit 1; }; cat "$OUT/secs"; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The cluster, tuned for bulk loads on this 2-core, 24 GB machine (written to its
# postgresql.auto.conf, then restarted); fsync is already off in Scripts/postgres.sh.
URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"
psql -qX "$URL" -c "SELECT 1" >/dev/null 2>&1 || URL=$(bash Scripts/postgres.sh start "$PGDIR" "$PGPORT")
for setting in "shared_buffers='1GB'" "maintenance_work_mem='512MB'" "work_mem='32MB'" \
               "max_wal_size='8GB'" "checkpoint_timeout='30min'" "effective_cache_size='8GB'"; do
  psql -qX "$URL" -c "ALTER SYSTEM SET $setting"
done
bash Scripts/postgres.sh restart "$PGDIR"
echo "== PostgreSQL $(psql -AtX "$URL" -c 'SHOW server_version') at $URL (shared_buffers $(psql -AtX "$URL" -c 'SHOW shared_buffers'), maintenance_work_mem $(psql -AtX "$URL" -c 'SHOW maintenance_work_mem'))"

SQLITE_DB="$OUT/tm-1m.db"
if [ ! -f "$SQLITE_DB" ]; then
  if [ -n "${FROM_DB:-}" ]; then
    cp "$FROM_DB" "$SQLITE_DB"; cp "$FROM_DB-match" "$SQLITE_DB-match" 2>/dev/null || true
  else
    "$BIN" import "$DATA/tmx/tm-1m.tmx" --db "$SQLITE_DB" >/dev/null
  fi
fi

if part 1; then
echo "== 1. floor: psql \\copy of the unit and variant rows into tables with the store's indexes (one transaction, median of $RUNS)"
if [ ! -s "$OUT/variant.csv" ]; then
  sqlite3 -readonly -csv "$SQLITE_DB" "SELECT id, tuid, srclang, sourceLang, attributes, origin, batchId, changedate, duplicateKey FROM unit ORDER BY id" >"$OUT/unit.csv"
  sqlite3 -readonly -csv "$SQLITE_DB" "SELECT id, unitId, lang, base, markup, plain, codes, attributes, position FROM variant ORDER BY id" >"$OUT/variant.csv"
fi
echo "rows: $(sqlite3 -readonly "$SQLITE_DB" "SELECT count(*) FROM unit") units ($(du -h "$OUT/unit.csv" | cut -f1) CSV), $(sqlite3 -readonly "$SQLITE_DB" "SELECT count(*) FROM variant") variants ($(du -h "$OUT/variant.csv" | cut -f1) CSV)"
floor_times=()
for run in $(seq "$RUNS"); do
  if [ "${FLOOR_STORE:-0}" = 1 ]; then
    # The store's own empty schema, made by its migrations (every index, function and trigger
    # the import pays for), then the same \copy into its unit and variant tables.
    psql -qX "$URL" -c "DROP SCHEMA IF EXISTS floor CASCADE"
    printf '<?xml version="1.0"?>\n<tmx version="1.4"><header creationtool="floor" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="en" datatype="plaintext"/><body/></tmx>\n' >"$OUT/empty.tmx"
    "$BIN" import "$OUT/empty.tmx" --db "$URL?schema=floor" >/dev/null
  else
    psql -qX "$URL" -v schema=floor -f "$HERE/floor-schema.sql"
    [ -z "${FLOOR_EXTRA:-}" ] || PGOPTIONS="$PGOPTIONS -c search_path=floor,public" psql -qX "$URL" -v ON_ERROR_STOP=1 -f "$FLOOR_EXTRA"
  fi
  psql -qX "$URL" -c CHECKPOINT
  floor_times+=("$(seconds psql -qX "$URL" -1 -v schema=floor -v unit_csv="'$OUT/unit.csv'" -v variant_csv="'$OUT/variant.csv'" -f "$HERE/floor-copy.sql")")
done
FLOOR_FILE="$OUT/floor${FLOOR_EXTRA:+-extra}.median"   # part 3 compares with each that exists
[ "${FLOOR_STORE:-0}" = 1 ] && FLOOR_FILE="$OUT/floor-store.median"
median "${floor_times[@]}" >"$FLOOR_FILE"
FLOOR=$(cat "$FLOOR_FILE")
echo "floor: ${floor_times[*]} s, median $FLOOR s; tables + indexes $(psql -AtX "$URL" -c "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'floor' AND c.relkind = 'r'")"
fi

lookup_figures() { # NAME TIMES JSONL SRC TGT QUERIES: one line of per-query figures and one of recall
  printf '%s: ' "$1"; python3 Benchmarks/lookup/stats.py "$2"
  python3 "$HERE/edit_recall.py" "$Q/queries.tsv" "$Q/$6" "$ROWS" "$4" "$5" "$3" "$1"
}

if part 2 && [ -n "$WEBLATE_SETS" ]; then
echo "== 2a. Weblate's lookup on the same PostgreSQL (2 rows per unit: en->xx and xx->en)"
# Built once from part 1's floor tables (kept in $OUT's cluster), rebuilt when the row count differs.
if [ "$(psql -AtX "$URL" -c "SELECT count(*) FROM weblate.memory_memory" 2>/dev/null || echo 0)" != "$(( 2 * $(sqlite3 -readonly "$SQLITE_DB" "SELECT count(*) FROM unit") ))" ]; then
  echo "table and trigram index built in $(seconds psql -qX "$URL" -v floor=floor -v schema=weblate -f "$HERE/weblate-schema.sql") s"
fi
echo "memory_memory: $(psql -AtX "$URL" -c "SELECT count(*) FROM weblate.memory_memory") rows, trigram index $(psql -AtX "$URL" -c "SELECT pg_size_pretty(pg_relation_size('weblate.memory_source_trgm'))")"
for set in $WEBLATE_SETS; do
  IFS=: read -r src tgt file <<<"$set"
  "$PYTHON" "$HERE/weblate_lookup.py" "$URL" weblate "$Q/$file" "$src" "$tgt" >"$OUT/weblate-$src-$tgt.jsonl" 2>"$OUT/weblate-$src-$tgt.times"
  grep -v $'\t' "$OUT/weblate-$src-$tgt.times" || true
  lookup_figures "weblate $src->$tgt" "$OUT/weblate-$src-$tgt.times" "$OUT/weblate-$src-$tgt.jsonl" "$src" "$tgt" "$file"
done
fi

if part 2; then

echo "== 2b. tessera lookup on the SQLite memory (top 5 at >= 75, in-process time per query)"
"$BIN" lookup "Open the file" --source en --target de --db "$SQLITE_DB" >/dev/null   # the side file exists
for set in $SETS; do
  IFS=: read -r src tgt file <<<"$set"
  "$BIN" lookup --file "$Q/$file" --source "$src" --target "$tgt" --format jsonl --timings --db "$SQLITE_DB" \
    >"$OUT/sqlite-$src-$tgt.jsonl" 2>"$OUT/sqlite-$src-$tgt.times"
  lookup_figures "sqlite $src->$tgt" "$OUT/sqlite-$src-$tgt.times" "$OUT/sqlite-$src-$tgt.jsonl" "$src" "$tgt" "$file"
done
fi
part 3 || exit 0

# ---------------------------------------------------------------------------------------------
# 3. THE POSTGRESQL BACKEND: runs when this `tessera` takes --db postgres://...
#    (each process keeps a local copy of the units' match data beside its side file; 3b's first
#    lookup writes it when a former run has not, 3c times the second instance's side file and copy)
#    import:  tessera import tm-1m.tmx --db "$TURL"          (a fresh schema each run, median of $RUNS)
#    lookups: tessera lookup --file Q --source S --target T --format jsonl --timings --db "$TURL"
#    serve:   tessera serve --db "$TURL" --port 0 --anonymous-read   (one instance, then two)
# ---------------------------------------------------------------------------------------------
TURL=${TURL:-"$URL?schema=tessera_bench"}
FLOOR=$(cat "$OUT/floor.median" 2>/dev/null || echo nan)
fresh() { # an empty memory at $TURL
  if [[ $TURL == postgres* ]]; then psql -qX "$URL" -c "DROP SCHEMA IF EXISTS tessera_bench CASCADE"; else rm -f "$TURL" "$TURL"-*; fi
}
export TESSERA_CACHE="$OUT/cache"   # the match side files of PostgreSQL memories
mkdir -p "$TESSERA_CACHE" "$OUT/probe"
backend_works() { # this tessera takes a PostgreSQL URL: stats of a missing schema says there is no memory there
  # (a schema of its own, so that SKIP_IMPORT=1 finds the memory of a former run where it was)
  local probe=$TURL
  if [[ $TURL == postgres* ]]; then probe="$URL?schema=tessera_probe"; psql -qX "$URL" -c "DROP SCHEMA IF EXISTS tessera_probe CASCADE"; else fresh; fi
  (cd "$OUT/probe" && { "$BIN" stats --db "$probe" 2>&1 || true; } | grep -q "No translation memory at postgres://") && [ -z "$(ls -A "$OUT/probe")" ]
}
if [ "$PG_BACKEND" = no ] || { [ "$PG_BACKEND" = auto ] && ! backend_works; }; then
  rm -rf "${OUT:?}/probe"
  echo "== 3. SKIPPED: this tessera has no PostgreSQL backend yet (\`tessera stats --db $TURL\` failed); run again with a build that has it"
  exit 0
fi

if [ "${SKIP_IMPORT:-0}" = 1 ] && [[ $TURL == postgres* ]] && psql -qX "$URL" -c "SELECT 1 FROM tessera_bench.unit LIMIT 1" >/dev/null 2>&1; then
  echo "== 3a. SKIPPED (SKIP_IMPORT=1): the memory a former run imported into tessera_bench is used"
else
echo "== 3a. tessera import $(basename "$IMPORT_TMX") --db postgres://... (fresh schema, median of $RUNS) against the floor"
import_times=()
for run in $(seq "$RUNS"); do
  fresh
  rm -rf "${TESSERA_CACHE:?}"/*
  psql -qX "$URL" -c CHECKPOINT
  import_times+=("$(seconds "$BIN" import "$IMPORT_TMX" --db "$TURL")")
done
IMPORT=$(median "${import_times[@]}")
echo "import: ${import_times[*]} s, median $IMPORT s; floor $FLOOR s: ratio $(python3 -c "print(f'{$IMPORT / float(\"$FLOOR\"):.2f}')")"
if [ -f "$OUT/floor-extra.median" ]; then
  echo "floor with FLOOR_EXTRA's indexes $(cat "$OUT/floor-extra.median") s: ratio $(python3 -c "print(f'{$IMPORT / $(cat "$OUT/floor-extra.median"):.2f}')")"
fi
if [ -f "$OUT/floor-store.median" ]; then
  echo "floor into the store's own schema (FLOOR_STORE=1) $(cat "$OUT/floor-store.median") s: ratio $(python3 -c "print(f'{$IMPORT / $(cat "$OUT/floor-store.median"):.2f}')")"
fi
echo "schema tessera_bench: $(psql -AtX "$URL" -c "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'tessera_bench' AND c.relkind = 'r'"); units $("$BIN" stats --db "$TURL" --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["units"])')"

fi
compare_times() { # LABEL SQLITE_TIMES POSTGRES_TIMES (comma-separated files pooled): median, p99, mean and their ratios
  python3 - "$@" <<'PY'
import statistics, sys
def figures(paths):
    times = sorted(float(line.split("\t")[1]) for path in paths.split(",") if path for line in open(path) if "\t" in line)
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))], statistics.mean(times)
(sm, sp, sa), (pm, pp, pa) = figures(sys.argv[2]), figures(sys.argv[3])
print(f"{sys.argv[1]}: sqlite median {sm:.2f} ms, p99 {sp:.2f}, mean {sa:.2f} | postgres median {pm:.2f} ms, p99 {pp:.2f}, mean {pa:.2f}"
      f" | postgres / sqlite: median {pm / sm:.2f}x, p99 {pp / sp:.2f}x, mean {pa / sa:.2f}x")
PY
}
echo "== 3b. tessera lookup --file, SQLite and PostgreSQL alternately ($ROUNDS rounds; target: PostgreSQL within 1.5x)"
echo "first lookup of a new process (side file from the import, or built from PostgreSQL): $(seconds "$BIN" lookup "Open the file" --source en --target de --db "$TURL") s"
for set in $SETS; do
  IFS=: read -r src tgt file <<<"$set"
  for round in $(seq "$ROUNDS"); do
    for backend in sqlite postgres; do
      db=$SQLITE_DB; [ $backend = postgres ] && db=$TURL
      "$BIN" lookup --file "$Q/$file" --source "$src" --target "$tgt" --format jsonl --timings --db "$db" \
        >"$OUT/$backend-$src-$tgt.jsonl" 2>"$OUT/$backend-$src-$tgt-$round.times"
    done
    compare_times "$src->$tgt round $round" "$OUT/sqlite-$src-$tgt-$round.times" "$OUT/postgres-$src-$tgt-$round.times"
  done
  # All rounds together: the p99 of one round of 100 queries is its slowest query alone (the same
  # query on both backends), so the pooled figure is the steadier one.
  rounds() { for round in $(seq "$ROUNDS"); do printf '%s,' "$OUT/$1-$src-$tgt-$round.times"; done; }
  compare_times "$src->$tgt all $ROUNDS rounds" "$(rounds sqlite)" "$(rounds postgres)"
  cmp -s "$OUT/sqlite-$src-$tgt.jsonl" "$OUT/postgres-$src-$tgt.jsonl" && echo "$src->$tgt: the two backends' answers are identical" \
    || echo "$src->$tgt: THE ANSWERS DIFFER ($OUT/sqlite-$src-$tgt.jsonl, $OUT/postgres-$src-$tgt.jsonl)"
  lookup_figures "postgres $src->$tgt" "$OUT/postgres-$src-$tgt-$ROUNDS.times" "$OUT/postgres-$src-$tgt.jsonl" "$src" "$tgt" "$file"
done

echo "== 3c. tessera serve under wrk ($CONNECTIONS connections, $DURATION): one instance on SQLite, then on one PostgreSQL database one instance, then two"
python3 Benchmarks/serve/make_paths.py "$Q/queries-en.txt" lookup en de >"$OUT/lookup-en-de.paths"
servers=()
stop_servers() { for pid in "${servers[@]}"; do kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; servers=(); }
trap stop_servers EXIT
load() { # URL CONNECTIONS: wrk's summary line (Benchmarks/serve/paths.lua)
  PATHS="$OUT/lookup-en-de.paths" KEY="" wrk -t1 -c"$2" -d"$DURATION" --timeout 10s -s Benchmarks/serve/paths.lua "$1" | tail -1
}
# One instance on the SQLite memory and one on the PostgreSQL memory, alternately ($ROUNDS rounds,
# each after a 5 s warm-up; the 100 queries cycle, so after the warm-up PostgreSQL's match units
# are all in the serving process's MatchUnitCache, on both backends: the warm case; 3b is the cold one).
for round in $(seq "$ROUNDS"); do
  for backend in sqlite postgres; do
    db=$SQLITE_DB; [ $backend = postgres ] && db=$TURL
    start_serve "$BIN" "$db" "$OUT/serve-$backend.out" "$OUT/serve-$backend.log" --anonymous-read || { echo "the $backend server did not start"; exit 1; }
    servers+=("$server")
    PATHS="$OUT/lookup-en-de.paths" KEY="" wrk -t1 -c"$CONNECTIONS" -d5s -s Benchmarks/serve/paths.lua "$url" >/dev/null   # warm-up
    echo "round $round, one instance on $backend: $(load "$url" "$CONNECTIONS")"
    stop_servers
  done
done
start_serve "$BIN" "$TURL" "$OUT/serve1.out" "$OUT/serve1.log" --anonymous-read || { echo "the server did not start"; exit 1; }
servers+=("$server"); url1=$url
PATHS="$OUT/lookup-en-de.paths" KEY="" wrk -t1 -c"$CONNECTIONS" -d5s -s Benchmarks/serve/paths.lua "$url1" >/dev/null   # warm-up
# The second instance stands for a second machine: a match side file of its own, built from the
# database by its first process (timed here, so that the server starts with it).
rm -rf "$OUT/cache2"; mkdir -p "$OUT/cache2"
echo "side file and unit copy of the second instance, built from the database by a new process: $(TESSERA_CACHE="$OUT/cache2" seconds "$BIN" lookup "Open the file" --source en --target de --db "$TURL") s"
TESSERA_CACHE="$OUT/cache2" start_serve "$BIN" "$TURL" "$OUT/serve2.out" "$OUT/serve2.log" --anonymous-read || { echo "the second server did not start"; exit 1; }
servers+=("$server"); url2=$url
PATHS="$OUT/lookup-en-de.paths" KEY="" wrk -t1 -c"$CONNECTIONS" -d5s -s Benchmarks/serve/paths.lua "$url2" >/dev/null   # warm-up
load "$url1" $((CONNECTIONS / 2)) >"$OUT/wrk1" & first=$!
load "$url2" $((CONNECTIONS / 2)) >"$OUT/wrk2" & second=$!
wait $first $second
echo "two instances, $((CONNECTIONS / 2)) connections each: $(cat "$OUT/wrk1") | $(cat "$OUT/wrk2")"
python3 - "$OUT/wrk1" "$OUT/wrk2" <<'PY'
import json, sys
total = sum(json.loads(open(path).read())["rps"] for path in sys.argv[1:])
print(f"two instances together: {total:.0f} requests/s")
PY
echo "server peak memory: $(grep VmHWM /proc/"${servers[0]}"/status | awk '{print $2, $3}'), $(grep VmHWM /proc/"${servers[1]}"/status | awk '{print $2, $3}')"
stop_servers
