#!/usr/bin/env bash
# The floor of the PostgreSQL import benchmark: psql \copy of the same unit and variant rows (CSV)
# into tables with the same columns and indexes as the memory's (PostgresMemorySchema), in one
# transaction. The rows are exported from a schema a store import filled
# (PostgresImportBenchmarkTests with TESSERA_PG_BENCH_SCHEMA=SCHEMA).
# Usage: Benchmarks/postgres/import-floor.sh URL SCHEMA WORKDIR
#   URL: postgres://user@host:port/db (no query); SCHEMA: the filled schema; WORKDIR: for the CSV files.
set -euo pipefail
url=$1 schema=$2 work=$3
mkdir -p "$work"
psql -q "$url" -c "\\copy (SELECT * FROM $schema.unit ORDER BY id) TO '$work/unit.csv' CSV"
psql -q "$url" -c "\\copy (SELECT * FROM $schema.variant ORDER BY id) TO '$work/variant.csv' CSV"
ls -l "$work"/*.csv >&2
psql -q "$url" <<SQL
DROP SCHEMA IF EXISTS floor CASCADE;
CREATE SCHEMA floor;
CREATE TABLE floor.unit (
    id bigint PRIMARY KEY, tuid text, srclang text, source_lang text NOT NULL, attributes text,
    origin text NOT NULL, batch_id bigint NOT NULL, changedate bigint, duplicate_key bigint NOT NULL);
CREATE TABLE floor.variant (
    id bigint PRIMARY KEY, unit_id bigint NOT NULL, lang text NOT NULL, base text NOT NULL,
    markup text NOT NULL, plain text NOT NULL, codes integer NOT NULL, attributes text, position integer NOT NULL);
CREATE INDEX ON floor.unit (duplicate_key);
CREATE INDEX ON floor.variant (unit_id, id);
SQL
start=$(date +%s.%N)
psql -q -1 "$url" <<SQL
\\copy floor.unit FROM '$work/unit.csv' CSV
\\copy floor.variant FROM '$work/variant.csv' CSV
SQL
end=$(date +%s.%N)
echo "floor: psql \\copy of unit+variant rows in one transaction: $(echo "$end - $start" | bc) s"
psql -q "$url" -c "DROP SCHEMA floor CASCADE"
