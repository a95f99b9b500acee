#!/usr/bin/env bash
# The storage floor of the import benchmarks: sqlite3 .import of the corpus rows (srclang, tgtlang,
# source, target; .mode ascii) into a table with a b-tree index and an FTS5 index, in one transaction.
# Usage: Benchmarks/storage-floor.sh ROWS DB   (DB must not exist)
set -euo pipefail
rows=$1 db=$2
sqlite3 "$db" <<SQL
PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
CREATE TABLE tu(srclang TEXT, tgtlang TEXT, source TEXT, target TEXT);
CREATE INDEX tu_src ON tu(srclang, source);
CREATE VIRTUAL TABLE tu_fts USING fts5(source, target, content='tu', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
BEGIN;
.mode ascii
.import $rows tu
INSERT INTO tu_fts(rowid, source, target) SELECT rowid, source, target FROM tu;
COMMIT;
SQL
