import Foundation

/// A value behind a lock: the one way the package keeps a small piece of state that several
/// threads read and write (a session's closed flag, an import's cancellation, a job's progress,
/// a cache of languages). Every access holds the lock for the length of one closure.
///
/// ```swift
/// let closed = Locked(false)
/// closed.set(true)            // from any thread
/// closed.value                // true
/// let count = Locked(0)
/// count.withLock { $0 += 1 }
/// ```
package final class Locked<Value: Sendable>: @unchecked Sendable {
    // @unchecked Sendable: `stored` is only touched while `lock` is held.
    private let lock = NSLock()
    private var stored: Value

    /// A lock around `value`.
    package init(_ value: Value) { stored = value }

    /// Runs `body` with the value, holding the lock (keep it short: no I/O but what the value
    /// guards).
    package func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&stored)
    }

    /// The value now.
    package var value: Value { withLock { $0 } }

    /// Replaces the value.
    package func set(_ value: Value) { withLock { $0 = value } }
}
