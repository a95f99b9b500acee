-- An example for run.sh's FLOOR_EXTRA: GIN indexes of the kind concordance search keeps on
-- `variant` (word vectors for languages written with spaces, trigrams for the others), so the
-- floor pays for GIN maintenance during the copy. NOT the store's own concordance indexes (those
-- are in its "memory concordance" migrations and cost more: FTS5's word splitting in SQL); run.sh
-- with FLOOR_STORE=1 copies into the store's own schema, the floor the import is compared with.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE INDEX variant_words_like ON variant USING gin (to_tsvector('simple', plain))
    WHERE base NOT IN ('ja', 'ko', 'th', 'zh');
CREATE INDEX variant_trigrams_like ON variant USING gin (plain public.gin_trgm_ops)
    WHERE base IN ('ja', 'ko', 'th', 'zh');
