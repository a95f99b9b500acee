-- Weblate's translation memory on PostgreSQL, for the baseline of run.sh: the table
-- `memory_memory` as Weblate 5's migrations make it (a row per source/target pair with language
-- ids, the trigram GIN index over source and the two language ids, which needs btree_gin), filled
-- from the floor's unit/variant tables. Every bench unit (English -> one language) becomes two
-- rows, en -> xx and xx -> en, so the German and Japanese query sets have rows to search as in
-- our memory, where either side of a unit can be the source.
-- psql variables: floor (the schema holding unit/variant), schema (created; dropped first).
\set ON_ERROR_STOP 1
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;
DROP SCHEMA IF EXISTS :schema CASCADE;
CREATE SCHEMA :schema;
SET search_path = :schema, public;
CREATE TABLE lang_language (id serial PRIMARY KEY, code text NOT NULL UNIQUE);
INSERT INTO lang_language (code) SELECT DISTINCT lang FROM :floor.variant ORDER BY 1;
CREATE TABLE memory_memory (
    id serial PRIMARY KEY,
    source text NOT NULL,
    target text NOT NULL,
    origin text NOT NULL,
    context text NOT NULL DEFAULT '',
    from_file boolean NOT NULL DEFAULT false,
    shared boolean NOT NULL DEFAULT false,
    status integer NOT NULL DEFAULT 0,
    project_id integer,
    user_id integer,
    source_language_id integer NOT NULL REFERENCES lang_language (id),
    target_language_id integer NOT NULL REFERENCES lang_language (id),
    unit_id bigint NOT NULL -- ours, to compare results with tessera's unit ids
);
INSERT INTO memory_memory (source, target, origin, from_file, status, source_language_id, target_language_id, unit_id)
SELECT s.plain, t.plain, 'tm-1m.tmx', true, 1, sl.id, tl.id, s.unit_id
FROM :floor.variant s
JOIN :floor.variant t ON t.unit_id = s.unit_id AND t.position = 1
JOIN lang_language sl ON sl.code = s.lang
JOIN lang_language tl ON tl.code = t.lang
WHERE s.position = 0
UNION ALL
SELECT t.plain, s.plain, 'tm-1m.tmx', true, 1, tl.id, sl.id, s.unit_id
FROM :floor.variant s
JOIN :floor.variant t ON t.unit_id = s.unit_id AND t.position = 1
JOIN lang_language sl ON sl.code = s.lang
JOIN lang_language tl ON tl.code = t.lang
WHERE s.position = 0;
-- Weblate's indexes (memory 0001_squashed_weblate_5 and Memory.Meta.indexes); the HASH indexes
-- on source/target/origin only serve its duplicate check on import and are left out.
CREATE INDEX memory_source_trgm ON memory_memory USING GIN (source gin_trgm_ops, target_language_id, source_language_id);
CREATE INDEX memory_from_file ON memory_memory (from_file) WHERE from_file;
ANALYZE memory_memory;
