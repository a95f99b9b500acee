import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import TesseraServer

/// An unexpected failure (here: a table of the memory renamed under the running service, a real
/// SQLite error) is answered 500 `{"error": "Internal error (request ID)"}` without internals;
/// the details are in the log line with the same request id, and the service keeps serving.
struct InternalErrorTests {
    /// Log lines kept in memory (the test reads what the service logged).
    final class LogLines: @unchecked Sendable {
        // @unchecked Sendable: `lines` is only touched under `lock`.
        private let lock = NSLock()
        private var lines: [(message: String, metadata: Logger.Metadata)] = []
        func append(_ message: String, _ metadata: Logger.Metadata) {
            lock.lock()
            lines.append((message, metadata))
            lock.unlock()
        }
        var all: [(message: String, metadata: Logger.Metadata)] {
            lock.lock()
            defer { lock.unlock() }
            return lines
        }
    }

    /// A log handler appending to ``LogLines``.
    struct KeepingHandler: LogHandler {
        let lines: LogLines
        var logLevel: Logger.Level = .error
        var metadata: Logger.Metadata = [:]
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            lines.append("\(event.message)", metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }))
        }
    }

    /// Runs SQL on the database with the sqlite3 shell (another process, as an operator would).
    static func sqlite(_ path: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, sql]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func unexpectedErrorShowsOnlyTheRequestID() async throws {
        let fixture = try ServiceFixture()
        let lines = LogLines()
        let logger = Logger(label: "tessera-test") { _ in KeepingHandler(lines: lines) }
        let app = Application(router: fixture.service.router(), logger: logger)
        try await app.test(.router) { client in
            #expect(try await client.execute(uri: "/api/v1/stats", method: .get).status == .ok)
            try Self.sqlite(fixture.path, "ALTER TABLE languageCount RENAME TO languageCountGone")
            let response = try await client.execute(uri: "/api/v1/stats", method: .get, headers: [RequestLogMiddleware.header: "test-500"])
            #expect(response.status == .internalServerError)
            #expect(errorMessage(response) == "Internal error (request test-500)")
            #expect(!String(buffer: response.body).contains("languageCount"))
            #expect(response.headers[RequestLogMiddleware.header] == "test-500")
            let logged = lines.all.filter { $0.message == "request failed" }
            #expect(logged.count == 1)
            #expect(logged.first?.metadata["request_id"] == "test-500")
            #expect(logged.first?.metadata["error"]?.description.contains("languageCount") == true)
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
        }
        try await fixture.service.shutdown()
    }
}
