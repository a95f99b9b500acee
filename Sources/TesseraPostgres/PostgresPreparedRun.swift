import Dispatch
import Logging
import PostgresNIO
import TesseraCore
import TesseraStorage

extension PostgresConnection {
    /// Runs `statement` as a prepared statement of this connection (postgres-nio prepares it on
    /// the connection's first use of its name, then only binds and executes it: PostgreSQL does
    /// not parse and plan it again), waiting for all its rows (for results of bounded size).
    ///
    /// postgres-nio offers prepared statements only as `async` functions; this runs one in a task
    /// on the connection's event loop (``EventLoopExecutor``) and waits for it, for at most
    /// ``answerTimeout`` (then the connection is closed and the call fails `.unavailable`, as
    /// ``run(_:logger:)`` does).
    /// - Throws: postgres-nio's error turned into ``StorageError``.
    func run<Statement: PostgresPreparedStatement>(prepared statement: Statement, logger: Logger) throws -> [Statement.Row]
    where Statement.Row: Sendable {
        let outcome = Locked<Result<[Statement.Row], any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: EventLoopExecutor(eventLoop)) {
            do {
                var rows: [Statement.Row] = []
                for try await row in try await self.execute(statement, logger: logger) { rows.append(row) }
                outcome.withLock { $0 = .success(rows) }
            } catch {
                outcome.withLock { $0 = .failure(error) }
            }
            done.signal()
        }
        if done.wait(timeout: .now() + .nanoseconds(Int(Self.answerTimeout.nanoseconds))) == .timedOut {
            PostgresPool.discard(self)
            throw Self.noAnswer(sql: Statement.sql)
        }
        switch outcome.withLock({ $0 }) {
        case .success(let rows)?: return rows
        case .failure(let error)?: throw PostgresPool.storageError(error, sql: Statement.sql)
        case nil: throw StorageError(.unavailable, "PostgreSQL gave no answer.", sql: Statement.sql)
        }
    }
}
