import GRDB

/// The database schema as named, append-only migrations (convention 8: a shipped migration is
/// never edited; a change is a new migration appended to ``migrator``).
///
/// Tables: `importBatch`, `unit`, `variant`, `prop`, `note`, the full-text index `variantText`
/// (FTS5 external content on `variant.plain`, unicode61 with `remove_diacritics 2`) and
/// `variantTrigram` (FTS5 trigram, only for languages written without spaces: Chinese, Japanese,
/// Korean, Thai, ...). ``UnitSink`` keeps both indexes in step with `variant` on every write
/// (explicit statements rather than triggers, which are about three times slower with FTS5).
///
/// - SeeAlso: [SQLite FTS5](https://www.sqlite.org/fts5.html)
enum Schema {
    /// Base languages indexed by the trigram table (the same list as
    /// `LanguageTag.isWrittenWithoutSpaces`).
    static let trigramLanguages = ["zh", "ja", "ko", "th", "lo", "km", "my", "yue", "wuu"]

    /// The indexes a bulk import into an empty memory drops and rebuilds at the end (sorting once
    /// is much faster than a million random B-tree inserts). Part of migration v1: never edit.
    static let secondaryIndexes: [(name: String, create: String)] = [
        ("unit_tuid", "CREATE INDEX unit_tuid ON unit(tuid)"),
        ("unit_contentHash", "CREATE INDEX unit_contentHash ON unit(contentHash)"),
        ("variant_unit", "CREATE INDEX variant_unit ON variant(unitId)"),
        ("variant_lang_key", "CREATE INDEX variant_lang_key ON variant(lang, key)"),
    ]

    /// The migrator with every migration, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: batches, units, variants, props, notes") { db in
            try db.execute(sql: """
                CREATE TABLE importBatch (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    filePath TEXT NOT NULL,
                    fileName TEXT NOT NULL,
                    startedAt TEXT NOT NULL,
                    finishedAt TEXT,
                    header TEXT
                );
                CREATE TABLE unit (
                    id INTEGER PRIMARY KEY,
                    tuid TEXT,
                    srclang TEXT,
                    sourceLang TEXT NOT NULL,
                    attributes TEXT,
                    origin TEXT NOT NULL,
                    batchId INTEGER NOT NULL REFERENCES importBatch(id),
                    changedate INTEGER,
                    contentHash INTEGER NOT NULL
                );
                CREATE TABLE variant (
                    id INTEGER PRIMARY KEY,
                    unitId INTEGER NOT NULL REFERENCES unit(id),
                    lang TEXT NOT NULL,
                    base TEXT NOT NULL,
                    markup TEXT NOT NULL,
                    plain TEXT NOT NULL,
                    key TEXT NOT NULL,
                    codes INTEGER NOT NULL,
                    attributes TEXT,
                    position INTEGER NOT NULL
                );
                CREATE TABLE prop (
                    id INTEGER PRIMARY KEY,
                    ownerKind TEXT NOT NULL,
                    ownerId INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    value TEXT NOT NULL,
                    lang TEXT,
                    encoding TEXT,
                    position INTEGER NOT NULL
                );
                CREATE INDEX prop_owner ON prop(ownerKind, ownerId);
                CREATE TABLE note (
                    id INTEGER PRIMARY KEY,
                    ownerKind TEXT NOT NULL,
                    ownerId INTEGER NOT NULL,
                    value TEXT NOT NULL,
                    lang TEXT,
                    encoding TEXT,
                    position INTEGER NOT NULL
                );
                CREATE INDEX note_owner ON note(ownerKind, ownerId);
                """)
            for index in secondaryIndexes { try db.execute(sql: index.create) }
        }
        migrator.registerMigration("v1: full-text indexes on variant text") { db in
            // No triggers: a trigger makes every INSERT a statement with its own savepoint, and
            // FTS5 flushes its pending terms at each savepoint (one segment per row, ~3x slower).
            // UnitSink keeps both indexes in step with explicit statements instead.
            try db.execute(sql: """
                CREATE VIRTUAL TABLE variantText USING fts5(
                    plain, content='variant', content_rowid='id',
                    tokenize='unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE variantTrigram USING fts5(
                    plain, content='variant', content_rowid='id', tokenize='trigram');
                """)
        }
        return migrator
    }
}
