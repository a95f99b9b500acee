-- The storage floor of the PostgreSQL import benchmark (run.sh): the unit and variant tables of
-- the translation-memory schema (Docs/POSTGRES.md; the store's migrations "memory v1: ..."),
-- created empty with their indexes before the rows are copied in, as an import into an empty
-- store finds them. psql variable: schema (the schema to create; dropped first).
-- Keep the indexes in step with the store's migrations (Sources/TesseraPostgres/PostgresSchema*):
-- the floor must pay for the same index maintenance as the import it is compared with.
\set ON_ERROR_STOP 1
DROP SCHEMA IF EXISTS :schema CASCADE;
CREATE SCHEMA :schema;
SET search_path = :schema;
CREATE TABLE unit (
    id bigint PRIMARY KEY,
    tuid text,
    srclang text,
    source_lang text NOT NULL,
    attributes text,
    origin text NOT NULL,
    batch_id bigint NOT NULL,
    changedate bigint,
    duplicate_key bigint NOT NULL
);
CREATE INDEX unit_duplicate_key ON unit (duplicate_key);
CREATE TABLE variant (
    id bigint PRIMARY KEY,
    unit_id bigint NOT NULL,
    lang text NOT NULL,
    base text NOT NULL,
    markup text NOT NULL,
    plain text NOT NULL,
    codes integer NOT NULL,
    attributes text,
    position integer NOT NULL
);
CREATE INDEX variant_unit ON variant (unit_id, id);
