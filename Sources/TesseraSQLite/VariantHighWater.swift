import GRDB

/// The highest variant id the memory ever gave, kept in the one-row table `variantHighWater`
/// (migration `v5`) once the variants holding it were deleted or replaced.
///
/// SQLite gives a new row the highest id in the table plus one, so without it a deleted unit's
/// variant ids would be given again to the next unit written, and a match index that saw the old
/// variants would miss the new ones (the change feed reports the variants above the highest id an
/// index saw). ``UnitSink`` starts its first variant above the mark; the change position reads
/// it as its highest variant id, so a position never goes back.
enum VariantHighWater {
    /// The mark (0 when no highest variant was ever removed).
    static func read(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT id FROM variantHighWater WHERE one = 1") ?? 0
    }

    /// Raises the mark to `id` (never lowers it).
    static func write(_ id: Int64, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO variantHighWater (one, id) VALUES (1, ?)
                ON CONFLICT (one) DO UPDATE SET id = max(id, excluded.id)
                """, arguments: [id])
    }

    /// The migration that adds the table.
    static let createTable = "CREATE TABLE variantHighWater (one INTEGER PRIMARY KEY CHECK (one = 1), id INTEGER NOT NULL)"
}
