import NIOPosix

/// Runs the blocking Kit and SQLite calls (synchronous, may wait on disk or a lock) on a NIO
/// thread pool of its own, so that they never hold a thread of Swift's cooperative pool.
///
/// ```swift
/// let work = BlockingWork(threads: 4)
/// let stats = try await work.run { try gateway.stats() }
/// ```
package final class BlockingWork: Sendable {
    let pool: NIOThreadPool

    /// Starts `threads` threads (at least 1).
    package init(threads: Int) {
        pool = NIOThreadPool(numberOfThreads: max(1, threads))
        pool.start()
    }

    /// Runs `body` on the pool and returns its result.
    /// - Throws: what `body` throws; `NIOThreadPoolError.ThreadPoolInactive` after ``shutdown()``.
    package func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(body)
    }

    /// Lets the running work finish, then stops the threads.
    package func shutdown() async throws {
        try await pool.shutdownGracefully()
    }
}
