import Dispatch
import NIOCore
import Logging
import PostgresNIO
import TesseraCore
import TesseraStorage

/// Runs the jobs of the tasks that ``PostgresConnection/run(prepared:logger:)`` starts on the
/// connection's own event loop, never on Swift's cooperative pool: the synchronous caller blocks
/// its thread until the task is done, and that thread may itself be one of the pool's (an async
/// test calling a store), so the task must not need the pool to make progress. The loop's thread
/// is never blocked by these jobs (they only await postgres-nio's futures, which complete there).
final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    // @unchecked Sendable: an event loop is thread-safe and never replaced.
    /// The loop that runs the jobs.
    let loop: any EventLoop

    /// An executor of `loop`.
    init(_ loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

extension PostgresConnection {
    /// Runs `statement` as a prepared statement of this connection (postgres-nio prepares it on
    /// the connection's first use of its name, then only binds and executes it: PostgreSQL does
    /// not parse and plan it again), waiting for all its rows (for results of bounded size).
    ///
    /// postgres-nio offers prepared statements only as `async` functions; this runs one in a task
    /// on the connection's event loop (``EventLoopTaskExecutor``) and waits for it, for at most ``answerTimeout`` (then the
    /// connection is closed and the call fails `.unavailable`, as ``run(_:logger:)`` does).
    /// - Throws: postgres-nio's error turned into ``StorageError``.
    func run<Statement: PostgresPreparedStatement>(prepared statement: Statement, logger: Logger) throws -> [Statement.Row]
    where Statement.Row: Sendable {
        let outcome = Locked<Result<[Statement.Row], any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: EventLoopTaskExecutor(eventLoop)) {
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
            close().whenComplete { _ in withExtendedLifetime(self) {} }
            throw StorageError(.unavailable, "PostgreSQL did not answer within \(Self.answerTimeout.nanoseconds / 1_000_000_000) s.", sql: Statement.sql)
        }
        switch outcome.withLock({ $0 }) {
        case .success(let rows)?: return rows
        case .failure(let error)?: throw PostgresPool.storageError(error, sql: Statement.sql)
        case nil: throw StorageError(.unavailable, "PostgreSQL gave no answer.", sql: Statement.sql)
        }
    }
}
