import GRDB
import TesseraStorage
import TesseraCore

/// The database schema as named, append-only migrations (convention 8: a shipped migration is
/// never edited; a change is a new migration appended to ``migrator``).
///
/// Tables: `importBatch`, `unit`, `variant`, `prop`, `note`, the full-text index `variantText`
/// (FTS5 external content on `variant.plain`, unicode61 with `remove_diacritics 2`) and
/// `variantTrigram` (FTS5 trigram, only for languages written without spaces: Chinese, Japanese,
/// Korean, Thai, ...). Since migration v2 ``UnitSink`` keeps both indexes in step with `variant`
/// on every write with explicit statements (v1 used triggers).
///
/// - SeeAlso: [SQLite FTS5](https://www.sqlite.org/fts5.html)
enum Schema {
    /// Base languages indexed by the trigram table: ``LanguageTag/unspacedLanguages``.
    static let trigramLanguages = LanguageTag.unspacedLanguages

    /// The secondary indexes of `unit` and `variant` in the current schema (since migration
    /// `v4: one duplicate key per unit`).
    static let secondaryIndexes: [(name: String, create: String)] = [
        ("unit_duplicateKey", "CREATE INDEX unit_duplicateKey ON unit(duplicateKey)"),
        ("variant_unit", "CREATE INDEX variant_unit ON variant(unitId)"),
    ]

    /// The indexes a batch into an empty memory drops and creates again at the end: sorting once is
    /// much faster than a million random B-tree inserts. Under ``DuplicatePolicy/add`` nothing reads
    /// them during the batch, so all go. Under the other policies `unit_duplicateKey` goes too
    /// (`variant_unit` only ever appends, and verifies candidates): ``UnitSink`` keeps the batch's
    /// keys in memory instead, and creates the index in the middle of the batch at the first key
    /// seen twice, or when `UnitSink.deferredKeyLimit` keys are held, then looks duplicates up
    /// in SQL as in a non-empty memory.
    static func deferredIndexes(policy: DuplicatePolicy) -> [(name: String, create: String)] {
        policy == .add ? secondaryIndexes : secondaryIndexes.filter { $0.name == "unit_duplicateKey" }
    }

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
                CREATE INDEX unit_tuid ON unit(tuid);
                CREATE INDEX unit_contentHash ON unit(contentHash);
                CREATE INDEX unit_batch ON unit(batchId);
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
                CREATE INDEX variant_unit ON variant(unitId);
                CREATE INDEX variant_lang_key ON variant(lang, key);
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
        }
        migrator.registerMigration("v1: full-text indexes on variant text") { db in
            let cjk = trigramLanguages.map { "'\($0)'" }.joined(separator: ",")
            try db.execute(sql: """
                CREATE VIRTUAL TABLE variantText USING fts5(
                    plain, content='variant', content_rowid='id',
                    tokenize='unicode61 remove_diacritics 2');
                CREATE TRIGGER variantText_insert AFTER INSERT ON variant BEGIN
                    INSERT INTO variantText(rowid, plain) VALUES (new.id, new.plain);
                END;
                CREATE TRIGGER variantText_delete AFTER DELETE ON variant BEGIN
                    INSERT INTO variantText(variantText, rowid, plain) VALUES ('delete', old.id, old.plain);
                END;
                CREATE TRIGGER variantText_update AFTER UPDATE OF plain ON variant BEGIN
                    INSERT INTO variantText(variantText, rowid, plain) VALUES ('delete', old.id, old.plain);
                    INSERT INTO variantText(rowid, plain) VALUES (new.id, new.plain);
                END;
                CREATE VIRTUAL TABLE variantTrigram USING fts5(
                    plain, content='variant', content_rowid='id', tokenize='trigram');
                CREATE TRIGGER variantTrigram_insert AFTER INSERT ON variant WHEN new.base IN (\(cjk)) BEGIN
                    INSERT INTO variantTrigram(rowid, plain) VALUES (new.id, new.plain);
                END;
                CREATE TRIGGER variantTrigram_delete AFTER DELETE ON variant WHEN old.base IN (\(cjk)) BEGIN
                    INSERT INTO variantTrigram(variantTrigram, rowid, plain) VALUES ('delete', old.id, old.plain);
                END;
                CREATE TRIGGER variantTrigram_update AFTER UPDATE OF plain ON variant WHEN old.base IN (\(cjk)) BEGIN
                    INSERT INTO variantTrigram(variantTrigram, rowid, plain) VALUES ('delete', old.id, old.plain);
                    INSERT INTO variantTrigram(rowid, plain) VALUES (new.id, new.plain);
                END;
                """)
        }
        migrator.registerMigration("v2: full-text rows written by UnitSink; no unit_batch index") { db in
            // Migration v1 kept the full-text tables in step with triggers. A trigger makes every
            // INSERT a statement with its own statement journal (spilled to a temporary file unless
            // temp_store is MEMORY) and keeps bulk imports from deferring the index: UnitSink now
            // writes the full-text rows itself. The batch index cost a B-tree insert per unit for a
            // count that a GROUP BY gives.
            try db.execute(sql: """
                DROP TRIGGER variantText_insert;
                DROP TRIGGER variantText_delete;
                DROP TRIGGER variantText_update;
                DROP TRIGGER variantTrigram_insert;
                DROP TRIGGER variantTrigram_delete;
                DROP TRIGGER variantTrigram_update;
                DROP INDEX unit_batch;
                """)
        }
        migrator.registerMigration("v3: full-text tables without column sizes") { db in
            // Nothing ranks concordance hits (no bm25), so FTS5's per-row column sizes (its
            // %_docsize table) are never read; leaving them out saves a B-tree insert per variant
            // (1.2 s of a 6.8 s build over 2M variants). The rows of an existing memory are indexed
            // again, once.
            let cjk = trigramLanguages.map { "'\($0)'" }.joined(separator: ",")
            try db.execute(sql: """
                DROP TABLE variantText;
                CREATE VIRTUAL TABLE variantText USING fts5(
                    plain, content='variant', content_rowid='id',
                    tokenize='unicode61 remove_diacritics 2', columnsize=0);
                INSERT INTO variantText(rowid, plain) SELECT id, plain FROM variant;
                DROP TABLE variantTrigram;
                CREATE VIRTUAL TABLE variantTrigram USING fts5(
                    plain, content='variant', content_rowid='id', tokenize='trigram', columnsize=0);
                INSERT INTO variantTrigram(rowid, plain) SELECT id, plain FROM variant WHERE base IN (\(cjk));
                """)
        }
        migrator.registerMigration("v4: one duplicate key per unit, tuid included") { db in
            // Units with different tuids are different units (a software TM keys one string by
            // several ids). The duplicate key of a unit with a tuid is the hash of (tuid, source
            // language, source markup); without one it stays the content hash. One indexed
            // column replaces the two look-ups (and the two B-tree inserts per unit) of v1.
            db.add(function: DatabaseFunction("tessera_tuid_key", argumentCount: 3, pure: true) { values in
                let parts = values.map { String.fromDatabaseValue($0) ?? "" }
                return DuplicateKey.tuidKey(tuid: parts[0], source: parts[1], markup: parts[2])
            })
            try db.execute(sql: """
                DROP INDEX IF EXISTS unit_tuid;
                DROP INDEX IF EXISTS unit_contentHash;
                ALTER TABLE unit RENAME COLUMN contentHash TO duplicateKey;
                UPDATE unit SET duplicateKey = tessera_tuid_key(tuid, sourceLang, (
                    SELECT markup FROM variant WHERE unitId = unit.id AND lang = unit.sourceLang ORDER BY position LIMIT 1))
                WHERE tuid <> '';
                CREATE INDEX unit_duplicateKey ON unit(duplicateKey);
                """)
        }
        migrator.registerMigration("v4: counts kept by writes") { db in
            // `stats` read every unit and variant (1.1 s at 1M units); the writes now keep the
            // counts (UnitSink, MemoryCountChanges) in the same transaction.
            try db.execute(sql: """
                CREATE TABLE languageCount (lang TEXT PRIMARY KEY, variants INTEGER NOT NULL) WITHOUT ROWID;
                CREATE TABLE pairCount (
                    sourceLang TEXT NOT NULL, targetLang TEXT NOT NULL, units INTEGER NOT NULL,
                    PRIMARY KEY (sourceLang, targetLang)) WITHOUT ROWID;
                ALTER TABLE importBatch ADD COLUMN units INTEGER NOT NULL DEFAULT 0;
                INSERT INTO languageCount (lang, variants) SELECT lang, COUNT(*) FROM variant GROUP BY lang;
                INSERT INTO pairCount (sourceLang, targetLang, units)
                    SELECT unit.sourceLang, variant.lang, COUNT(DISTINCT unit.id) FROM unit JOIN variant ON variant.unitId = unit.id
                    WHERE variant.lang <> unit.sourceLang GROUP BY unit.sourceLang, variant.lang;
                UPDATE importBatch SET units = c.n FROM (SELECT batchId, COUNT(*) AS n FROM unit GROUP BY batchId) AS c
                    WHERE c.batchId = importBatch.id;
                """)
        }
        migrator.registerMigration("v4: no variant.key") { db in
            // The normalized key and its index were written on every import and never read.
            try db.execute(sql: """
                DROP INDEX IF EXISTS variant_lang_key;
                ALTER TABLE variant DROP COLUMN key;
                """)
        }
        migrator.registerMigration("v5: highest variant id kept across deletions") { db in
            // Units deleted or replaced one at a time (the units API) must not free their variant
            // ids for another unit: the change feed finds new variants by id (VariantHighWater).
            try db.execute(sql: VariantHighWater.createTable)
        }
        return migrator
    }
}
