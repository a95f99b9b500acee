import PostgresNIO
package import TesseraStorage

/// One named schema migration of a PostgreSQL store: statements run in order, in the migrator's
/// transaction. A shipped migration is never edited; a change is a new migration appended.
package struct PostgresMigration: Sendable {
    /// The name, unique across the stores (each store prefixes its own: `memory v1: ...`).
    package var name: String
    /// The statements, one SQL statement each (postgres-nio's extended protocol runs one at a
    /// time), with unqualified names: they run with `search_path` set to the store's schema.
    package var statements: [String]

    /// Creates a migration.
    package init(_ name: String, _ statements: [String]) {
        self.name = name
        self.statements = statements
    }
}

/// Applies named migrations to a store's schema exactly once, even when several processes open
/// the store at the same moment: everything runs in one transaction holding a database-wide
/// advisory lock (`pg_advisory_xact_lock`), so a second process waits, then finds the migrations
/// applied. The names applied are kept in the schema's `tessera_migration` table.
///
/// A migration that fails rolls back whole (PostgreSQL's DDL is transactional): the schema is as
/// it was, and the error names the migration.
///
/// ```swift
/// try PostgresMigrator(pool: pool).apply(PostgresTranslationStore.migrations)
/// ```
package struct PostgresMigrator {
    /// The connections of the store.
    package var pool: PostgresPool

    /// Creates a migrator for the pool's schema.
    package init(pool: PostgresPool) {
        self.pool = pool
    }

    /// A stable 64-bit advisory-lock key for `name` (FNV-1a: the same in every process).
    package static func lockKey(_ name: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    /// The lock every migrating process takes: one per database, so that extensions (created
    /// once per database) and schemas are never created twice at the same time.
    static let migrationLock = lockKey("tessera migrations")

    /// Applies the migrations not yet applied, in order, creating the schema if needed.
    /// - Throws: ``StorageError`` `.migration` naming the failed migration (nothing applied then),
    ///   or `.unavailable`.
    package func apply(_ migrations: [PostgresMigration]) throws(StorageError) {
        let schema = pool.location.schema
        let logger = pool.logger
        var current = ""
        do {
            try pool.withTransaction("BEGIN") { connection in
                try connection.run("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", logger: logger)
                try connection.run(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: logger)
                try connection.run(
                    PostgresQuery(unsafeSQL: """
                        CREATE TABLE IF NOT EXISTS \(schema).tessera_migration (
                            seq bigserial, name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                        """), logger: logger)
                let applied = try Set(
                    connection.run(PostgresQuery(unsafeSQL: "SELECT name FROM \(schema).tessera_migration"), logger: logger)
                        .map { try $0.decode(String.self) })
                for migration in migrations where !applied.contains(migration.name) {
                    current = migration.name
                    for statement in migration.statements {
                        try connection.run(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try connection.run("INSERT INTO tessera_migration (name) VALUES (\(migration.name))", logger: logger)
                }
            }
        } catch where error.kind == .unavailable || current.isEmpty {
            throw error
        } catch {
            throw StorageError(
                .migration, "Cannot apply the migration '\(current)' to the schema \(schema) of \(pool.location): \(error.message)",
                sql: error.sql)
        }
    }

    /// The names of the migrations applied to the schema, in the order applied.
    package func applied() throws(StorageError) -> [String] {
        try pool.withConnection { connection in
            try connection.run(
                PostgresQuery(unsafeSQL: "SELECT name FROM \(pool.location.schema).tessera_migration ORDER BY seq"),
                logger: pool.logger
            ).map { try $0.decode(String.self) }
        }
    }
}
