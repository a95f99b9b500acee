"""Writes the request paths the serve benchmark cycles through, one per line, percent-encoded.

    python3 make_paths.py QUERIES_FILE KIND SOURCE TARGET > paths.txt

KIND: lookup (/api/v1/lookup), concordance (/api/v1/concordance, the query's first three words
as a phrase), tmserver (/tmserver/SRC/TGT/unit/TEXT, encoded with no safe characters as Weblate
does).
"""
import sys
from urllib.parse import quote

queries_file, kind, source, target = sys.argv[1:5]
with open(queries_file, encoding="utf-8") as handle:
    queries = [line.strip() for line in handle if line.strip()]
for query in queries:
    if kind == "lookup":
        print(f"/api/v1/lookup?q={quote(query, safe='')}&source={source}&target={target}")
    elif kind == "concordance":
        phrase = " ".join(query.split()[:3]).strip(".,;:")
        print(f"/api/v1/concordance?q={quote(phrase, safe='')}&lang={source}&other={target}")
    elif kind == "tmserver":
        print(f"/tmserver/{source}/{target}/unit/{quote(query, safe='')}")
    else:
        sys.exit(f"unknown kind {kind}")
