import TesseraStorage

/// The PostgreSQL backend of ``GlossaryStore``: glossaries kept in the store's schema beside the
/// translation memory, in their own tables (`glossary`, `concept`, `term`) with their own
/// migrations (named `glossary v1: ...` in the shared `tessera_migration` table).
///
/// It behaves exactly as the SQLite backend (`SQLiteGlossaryStore`): each term row keeps its
/// folded text and its stemmed key sequence (`TermNormalizer`), a replace runs in one transaction
/// (the old glossary deleted, the new one streamed in with `COPY`), and every look-up of the stored
/// term index has an index:
///
/// | look-up | index |
/// |---|---|
/// | stemmed keys, stemmed prefix | `term_key` on `(base_language, stemmed)`; the key columns are `COLLATE "C"`, so a prefix is a byte range as in SQLite |
/// | keys contained as whole words | `term_words`: GIN on `string_to_array(stemmed, ' ')` (`@>` finds the terms holding every word; the word order is checked on the survivors) |
/// | folded length window | `term_folded_length` on `(base_language, char_length(folded))` including `folded` |
/// | concept by identifier | `concept_key` on `(glossary_id, concept_key, position)` |
///
/// ```swift
/// let store = try PostgresGlossaryStore.open(location: try PostgresLocation(url: url))
/// try store.replaceGlossary(Glossary(name: "defence", entries: entries), origin: "defence.tbx")
/// ```
package final class PostgresGlossaryStore: PostgresStore, PostgresStoreSchema, GlossaryStore, @unchecked Sendable {
    // @unchecked Sendable: restated from PostgresStore (no state of its own).

    /// The glossary migrations, append-only.
    package static let migrations: [PostgresMigration] = [
        PostgresMigration("glossary v1: glossary, concept, term", [
            """
            CREATE TABLE glossary (
                id bigserial PRIMARY KEY,
                name text COLLATE "C" NOT NULL UNIQUE,
                origin text,
                imported_at text NOT NULL)
            """,
            """
            CREATE TABLE concept (
                id bigserial PRIMARY KEY,
                glossary_id bigint NOT NULL REFERENCES glossary (id) ON DELETE CASCADE,
                concept_key text NOT NULL,
                subject text,
                definitions text NOT NULL,
                notes text NOT NULL,
                source text,
                position integer NOT NULL,
                categories text)
            """,
            "CREATE INDEX concept_glossary ON concept (glossary_id, position)",
            "CREATE INDEX concept_key ON concept (glossary_id, concept_key, position)",
            """
            CREATE TABLE term (
                id bigserial PRIMARY KEY,
                concept_id bigint NOT NULL REFERENCES concept (id) ON DELETE CASCADE,
                language text COLLATE "C" NOT NULL,
                base_language text COLLATE "C" NOT NULL,
                text text NOT NULL,
                folded text COLLATE "C" NOT NULL,
                stemmed text COLLATE "C" NOT NULL,
                part_of_speech text,
                status text,
                note text,
                position integer NOT NULL,
                categories text)
            """,
            "CREATE INDEX term_concept ON term (concept_id, position)",
            "CREATE INDEX term_key ON term (base_language, stemmed)",
            "CREATE INDEX term_words ON term USING gin (string_to_array(stemmed, ' '))",
            "CREATE INDEX term_folded_length ON term (base_language, char_length(folded)) INCLUDE (folded)",
        ])
    ]
}
