import Foundation
import Logging
import NIOCore
import TesseraCore
package import PostgresNIO
package import TesseraStorage

/// What every PostgreSQL store is: a pool of connections to one database, a schema that holds
/// the store's tables, its named migrations (applied once, under an advisory lock, when several
/// processes open the store together), and reads and writes with postgres-nio errors turned into
/// ``StorageError`` in one place.
///
/// The three stores (``PostgresTranslationStore``, ``PostgresGlossaryStore``,
/// ``PostgresAPIKeyStore``) may share one schema; each names its migrations with its own prefix
/// in the one `tessera_migration` table.
///
/// ```swift
/// let keys = try PostgresAPIKeyStore.open(location: try PostgresLocation(url: url))
/// ```
package class PostgresStore: @unchecked Sendable {
    // @unchecked Sendable: immutable (a Sendable pool and strings); a class so that the stores
    // inherit one shell instead of repeating it.
    /// The connections.
    package let pool: PostgresPool
    /// The schema of the store, checked to be a plain identifier (used unquoted in SQL).
    package let schema: String

    /// Wraps a pool.
    package required init(pool: PostgresPool) {
        self.pool = pool
        schema = pool.location.schema
    }

    /// Where the store is, for messages.
    package var location: PostgresLocation { pool.location }

    /// Runs `body` on a connection of its own, outside any transaction (each statement commits by
    /// itself): for reads of one statement and for work that manages its own transaction.
    package func read<T>(_ body: (PostgresConnection) throws -> T) throws(StorageError) -> T {
        try pool.withConnection(body)
    }

    /// Runs `body` in one transaction (`BEGIN` … `COMMIT`; `ROLLBACK` when it throws), turning
    /// postgres-nio errors into ``StorageError``.
    package func write<T>(_ body: (PostgresConnection) throws -> T) throws(StorageError) -> T {
        try pool.withTransaction("BEGIN", body)
    }

    /// Runs `body` in one transaction with a consistent snapshot of the whole database
    /// (`REPEATABLE READ, READ ONLY`), for reads of several statements that must agree.
    package func snapshot<T>(_ body: (PostgresConnection) throws -> T) throws(StorageError) -> T {
        try pool.withTransaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    /// The key of the advisory lock that serialises writers of this schema across processes.
    package var writeLockKey: Int64 { PostgresMigrator.lockKey("tessera write \(schema)") }
}

/// A store kept in a PostgreSQL schema: what it adds to ``PostgresStore`` is its migrations.
package protocol PostgresStoreSchema: PostgresStore {
    /// The store's migrations, in order, append-only.
    static var migrations: [PostgresMigration] { get }
}

extension PostgresStoreSchema {
    /// Opens the store at `location` (creating the schema and applying ``migrations`` as needed).
    /// - Throws: ``StorageError`` `.unavailable`, `.cannotOpen` or `.migration`.
    package static func open(location: PostgresLocation) throws(StorageError) -> Self {
        try open(pool: PostgresPool(location: location))
    }

    /// Opens the store on an existing pool (stores of one database share one).
    package static func open(pool: PostgresPool) throws(StorageError) -> Self {
        try PostgresMigrator(pool: pool).apply(migrations)
        return Self(pool: pool)
    }

    /// The names of this store's migrations applied to the schema, in order.
    package func appliedMigrations() throws(StorageError) -> [String] {
        try PostgresMigrator(pool: pool).applied().filter { name in Self.migrations.contains { $0.name == name } }
    }
}

extension PostgresConnection {
    /// How long ``run(_:logger:)`` waits for an answer before it gives the connection up (closes
    /// it: the caller gets `.unavailable`, and a transaction on it is rolled back by the server):
    /// `TESSERA_PG_QUERY_TIMEOUT` seconds, else 120. A guard against a connection that went quiet
    /// (the server killed or unreachable without a reset), never a limit a healthy query meets.
    static let answerTimeout: TimeAmount = {
        let seconds = ProcessInfo.processInfo.environment["TESSERA_PG_QUERY_TIMEOUT"].flatMap { Int64($0) } ?? 120
        return .seconds(max(1, seconds))
    }()

    /// The error of a statement that got no answer within ``answerTimeout`` (its connection is
    /// given up).
    static func noAnswer(sql: String) -> StorageError {
        StorageError(.unavailable, "PostgreSQL did not answer within \(answerTimeout.nanoseconds / 1_000_000_000) s.", sql: sql)
    }

    /// Runs `query`, waiting for its rows (all of them, in memory: for results of bounded size).
    /// - Throws: postgres-nio's error, turned into ``StorageError`` by the pool; `.unavailable`
    ///   when no answer comes within ``answerTimeout``.
    @discardableResult
    package func run(_ query: PostgresQuery, logger: Logger) throws -> PostgresQueryResult {
        let promise = eventLoop.makePromise(of: PostgresQueryResult.self)
        let settled = Locked(false)
        let settle: @Sendable () -> Bool = { settled.withLock { done in defer { done = true }; return !done } }
        self.query(query, logger: logger).whenComplete { result in
            if settle() { promise.completeWith(result) }
        }
        let timer = eventLoop.scheduleTask(in: Self.answerTimeout) {
            guard settle() else { return }
            promise.fail(Self.noAnswer(sql: query.sql))
            PostgresPool.discard(self)
        }
        defer { timer.cancel() }
        do {
            return try promise.futureResult.wait()
        } catch {
            throw PostgresPool.storageError(error, sql: query.sql)
        }
    }
}
