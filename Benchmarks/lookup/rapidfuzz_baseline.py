#!/usr/bin/env python3
"""The exhaustive baseline: rapidfuzz `process.extract(q, sources, scorer=fuzz.ratio,
score_cutoff=75, limit=5)` for every query, over (a) the sources of the units with a target in
TARGET and (b) every source of the memory. Prints per-query median, p99 and total seconds.

usage: rapidfuzz_baseline.py ROWS QUERIES SOURCE_LANG TARGET_LANG
(for SOURCE_LANG other than the rows' srclang, the target side is searched and the English side is
the "target")
"""
import statistics
import sys
import time

from rapidfuzz import fuzz, process

rows_path, queries_path, source_lang, target_lang = sys.argv[1:5]
pairs = []
with open(rows_path, encoding="utf-8") as handle:
    for row in handle.read().split("\x1e"):
        fields = row.split("\x1f")
        if len(fields) == 4:
            pairs.append(fields)
if source_lang == pairs[0][0]:
    subset = [p[2] for p in pairs if p[1].split("-")[0] == target_lang.split("-")[0]]
    every = [p[2] for p in pairs]
else:
    subset = [p[3] for p in pairs if p[1].split("-")[0] == source_lang.split("-")[0]]
    every = [p[3] for p in pairs]
queries = [line.rstrip("\n") for line in open(queries_path, encoding="utf-8") if line.strip()]


def run(name, choices):
    times = []
    for query in queries:
        started = time.perf_counter()
        process.extract(query, choices, scorer=fuzz.ratio, score_cutoff=75, limit=5)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"rapidfuzz {name}: {len(choices)} candidates, {len(queries)} queries, median {statistics.median(times):.2f} ms, "
          f"p99 {p99:.2f} ms, total {sum(times) / 1000:.2f} s")


run(f"{source_lang}->{target_lang} sources", subset)
run("all sources", every)
