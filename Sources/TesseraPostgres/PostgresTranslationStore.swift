import Foundation
import PostgresNIO
import TesseraCore
package import TesseraStorage

/// The PostgreSQL backend of ``TranslationStore``: a translation memory in the tables of one
/// PostgreSQL schema (``PostgresMemorySchema``), shared by every process that opens it.
///
/// Every write is one transaction that first takes the schema's write lock
/// (`pg_advisory_xact_lock(writeLockKey)`), so writers of several processes run one at a time and
/// ids follow commit order, and ends with `pg_notify('tessera_change', schema)`. Reads never wait
/// for a writer (MVCC). Imports stream their rows with `COPY` (``PostgresUnitSink``).
///
/// ```swift
/// let tm = try PostgresTranslationStore.open(location: try PostgresLocation(url: "postgres://tm@db/tessera"))
/// try tm.write(units: units, batch: ImportBatch(kind: .tmx, filePath: "a.tmx"))
/// ```
package final class PostgresTranslationStore: PostgresStore, PostgresStoreSchema, TranslationStore, @unchecked Sendable {
    // @unchecked Sendable: the base class is immutable; the store id is behind a lock.

    /// The memory's migrations, then the concordance search's.
    package static var migrations: [PostgresMigration] {
        PostgresMemorySchema.migrations + PostgresConcordanceSearch.migrations
    }

    private let storeID = Locked<String?>(nil)

    /// The units an import decides and writes at a time (``PostgresUnitSink``): memory holds one
    /// chunk, and each costs one duplicate look-up query and one COPY per table.
    package static let importChunkSize = 5000

    /// The random id of the store (`store_meta.store_id`), read once.
    /// - Throws: ``StorageError`` when it cannot be read.
    package func storeIdentifier() throws(StorageError) -> String {
        if let known = storeID.withLock({ $0 }) { return known }
        let read = try self.read { connection in
            try connection.run("SELECT value FROM store_meta WHERE key = 'store_id'", logger: pool.logger)
                .map { try $0.decode(String.self) }.first
        }
        guard let read else { throw StorageError(.corruptData, "The schema \(schema) of \(location) has no store id.") }
        storeID.withLock { $0 = read }
        return read
    }

    /// The local folder of this store's match index: `$TESSERA_CACHE`, else
    /// `$XDG_CACHE_HOME/tessera`, else `~/.cache/tessera`, then `match/<store id>` (created when
    /// missing). The store id is a uuid kept in the database, so every process serving the same
    /// schema keeps its own side file for it, and a new database never meets an old side file.
    ///
    /// The match index's side file is this path plus `-match`, inside the folder's parent:
    /// `<cache>/match/<store id>/memory-match`.
    package var matchIndexLocation: String {
        let folder = Self.cacheFolder().appendingPathComponent("match")
            .appendingPathComponent((try? storeIdentifier()) ?? "unknown-\(location.host)-\(location.port)-\(location.database)-\(schema)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("memory").path
    }

    /// Tessera's cache folder (see ``matchIndexLocation``).
    static func cacheFolder() -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let cache = environment["TESSERA_CACHE"], !cache.isEmpty { return URL(fileURLWithPath: cache) }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("tessera")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache").appendingPathComponent("tessera")
    }

    /// Runs `body` in one write transaction holding the schema's write lock, and announces the
    /// change on commit (`pg_notify('tessera_change', schema)`).
    func lockedWrite<T>(_ body: (PostgresConnection) throws -> T) throws(StorageError) -> T {
        try write { connection in
            try connection.run("SELECT pg_advisory_xact_lock(\(writeLockKey))", logger: pool.logger)
            let result = try body(connection)
            try connection.run("SELECT pg_notify('tessera_change', \(schema))", logger: pool.logger)
            return result
        }
    }
}
