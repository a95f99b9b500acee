import GRDB
import TesseraStorage

/// The schema of the fuzzy-match index: its own named, append-only migrations, identifiers
/// prefixed `match-`, applied beside ``Schema`` on first use of the index.
///
/// The postings themselves live in a side file next to the database (see ``MatchIndexFile``):
/// writing them row by row into SQLite would double the cost of an import. The database only keeps
/// what the side file needs to catch up: a change log of units whose variants were deleted or
/// edited (`match-change`, filled by triggers). Inserted variants need no log: their ids are above
/// the highest id the side file has seen. An import therefore pays nothing for inserts.
enum MatchIndexSchema {
    /// The migrator of the match tables.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("match-v1: change log of edited and deleted variants") { db in
            try db.execute(sql: """
                CREATE TABLE "match-change" (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    unitId INTEGER NOT NULL
                );
                CREATE TRIGGER "match-variant-delete" AFTER DELETE ON variant BEGIN
                    INSERT INTO "match-change"(unitId) VALUES (old.unitId);
                END;
                CREATE TRIGGER "match-variant-update" AFTER UPDATE OF plain, lang, unitId ON variant BEGIN
                    INSERT INTO "match-change"(unitId) VALUES (old.unitId);
                    INSERT INTO "match-change"(unitId) VALUES (new.unitId);
                END;
                """)
        }
        return migrator
    }
}
