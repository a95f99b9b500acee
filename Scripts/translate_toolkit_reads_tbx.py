#!/usr/bin/env python3
"""Checks that Translate Toolkit (PyPI `translate-toolkit`) reads TBX files written by
`tessera glossary export --tbx-version 2`: every file parses and yields one unit per concept,
with the concept's first term as the unit's source.

Usage: translate_toolkit_reads_tbx.py FILE.tbx...   (exit 0: all read; 1: a file failed;
77: Translate Toolkit is not installed, so the check is skipped).
"""
import re
import sys

try:
    from translate.storage import tbx
except ImportError:
    print("Skipped: Translate Toolkit is not installed (pip install translate-toolkit).")
    sys.exit(77)

failed = False
for path in sys.argv[1:]:
    with open(path, "rb") as handle:
        data = handle.read()
    concepts = len(re.findall(rb"<termEntry\b", data))
    try:
        store = tbx.tbxfile.parsestring(data)
    except Exception as error:  # any parse failure is a failed check
        print(f"{path}: Translate Toolkit cannot read it: {error}")
        failed = True
        continue
    units = store.units
    if len(units) != concepts or concepts == 0 or any(not unit.source for unit in units):
        print(f"{path}: {len(units)} units for {concepts} termEntry elements")
        failed = True
        continue
    print(f"{path}: {len(units)} units; first: {units[0].source!r} -> {units[0].target!r}")
sys.exit(1 if failed else 0)
