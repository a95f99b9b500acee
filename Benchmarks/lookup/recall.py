#!/usr/bin/env python3
"""Recall of the index against the exhaustive scan (same formula): both are JSON Lines from
`tessera lookup --file ... --format jsonl --max 1000`. A match is (line, unit, target language);
recall = matches of the scan also found by the index / matches of the scan.

usage: recall.py INDEX.jsonl EXHAUSTIVE.jsonl [MIN]
"""
import json
import sys

minimum = int(sys.argv[3]) if len(sys.argv) > 3 else 75


def matches(path):
    found = set()
    for line in open(path, encoding="utf-8"):
        record = json.loads(line)
        for match in record["matches"]:
            if match["score"] >= minimum:
                found.add((record["line"], match["unit"], match["targetLanguage"]))
    return found


index, scan = matches(sys.argv[1]), matches(sys.argv[2])
both = index & scan
recall = len(both) / len(scan) if scan else 1.0
print(f"recall {recall:.4f}: index {len(index)}, exhaustive {len(scan)}, common {len(both)}, "
      f"index-only {len(index - scan)}")
