/// The tables of a translation memory in a PostgreSQL schema, as named, append-only migrations
/// (`memory v1: ...`; a shipped migration is never edited). Docs/POSTGRES.md describes them.
///
/// - `import_batch`, `unit`, `variant`, `prop`, `note`: the rows of `SQLiteTranslationStore`'s
///   tables under snake_case names; `variant.base` is the primary language subtag and
///   `variant.plain` the text without markup.
/// - `language_count`, `pair_count`, `import_batch.units`: the counts kept by every write.
/// - `match_change`: the change feed (units whose variants were replaced or deleted).
/// - `store_meta`: `store_id` (a random uuid naming the local match-index folder),
///   `variant_high_water` (the highest variant id ever given, so that a variant id is never
///   given twice and the change position never goes back; unit ids, as on SQLite, continue from
///   the highest stored unit).
///
/// Ids are handed out by the writer under the schema's write lock (``PostgresStore/writeLockKey``),
/// not by sequences: a rolled-back batch then gives its ids again, and ids follow commit order.
enum PostgresMemorySchema {
    /// The indexes the reads and the duplicate look-ups need.
    static let indexes = [
        "CREATE INDEX unit_duplicate_key ON unit (duplicate_key)",
        "CREATE INDEX variant_unit ON variant (unit_id, id)",
        "CREATE INDEX prop_owner ON prop (owner_kind, owner_id)",
        "CREATE INDEX note_owner ON note (owner_kind, owner_id)",
    ]

    /// The memory's migrations, in order.
    static let migrations: [PostgresMigration] = [
        PostgresMigration(
            "memory v1: batches, units, variants, props, notes, counts, change feed",
            [
                """
                CREATE TABLE import_batch (
                    id bigint PRIMARY KEY, kind text NOT NULL, file_path text NOT NULL, file_name text NOT NULL,
                    started_at text NOT NULL, finished_at text, header text, units bigint NOT NULL DEFAULT 0)
                """,
                """
                CREATE TABLE unit (
                    id bigint PRIMARY KEY, tuid text, srclang text, source_lang text NOT NULL, attributes text,
                    origin text NOT NULL, batch_id bigint NOT NULL, changedate bigint, duplicate_key bigint NOT NULL)
                """,
                """
                CREATE TABLE variant (
                    id bigint PRIMARY KEY, unit_id bigint NOT NULL, lang text NOT NULL, base text NOT NULL,
                    markup text NOT NULL, plain text NOT NULL, codes integer NOT NULL, attributes text,
                    position integer NOT NULL)
                """,
                """
                CREATE TABLE prop (
                    owner_kind text NOT NULL, owner_id bigint NOT NULL, type text NOT NULL, value text NOT NULL,
                    lang text, encoding text, position integer NOT NULL)
                """,
                """
                CREATE TABLE note (
                    owner_kind text NOT NULL, owner_id bigint NOT NULL, value text NOT NULL, lang text, encoding text,
                    position integer NOT NULL)
                """,
                "CREATE TABLE language_count (lang text PRIMARY KEY, variants bigint NOT NULL)",
                """
                CREATE TABLE pair_count (
                    source_lang text NOT NULL, target_lang text NOT NULL, units bigint NOT NULL,
                    PRIMARY KEY (source_lang, target_lang))
                """,
                "CREATE TABLE match_change (seq bigint PRIMARY KEY, unit_id bigint NOT NULL)",
                "CREATE TABLE store_meta (key text PRIMARY KEY, value text NOT NULL)",
                "INSERT INTO store_meta (key, value) VALUES ('store_id', gen_random_uuid()::text)",
            ] + indexes),
    ]
}
