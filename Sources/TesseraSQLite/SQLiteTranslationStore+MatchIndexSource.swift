import GRDB
import TesseraCore
import TesseraMatching
package import TesseraStorage

/// The SQLite side of the match index: its change log (the `match-change` table and triggers),
/// the change position, the changed units, the variants of a unit, the full scan and the unit
/// data a match shows. All the SQL the match index needs is here.
///
/// The postings themselves live in a side file next to the database (`TesseraMatchIndex`):
/// writing them row by row into SQLite would double the cost of an import. The database only
/// keeps what the side file needs to catch up: a log of units whose variants were deleted or
/// edited, filled by triggers. Inserted variants need no log: their ids are above the highest id
/// the side file has seen, so an import pays nothing for inserts.
///
/// ```swift
/// let tm = try SQLiteTranslationStore.open(path: "tm.db")
/// try tm.prepareChangeFeed()
/// let now = try tm.changePosition()
/// ```
extension SQLiteTranslationStore {
    /// The database path (the side file is this plus `-match`).
    package var matchIndexLocation: String { path }

    /// Adds the change log and its triggers (own named, append-only migrations, identifiers
    /// prefixed `match-`) when they are missing.
    /// - Throws: ``StorageError`` `migration`.
    package func prepareChangeFeed() throws {
        do {
            let migrator = Self.changeFeedMigrator
            if try !pool.read(migrator.hasCompletedMigrations) {
                try migrator.migrate(pool)
            }
        } catch {
            throw StorageError(.migration, "Cannot add the match tables to \(path): \(error).")
        }
    }

    /// The migrator of the match tables.
    static var changeFeedMigrator: DatabaseMigrator {
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

    /// Where the database stands: two `max()` reads in one read transaction.
    /// `false`: a unit read is a local read of the database file, as fast as a copy's.
    package var keepsLocalUnitCopy: Bool { false }

    package func changePosition() throws -> ChangePosition {
        try read { db in try SQLiteMatchIndexSnapshot(db: db).position }
    }

    /// Runs `body` in one read transaction. Errors of `body` are rethrown unchanged; database
    /// errors become ``StorageError``.
    package func withSnapshot<T>(_ body: (any MatchIndexSnapshot) throws -> T) throws -> T {
        do {
            return try pool.read { db in try body(SQLiteMatchIndexSnapshot(db: db)) }
        } catch let error as DatabaseError {
            throw Self.storageError(error, path: path)
        }
    }

    /// Writes the database's position inside a write transaction (for ``UnitWriteObserver``).
    static func changePosition(_ db: Database) throws -> ChangePosition {
        try SQLiteMatchIndexSnapshot(db: db).position
    }
}

/// A read transaction of a SQLite memory seen as a ``MatchIndexSnapshot``.
struct SQLiteMatchIndexSnapshot: MatchIndexSnapshot {
    let db: Database

    var position: ChangePosition {
        get throws {
            // The high-water mark: a deleted highest variant does not move the position back.
            ChangePosition(
                maxVariant: max(try Int64.fetchOne(db, sql: "SELECT max(id) FROM variant") ?? 0, try VariantHighWater.read(db)),
                sequence: try Int64.fetchOne(db, sql: #"SELECT max(seq) FROM "match-change""#) ?? 0)
        }
    }

    func changedUnits(since position: ChangePosition) throws -> Set<Int64> {
        // No DISTINCT: it would make SQLite walk the whole unitId index instead of the rowid range.
        var units = Set(
            try Int64.fetchAll(db, sql: #"SELECT unitId FROM "match-change" WHERE seq > ?"#, arguments: [position.sequence]))
        units.formUnion(try Int64.fetchAll(db, sql: "SELECT unitId FROM variant WHERE id > ?", arguments: [position.maxVariant]))
        return units
    }

    func variants(ofUnit unit: Int64) throws -> [IndexedVariant] {
        let statement = try db.cachedStatement(sql: "SELECT id, lang, plain FROM variant WHERE unitId = ? ORDER BY id")
        return try Row.fetchAll(statement, arguments: [unit]).map { IndexedVariant(id: $0[0], language: $0[1], text: $0[2]) }
    }

    func forEachUnit(_ body: (Int64, [IndexedVariant]) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, unitId, lang, plain FROM variant ORDER BY unitId, id")
        var currentUnit: Int64 = -1
        var variants: [IndexedVariant] = []
        while let row = try rows.next() {
            let unit: Int64 = row[1]
            if unit != currentUnit {
                if !variants.isEmpty { try body(currentUnit, variants) }
                variants.removeAll(keepingCapacity: true)
                currentUnit = unit
            }
            variants.append(IndexedVariant(id: row[0], language: row[2], text: row[3]))
        }
        if !variants.isEmpty { try body(currentUnit, variants) }
    }

    func matchUnits(_ ids: [Int64]) throws -> [Int64: MatchUnit] {
        try SQLiteTranslationStore.matchUnits(ids, db: db)
    }

    /// Unit ids in pages of 1,000, each page read as ``matchUnits(_:)`` does.
    func forEachMatchUnit(_ body: (MatchUnit) throws -> Void) throws {
        var after = Int64.min
        while true {
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM unit WHERE id > ? ORDER BY id LIMIT 1000", arguments: [after])
            guard let last = ids.last else { return }
            let units = try SQLiteTranslationStore.matchUnits(ids, db: db)
            for id in ids { if let unit = units[id], !unit.variants.isEmpty { try body(unit) } }
            after = last
        }
    }
}
