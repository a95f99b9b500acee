import Foundation
import Logging
import NIOCore
import TesseraCore
import NIOPosix
package import PostgresNIO
package import TesseraStorage

/// A bounded pool of PostgreSQL connections used from synchronous code: the storage protocols are
/// synchronous (a server runs them on its blocking thread pool), so each call borrows a
/// connection, waits for its queries' futures, and gives it back.
///
/// - At most ``PostgresLocation/poolSize`` connections are open; a caller beyond that waits for
///   one to be given back.
/// - A connection that was closed (the server restarted, the network dropped) is thrown away, and
///   the next caller opens a new one, so the pool recovers by itself when the server is back.
/// - When the server cannot be reached, calls fail at once (within the connect timeout) with
///   ``StorageError`` `.unavailable`.
///
/// Connections run on one NIO event loop group shared by the process.
///
/// ```swift
/// let pool = PostgresPool(location: try PostgresLocation(url: url))
/// let count = try pool.withConnection { connection in
///     try connection.query("SELECT 1", logger: pool.logger).wait().count
/// }
/// ```
package final class PostgresPool: Sendable {
    /// Where the connections go.
    package let location: PostgresLocation
    /// The logger handed to postgres-nio (silent unless `TESSERA_PG_LOG` is set).
    package let logger: Logger

    private struct State {
        var idle: [PostgresConnection] = []
        var open = 0
        var nextID = 0
        var closed = false
    }

    private let state: Locked<State>
    private let slots: DispatchSemaphore

    /// The event loops of every pool in the process.
    static let eventLoops: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton

    /// Creates a pool; nothing is connected until the first call.
    package init(location: PostgresLocation) {
        self.location = location
        state = Locked(State())
        slots = DispatchSemaphore(value: location.poolSize)
        var logger = Logger(label: "tessera.postgres")
        logger.logLevel = ProcessInfo.processInfo.environment["TESSERA_PG_LOG"] == nil ? .critical : .debug
        self.logger = logger
    }

    deinit {
        let idle = state.withLock { state in
            defer { state.idle = [] }
            return state.idle
        }
        for connection in idle { try? connection.close().wait() }
    }

    /// Runs `body` with a connection of its own (no other caller uses it meanwhile) and gives the
    /// connection back; a connection that broke is closed and not given back.
    ///
    /// - Throws: ``StorageError`` `.unavailable` when no connection can be made; what `body` throws,
    ///   with postgres-nio errors turned into ``StorageError`` by ``storageError(_:sql:)``.
    package func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws(StorageError) -> T {
        slots.wait()
        defer { slots.signal() }
        let connection = try checkOut()
        do {
            let result = try body(connection)
            checkIn(connection, broken: false)
            return result
        } catch let error as StorageError {
            checkIn(connection, broken: error.kind == .unavailable || connection.isClosed)
            throw error
        } catch {
            let storageError = Self.storageError(error)
            checkIn(connection, broken: storageError.kind == .unavailable || connection.isClosed)
            throw storageError
        }
    }

    /// Runs `body` in one transaction on a connection of its own: `begin` (plain `BEGIN` by
    /// default), then `COMMIT`, or `ROLLBACK` when `body` throws.
    /// - Throws: what ``withConnection(_:)`` throws.
    package func withTransaction<T>(_ begin: String = "BEGIN", _ body: (PostgresConnection) throws -> T) throws(StorageError) -> T {
        try withConnection { connection in
            try connection.run(PostgresQuery(unsafeSQL: begin), logger: logger)
            do {
                let result = try body(connection)
                try connection.run("COMMIT", logger: logger)
                return result
            } catch {
                if !connection.isClosed { _ = try? connection.run("ROLLBACK", logger: logger) }
                throw error
            }
        }
    }

    /// Closes the idle connections; borrowed ones close when given back.
    package func close() {
        let idle = state.withLock { state in
            state.closed = true
            defer { state.idle = [] }
            return state.idle
        }
        for connection in idle { try? connection.close().wait() }
    }

    private func checkOut() throws(StorageError) -> PostgresConnection {
        let (reused, id) = state.withLock { state -> (PostgresConnection?, Int) in
            while let connection = state.idle.popLast() {
                if !connection.isClosed { return (connection, 0) }
                state.open -= 1
            }
            state.open += 1
            state.nextID += 1
            return (nil, state.nextID)
        }
        if let reused { return reused }
        let connection: PostgresConnection
        do {
            connection = try PostgresConnection.connect(
                on: Self.eventLoops.any(), configuration: location.configuration, id: id, logger: logger
            ).wait()
        } catch {
            state.withLock { $0.open -= 1 }
            throw Self.connectError(error, location: location)
        }
        do {
            // Every statement of a store names its tables unqualified; extensions live in public.
            try connection.run(PostgresQuery(unsafeSQL: "SET search_path TO \(location.schema), public"), logger: logger)
        } catch {
            state.withLock { $0.open -= 1 }
            Self.discard(connection)
            throw Self.storageError(error)
        }
        return connection
    }

    private func checkIn(_ connection: PostgresConnection, broken: Bool) {
        let keep = state.withLock { state -> Bool in
            if broken || state.closed || connection.isClosed {
                state.open -= 1
                return false
            }
            state.idle.append(connection)
            return true
        }
        if !keep { Self.discard(connection) }
    }

    /// Closes a connection in the background, keeping it alive until it is closed (postgres-nio
    /// requires a connection to be closed before it is released).
    static func discard(_ connection: PostgresConnection) {
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// The error of a failed connection attempt: `.unavailable` when the server cannot be reached
    /// (refused, timed out, shutting down), `.cannotOpen` when it answered with a refusal
    /// (authentication, unknown database).
    static func connectError(_ error: any Error, location: PostgresLocation) -> StorageError {
        if let psql = error as? PSQLError, psql.code == .server {
            let message = psql.serverInfo?[.message] ?? "refused"
            let state = psql.serverInfo?[.sqlState] ?? ""
            // 57P03: cannot_connect_now (the server is starting or shutting down).
            if state == "57P03" || state.hasPrefix("08") {
                return StorageError(.unavailable, "PostgreSQL at \(location) is not accepting connections: \(message)")
            }
            return StorageError(.cannotOpen, "Cannot connect to PostgreSQL at \(location): \(message) (SQLSTATE \(state))")
        }
        return StorageError(.unavailable, "Cannot reach PostgreSQL at \(location): \(describe(error))")
    }

    /// A postgres-nio error as a ``StorageError``: connection failures are `.unavailable`, server
    /// errors `.postgres` with the server's message and SQLSTATE.
    package static func storageError(_ error: any Error, sql: String? = nil) -> StorageError {
        if let storageError = error as? StorageError { return storageError }
        guard let psql = error as? PSQLError else {
            return StorageError(.postgres, describe(error), sql: sql)
        }
        switch psql.code {
        case .server:
            let message = psql.serverInfo?[.message] ?? "server error"
            let state = psql.serverInfo?[.sqlState] ?? ""
            // Class 08: connection exception (but 08P01, a protocol violation, is a message the
            // server refused, such as a binary COPY field of the wrong size, while it stays up);
            // 57P01-57P03: admin shutdown, crash shutdown, cannot connect now.
            if (state.hasPrefix("08") && state != "08P01") || state.hasPrefix("57P") {
                return StorageError(.unavailable, "PostgreSQL went away: \(message) (SQLSTATE \(state))", sql: sql ?? psql.query?.sql)
            }
            var text = message
            if let detail = psql.serverInfo?[.detail] { text += " (\(detail))" }
            return StorageError(.postgres, "\(text) (SQLSTATE \(state))", sql: sql ?? psql.query?.sql)
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown, .poolClosed:
            return StorageError(.unavailable, "The connection to PostgreSQL was lost: \(describe(error))", sql: sql ?? psql.query?.sql)
        default:
            return StorageError(.postgres, describe(error), sql: sql ?? psql.query?.sql)
        }
    }

    /// A short description of an error (postgres-nio's own text, without the query it repeats).
    static func describe(_ error: any Error) -> String {
        if let psql = error as? PSQLError {
            if let underlying = psql.underlying { return "\(psql.code): \(underlying)" }
            return "\(psql.code)"
        }
        return String(describing: error)
    }
}
