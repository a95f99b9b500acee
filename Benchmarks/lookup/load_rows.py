#!/usr/bin/env python3
"""Loads a bench `.rows` file (sqlite3 ascii mode: 0x1F between fields, 0x1E between rows:
srclang, tgtlang, source, target) into a Tessera database that already has the schema (created by
`tessera import`), one unit per row, in one transaction. The FTS5 triggers of the schema fire as
they do for a real import. Used while `tessera import` cannot read TMX in this build; the lookup
measured afterwards is the same either way.

usage: load_rows.py ROWS DB
"""
import sqlite3
import sys
import time
from xml.sax.saxutils import escape

rows_path, db_path = sys.argv[1], sys.argv[2]
started = time.time()
con = sqlite3.connect(db_path)
con.execute("PRAGMA journal_mode=WAL")
con.execute("PRAGMA synchronous=NORMAL")
con.execute("PRAGMA cache_size=-131072")
cur = con.cursor()
cur.execute("BEGIN")
cur.execute("INSERT INTO importBatch (kind, filePath, fileName, startedAt) VALUES ('tmx', ?, ?, datetime('now'))",
            (rows_path, rows_path.rsplit("/", 1)[-1]))
batch = cur.lastrowid
with open(rows_path, encoding="utf-8") as handle:
    data = handle.read()
unit_id = cur.execute("SELECT coalesce(max(id), 0) FROM unit").fetchone()[0]
units, variants = [], []
for number, row in enumerate(data.split("\x1e")):
    fields = row.split("\x1f")
    if len(fields) != 4:
        continue
    source_lang, target_lang, source, target = fields
    unit_id += 1
    units.append((unit_id, str(number + 1), source_lang, source_lang, "imported", batch, unit_id))
    for position, (lang, text) in enumerate(((source_lang, source), (target_lang, target))):
        variants.append((unit_id, lang, lang.split("-")[0].lower(), escape(text), text, text.lower(), position))
cur.executemany("INSERT INTO unit (id, tuid, srclang, sourceLang, origin, batchId, contentHash) VALUES (?,?,?,?,?,?,?)", units)
cur.executemany("INSERT INTO variant (unitId, lang, base, markup, plain, key, codes, position) VALUES (?,?,?,?,?,?,0,?)", variants)
cur.execute("UPDATE importBatch SET finishedAt = datetime('now') WHERE id = ?", (batch,))
con.commit()
con.close()
print(f"loaded {len(units)} units, {len(variants)} variants in {time.time() - started:.1f} s", file=sys.stderr)
