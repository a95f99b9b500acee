#!/usr/bin/env python3
"""Concordance query time: the SQL that `ConcordanceSearch` runs (FTS5 MATCH on variantText, or
the trigram table for Japanese, joined to variant, highlight(), LIMIT 20, then the other language
of each hit), timed in-process with Python's sqlite3 (the same SQLite library), over phrases cut
from the query files: for each query, its first two words (en, de) or its first four characters (ja).

usage: concordance_bench.py DB QUERIES_EN QUERIES_JA
"""
import sqlite3
import statistics
import sys
import time

db, en_path, ja_path = sys.argv[1:4]
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)


def quoted(text):
    return '"' + text.replace('"', '""') + '"'


WORDS = """SELECT v.id, v.unitId, v.lang, highlight(variantText, 0, char(1), char(2))
FROM variantText JOIN variant v ON v.id = variantText.rowid
WHERE variantText MATCH ? AND v.base = ? LIMIT 20"""
TRIGRAM = """SELECT v.id, v.unitId, v.lang, highlight(variantTrigram, 0, char(1), char(2))
FROM variantTrigram JOIN variant v ON v.id = variantTrigram.rowid
WHERE variantTrigram MATCH ? AND v.base = ? LIMIT 20"""
PAIR = WORDS.replace(" LIMIT 20", " AND EXISTS (SELECT 1 FROM variant o WHERE o.unitId = v.unitId AND o.base = 'de') LIMIT 20")
OTHERS = "SELECT lang, plain FROM variant WHERE unitId = ? AND id != ? ORDER BY position, id"


def run(name, sql, phrases, base):
    times, hits = [], 0
    for phrase in phrases:
        started = time.perf_counter()
        rows = con.execute(sql, (quoted(phrase), base)).fetchall()
        for row in rows:
            con.execute(OTHERS, (row[1], row[0])).fetchall()
        times.append((time.perf_counter() - started) * 1000)
        hits += len(rows)
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"concordance {name}: {len(phrases)} phrases, {hits} hits, median {statistics.median(times):.2f} ms, "
          f"p99 {p99:.2f} ms")


en = [" ".join(line.split()[:2]) for line in open(en_path, encoding="utf-8") if len(line.split()) >= 2]
ja = [line.strip()[:4] for line in open(ja_path, encoding="utf-8") if len(line.strip()) >= 4]
run("en phrase (FTS5 unicode61)", WORDS, en, "en")
run("en single word", WORDS, [p.split()[0] for p in en], "en")
run("en phrase, --pair en-de", PAIR, en, "en")
run("ja substring (FTS5 trigram)", TRIGRAM, ja, "ja")
