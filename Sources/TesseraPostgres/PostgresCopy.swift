import Dispatch
import Logging
import NIOCore
package import PostgresNIO
import TesseraCore
package import TesseraStorage

/// Streams rows from synchronous code into one `COPY table (columns) FROM STDIN WITH (FORMAT
/// binary)` on a connection (inside the caller's transaction): rows are encoded in PostgreSQL's
/// binary COPY format into chunks of about 256 KiB, and a task on the connection's event loop
/// sends them while the caller goes on encoding; the caller waits only when 8 chunks are in flight
/// (memory stays bounded).
///
/// Binary, because the server then reads each field as it is (a length and the bytes; integers as
/// 8 or 4 big-endian bytes) instead of parsing escaped text and decimal numbers. Each ``Value``
/// must have its column's type (`bigint`, `integer` or `text`); a wrong one fails the COPY with
/// the server's message.
///
/// postgres-nio 1.33's `copyFrom` writes `COPY "<table>" … WITH (FORMAT text)` and has no binary
/// case, but it documents that the table name is inserted as passed: ``statementHead(table:columns:)``
/// passes the whole head of our statement there and comments out the library's tail. Table and
/// column names are our own constants, never user input.
///
/// ```swift
/// let copy = PostgresCopy(connection: connection, table: "note", columns: ["id", "value"], logger: logger)
/// try copy.append([.bigint(1), .text("a\tb")])
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

    /// One field of a row, in its column's type.
    package enum Value: Sendable, Hashable {
        /// A `text` column (`nil`: NULL).
        case text(String?)
        /// A `bigint` column (`nil`: NULL).
        case bigint(Int64?)
        /// An `integer` column (`nil`: NULL).
        case integer(Int32?)
    }

    /// The signature, flags and header-extension length that open binary COPY data.
    static let header: [UInt8] = Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00] + [0, 0, 0, 0] + [0, 0, 0, 0]

    /// What is passed to postgres-nio's `copyFrom` as the table name: the statement up to its
    /// options, which asks for the binary format, and the start of a comment that swallows the
    /// text options the library appends (`COPY "<this>" FROM STDIN WITH (FORMAT text)`).
    package static func statementHead(table: String, columns: [String]) -> String {
        "\(table)\" (\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) FROM STDIN WITH (FORMAT binary) --"
    }

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
        chunk.writeBytes(Self.header)
        let head = Self.statementHead(table: table, columns: columns)
        let (stream, continuation) = AsyncStream<ByteBuffer>.makeStream()
        self.continuation = continuation
        let capacity = capacity
        let done = done
        let outcome = outcome
        let executor = EventLoopExecutor(connection.eventLoop)
        Task(executorPreference: executor) {
            do {
                try await connection.copyFrom(table: head, columns: [], logger: logger) { writer in
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

    /// Appends one row: a field count, then each field as its length and bytes (`-1`: NULL).
    /// - Throws: ``StorageError`` when the COPY already failed (the server refused a row).
    package func append(_ values: [Value]) throws(StorageError) {
        chunk.writeInteger(Int16(truncatingIfNeeded: values.count))
        for value in values {
            switch value {
            case .text(let text?):
                let length = chunk.writerIndex
                chunk.writeInteger(Int32(0))
                let written = chunk.writeString(text)
                chunk.setInteger(Int32(truncatingIfNeeded: written), at: length)
            case .bigint(let number?):
                chunk.writeInteger(Int32(8))
                chunk.writeInteger(number)
            case .integer(let number?):
                chunk.writeInteger(Int32(4))
                chunk.writeInteger(number)
            case .text(nil), .bigint(nil), .integer(nil):
                chunk.writeInteger(Int32(-1))
            }
        }
        if chunk.readableBytes >= Self.chunkSize { try send() }
    }

    /// Sends the last rows, ends the COPY and waits for the server's answer.
    /// - Throws: ``StorageError`` from the server (a constraint, a bad value) or `.unavailable`.
    package func finish() throws(StorageError) {
        guard !finished else { return }
        chunk.writeInteger(Int16(-1))  // the trailer
        try send()
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
        throw PostgresConnection.noAnswer(sql: "COPY \(table) FROM STDIN")
    }
}
