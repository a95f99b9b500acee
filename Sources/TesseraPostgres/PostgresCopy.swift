import Dispatch
import Logging
import NIOCore
package import PostgresNIO
import TesseraCore
package import TesseraStorage

/// Streams rows from synchronous code into one `COPY table (columns) FROM STDIN` on a connection
/// (inside the caller's transaction): rows are encoded in PostgreSQL's text format into chunks of
/// about 256 KiB, and a task on the connection's event loop sends them while the caller goes on
/// encoding; the caller waits only when 8 chunks are in flight (memory stays bounded).
///
/// postgres-nio 1.33 offers COPY in text format only (its `PostgresCopyFromFormat` has no
/// binary case), so text it is: the encoding is a few byte copies per field (``append(_:)``).
///
/// ```swift
/// let copy = try PostgresCopy(connection: connection, table: "note", columns: ["id", "value"], logger: logger)
/// try copy.append(["1", "a\tb"])
/// try copy.finish()
/// ```
package final class PostgresCopy {
    private let continuation: AsyncStream<ByteBuffer>.Continuation
    private let capacity = DispatchSemaphore(value: 8)
    private let done = DispatchSemaphore(value: 0)
    private let outcome = Locked<(any Error)??>(nil)
    private var chunk: ByteBuffer
    private var finished = false
    private let table: String
    private let connection: PostgresConnection

    /// The size at which a chunk is sent.
    static let chunkSize = 256 * 1024

    /// Starts the COPY.
    /// - Parameters:
    ///   - connection: a connection in the caller's transaction, used by nothing else until
    ///     ``finish()`` returns.
    ///   - table: the table (a plain identifier of ours, never user input).
    ///   - columns: the columns each row gives, in order.
    package init(connection: PostgresConnection, table: String, columns: [String], logger: Logger) {
        self.table = table
        self.connection = connection
        chunk = ByteBufferAllocator().buffer(capacity: Self.chunkSize + 4096)
        let (stream, continuation) = AsyncStream<ByteBuffer>.makeStream()
        self.continuation = continuation
        let capacity = capacity
        let done = done
        let outcome = outcome
        let executor = EventLoopExecutor(connection.eventLoop)
        Task(executorPreference: executor) {
            do {
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    for await buffer in stream {
                        try await writer.write(buffer)
                        capacity.signal()
                    }
                }
                outcome.set(.some(nil))
            } catch {
                outcome.set(.some(error))
            }
            // Wake a producer waiting for room: it finds the outcome and stops.
            for _ in 0..<8 { capacity.signal() }
            done.signal()
        }
    }

    /// Appends one row: `nil` is SQL NULL; text is escaped (backslash, tab, newline, return).
    /// - Throws: ``StorageError`` when the COPY already failed (the server refused a row).
    package func append(_ fields: [String?]) throws(StorageError) {
        for (index, field) in fields.enumerated() {
            if index > 0 { chunk.writeInteger(UInt8(ascii: "\t")) }
            guard let field else {
                chunk.writeStaticString("\\N")
                continue
            }
            Self.writeEscaped(field, into: &chunk)
        }
        chunk.writeInteger(UInt8(ascii: "\n"))
        if chunk.readableBytes >= Self.chunkSize { try send() }
    }

    /// Sends the last rows, ends the COPY and waits for the server's answer.
    /// - Throws: ``StorageError`` from the server (a constraint, a bad value) or `.unavailable`.
    package func finish() throws(StorageError) {
        guard !finished else { return }
        if chunk.readableBytes > 0 { try send() }
        finished = true
        continuation.finish()
        try waitForServer(done)
        if case .some(.some(let error)) = outcome.withLock({ $0 }) {
            throw PostgresPool.storageError(error, sql: "COPY \(table) FROM STDIN")
        }
    }

    /// Abandons the COPY (the caller's transaction is being rolled back).
    package func cancel() {
        guard !finished else { return }
        finished = true
        continuation.finish()
        done.wait()
    }

    private func send() throws(StorageError) {
        try waitForServer(capacity)
        if case .some(.some(let error)) = outcome.withLock({ $0 }) {
            throw PostgresPool.storageError(error, sql: "COPY \(table) FROM STDIN")
        }
        continuation.yield(chunk)
        chunk = ByteBufferAllocator().buffer(capacity: Self.chunkSize + 4096)
    }

    /// Waits for `semaphore` (the server taking a chunk, or ending the COPY) at most
    /// ``PostgresConnection/answerTimeout``; a connection that went quiet is closed (which ends
    /// the COPY task) and the COPY fails `.unavailable`.
    private func waitForServer(_ semaphore: DispatchSemaphore) throws(StorageError) {
        let seconds = Double(PostgresConnection.answerTimeout.nanoseconds) / 1e9
        guard semaphore.wait(timeout: .now() + seconds) == .timedOut else { return }
        PostgresPool.discard(connection)
        _ = done.wait(timeout: .now() + 5)
        throw StorageError(.unavailable, "PostgreSQL did not answer within \(Int(seconds)) s.", sql: "COPY \(table) FROM STDIN")
    }

    /// Writes `text` in COPY text format: `\\`, `\t`, `\n`, `\r` escaped, the rest as UTF-8.
    static func writeEscaped(_ text: String, into buffer: inout ByteBuffer) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let escape: UInt8
                switch bytes[index] {
                case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
                case UInt8(ascii: "\t"): escape = UInt8(ascii: "t")
                case UInt8(ascii: "\n"): escape = UInt8(ascii: "n")
                case UInt8(ascii: "\r"): escape = UInt8(ascii: "r")
                default: continue
                }
                buffer.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<index])))
                buffer.writeInteger(UInt8(ascii: "\\"))
                buffer.writeInteger(escape)
                start = index + 1
            }
            buffer.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start...])))
        }
    }
}

/// Runs a task's jobs on one NIO event loop, so that async postgres-nio calls made on behalf of
/// a blocked synchronous caller never need a thread of Swift's cooperative pool (which a test or
/// an async front end may be holding while it waits).
final class EventLoopExecutor: TaskExecutor {
    let loop: any EventLoop

    init(_ loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
