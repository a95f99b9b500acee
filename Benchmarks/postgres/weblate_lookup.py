#!/usr/bin/env python3
"""The baseline of run.sh: the fuzzy lookup Weblate's translation memory does on PostgreSQL,
step by step, against the `memory_memory` table of weblate-schema.sql.

Weblate 5 (weblate/memory/models.py `MemoryQuerySet.lookup`, weblate/utils/db.py,
weblate/memory/machine.py, weblate/utils/similarity.py), re-implemented here from its
description:
1. a pg_trgm similarity threshold from the machinery threshold (75) and the text's length
   (`threshold_to_similarity`: about 0.95, up to +20 % for long texts, at least 0.6);
2. `set_limit(threshold)` (pg_trgm.similarity_threshold), skipped when the connection's current
   value differs by less than 0.05;
3. `SELECT ... WHERE from_file AND source % text AND source/target language LIMIT 50` (no
   ORDER BY; the GIN index on (source gin_trgm_ops, target_language_id, source_language_id));
   a text with fewer than 3 alphanumeric characters uses `source || '' LIKE '%text%'` instead;
4. while nothing is found and the threshold stays above 0.3: lower it by 0.05 and query again;
5. every row rescored with rapidfuzz `DamerauLevenshtein.normalized_similarity` x 100 (Weblate's
   `Comparer`), rows under 75 dropped; the rest sorted by that score, best first (the top 5 are
   written, as `tessera lookup --max 5`).
Weblate's `select_related("project")` join is left out (no project rows here).

Prints `line<TAB>milliseconds` per query on standard error (as `tessera lookup --timings`; the
time covers steps 1-5 with the round trips to the server), then how many SQL queries the lookups
took (step 4), and one JSON line per query on
standard output: {"line", "query", "matches": [{"unit", "source", "target", "score"}]}.

usage: weblate_lookup.py URL SCHEMA QUERIES SOURCE_LANG TARGET_LANG
"""
import json
import math
import re
import statistics
import sys
import time

import psycopg
from rapidfuzz.distance import DamerauLevenshtein

NON_WORD = re.compile(r"\W")
MIN_SIMILARITY_THRESHOLD = 0.3
MACHINERY_THRESHOLD = 75
ROWS = 50
SHOWN = 5


def threshold_to_similarity(text: str, threshold: int) -> float:
    """Weblate's mapping of a machinery threshold to a pg_trgm similarity threshold."""
    high = 0.985
    base = 0.127264 * math.log(24.282 * threshold)
    if base >= high:
        return min(round(base, 3), 1.0)
    maximum = min(base * 1.2, high)
    max_length = 2000
    length = min(max(1, len(NON_WORD.sub("", text))), max_length)
    boost = (maximum - base) * math.sqrt(length) / math.sqrt(max_length)
    return max(0.6, min(1.0, round(base + boost, 3)))


class WeblateMemory:
    def __init__(self, connection, source_id: int, target_id: int):
        self.connection = connection
        self.source_id = source_id
        self.target_id = target_id
        self.current_similarity = -1.0

    def adjust_similarity_threshold(self, value: float) -> None:
        if abs(self.current_similarity - value) < 0.05:
            return
        with self.connection.cursor() as cursor:
            if self.current_similarity == -1:
                cursor.execute("SELECT show_limit()")
            cursor.execute("SELECT set_limit(%s::real)", [value])  # psycopg binds a float as double precision
        self.current_similarity = value

    def rows(self, text: str):
        if sum(map(str.isalnum, text)) < 3:
            condition, argument = "source || '' LIKE %s", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        else:
            condition, argument = "source %% %s = true", text
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, source, target, unit_id FROM memory_memory "
                f"WHERE from_file AND {condition} AND source_language_id = %s AND target_language_id = %s LIMIT {ROWS}",
                [argument, self.source_id, self.target_id])
            return cursor.fetchall()

    def lookup(self, text: str):
        similarity = threshold_to_similarity(text, MACHINERY_THRESHOLD)
        results, rounds = [], 0
        while not results and similarity > MIN_SIMILARITY_THRESHOLD:
            self.adjust_similarity_threshold(similarity)
            results = self.rows(text)
            rounds += 1
            similarity -= 0.05
        scored = []
        for _, source, target, unit in results:
            quality = int(100 * DamerauLevenshtein.normalized_similarity(text, source))
            if quality >= MACHINERY_THRESHOLD:
                scored.append({"unit": unit, "source": source, "target": target, "score": quality})
        scored.sort(key=lambda match: -match["score"])
        return scored[:SHOWN], rounds


def main() -> None:
    url, schema, queries_path, source_lang, target_lang = sys.argv[1:6]
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"SET search_path = {schema}, public")
        ids = dict(connection.execute("SELECT code, id FROM lang_language").fetchall())
        memory = WeblateMemory(connection, ids[source_lang], ids[target_lang])
        queries = [line.rstrip("\n") for line in open(queries_path, encoding="utf-8")]
        rounds = []
        for number, query in enumerate(queries, start=1):
            if not query.strip():
                continue
            started = time.perf_counter()
            matches, count = memory.lookup(query)
            elapsed = (time.perf_counter() - started) * 1000
            rounds.append(count)
            print(f"{number}\t{elapsed:.3f}", file=sys.stderr)
            print(json.dumps({"line": number, "query": query, "matches": matches}, ensure_ascii=False))
        lowered = sum(1 for count in rounds if count > 1)
        print(f"SQL queries per lookup: median {statistics.median(rounds)}, max {max(rounds)}; "
              f"{lowered} of {len(rounds)} lookups lowered the threshold (nothing found at the first)", file=sys.stderr)


if __name__ == "__main__":
    main()
