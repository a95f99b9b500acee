#!/usr/bin/env python3
"""How many of the edited queries find the TM sentence they were made from, for run.sh.

The bench query sets (../shared/bench/README.md) hold 50 held-out sentences and 50 one-word
edits of TM sentences per language; queries.tsv gives, for an edit, the TM sentence it came from.
An edit is found when a match among the results written for its line (the top 5, score >= 75)
has exactly that sentence as its source. "Findable" counts the edits whose sentence is the
source side of a unit of the language pair looked up (SOURCE_LANG -> TARGET_LANG, primary
subtags); the others cannot be found by any lookup of that pair.

Reads JSON Lines with {"line", "query", "matches": [{"source", "score", ...}]}: the output of
`tessera lookup --file --format jsonl` and of weblate_lookup.py alike.

usage: edit_recall.py QUERIES_TSV QUERIES_FILE ROWS SOURCE_LANG TARGET_LANG RESULTS.jsonl [NAME]
"""
import json
import sys

tsv, queries_file, rows_path, source_lang, target_lang, results_path = sys.argv[1:7]
name = sys.argv[7] if len(sys.argv) > 7 else results_path
MINIMUM = 75


def primary(tag: str) -> str:
    return tag.split("-")[0].lower()


origins = {}
for line in open(tsv, encoding="utf-8"):
    fields = line.rstrip("\n").split("\t")
    if fields[0] == "edit" and fields[1] == source_lang:
        origins[fields[2]] = fields[3]

# The sentences of the pair's source side (rows: srclang, tgtlang, source, target; see the README).
sources = set()
with open(rows_path, encoding="utf-8") as handle:
    for row in handle.read().split("\x1e"):
        fields = row.split("\x1f")
        if len(fields) != 4:
            continue
        if primary(fields[0]) == primary(source_lang) and primary(fields[1]) == primary(target_lang):
            sources.add(fields[2])
        elif primary(fields[1]) == primary(source_lang) and primary(fields[0]) == primary(target_lang):
            sources.add(fields[3])

queries = [line.rstrip("\n") for line in open(queries_file, encoding="utf-8")]
edits = {number: origins[text] for number, text in enumerate(queries, start=1) if text in origins}
findable = {number for number, origin in edits.items() if origin in sources}
found, answered = set(), 0
for line in open(results_path, encoding="utf-8"):
    record = json.loads(line)
    matches = [match for match in record["matches"] if match["score"] >= MINIMUM]
    if matches:
        answered += 1
    number = record["line"]
    if number in edits and any(match["source"] == edits[number] for match in matches):
        found.add(number)
print(f"{name}: edited queries finding their TM sentence {len(found)} of {len(edits)} "
      f"({len(findable)} findable in {source_lang}->{target_lang}); queries with a match >= {MINIMUM}: "
      f"{answered} of {len(queries)}")
