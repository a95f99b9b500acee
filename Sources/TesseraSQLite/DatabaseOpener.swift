import GRDB
import TesseraStorage

/// The one way a Tessera database file is opened, for the translation memory and the glossary
/// store alike (they may share one file): a WAL `DatabasePool`, `synchronous = NORMAL` (safe in
/// WAL mode: a power cut can lose the last commits, never corrupt the file), a 10 s busy timeout,
/// `temp_store` left at FILE (sorts of `CREATE INDEX` and large `ORDER BY`s spill to temporary
/// files instead of growing the heap), the Tessera file check, then the given migrations.
enum DatabaseOpener {
    /// The configuration of every connection.
    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        configuration.busyMode = .timeout(10)
        return configuration
    }

    /// Opens (creating if needed) the file at `path` and applies `migrator`.
    /// - Parameter migrationFailure: the message start of a failed migration, e.g. "Cannot migrate the database".
    /// - Throws: ``StorageError`` `.cannotOpen` (or the kinds `StorageError.opening` finds) or `.migration`.
    static func open(path: String, migrator: DatabaseMigrator, migrationFailure: String) throws(StorageError) -> DatabasePool {
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StorageError.opening(error, path: path, fallback: (.cannotOpen, "Cannot open the database"))
        }
        try StorageError.requireTesseraDatabase(pool, path: path)
        do {
            try migrator.migrate(pool)
        } catch {
            throw StorageError.opening(error, path: path, fallback: (.migration, migrationFailure))
        }
        return pool
    }
}
