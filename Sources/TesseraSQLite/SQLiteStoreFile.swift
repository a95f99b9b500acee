package import GRDB
package import TesseraStorage

/// What every SQLite store is: a pool of connections on one file, opened through
/// ``DatabaseOpener`` with the store's own migrations, and read and written with GRDB errors
/// turned into ``StorageError`` in one place.
///
/// The three stores (``SQLiteTranslationStore``, ``SQLiteGlossaryStore``, ``SQLiteAPIKeyStore``)
/// may share one file; each registers migrations with its own prefix, so they never collide in
/// GRDB's `grdb_migrations` table.
///
/// ```swift
/// let glossaries = try SQLiteGlossaryStore.open(path: "tessera.db")   // SQLiteStoreFile.open
/// ```
package class SQLiteDatabase: @unchecked Sendable {
    // @unchecked Sendable: immutable (a Sendable pool and a string); a class so that the stores
    // inherit one shell instead of repeating it.
    /// The pool of SQLite connections: one writer, several readers.
    let pool: DatabasePool
    /// The database file.
    package let path: String

    /// Wraps an open pool.
    required init(pool: DatabasePool, path: String) {
        self.pool = pool
        self.path = path
    }
}

/// A store kept in an SQLite file: what it adds to ``SQLiteDatabase`` is its migrations.
package protocol SQLiteStoreFile: SQLiteDatabase {
    /// The store's migrations, append-only.
    static var migrator: DatabaseMigrator { get }
    /// How a failed migration's message starts ("Cannot migrate the glossary tables of").
    static var migrationFailure: String { get }
}

extension SQLiteStoreFile {
    /// Opens (creating if needed) the database at `path` (its folder must exist) and applies
    /// ``migrator``.
    /// - Throws: ``StorageError`` `.cannotOpen`, `.notADatabase` or `.migration`.
    package static func open(path: String) throws(StorageError) -> Self {
        Self(pool: try DatabaseOpener.open(path: path, migrator: migrator, migrationFailure: migrationFailure), path: path)
    }

    /// Runs `body` in a read transaction, turning database errors into ``StorageError``.
    func read<T>(_ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw SQLiteTranslationStore.storageError(error, path: path)
        }
    }

    /// Runs `body` in a write transaction (rolled back when it throws), turning database errors
    /// into ``StorageError``.
    func write<T>(_ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw SQLiteTranslationStore.storageError(error, path: path)
        }
    }

    /// The names of this store's migrations applied to the file, in order.
    package func appliedMigrations() throws(StorageError) -> [String] {
        try read { db in try Self.migrator.appliedMigrations(db) }
    }
}
