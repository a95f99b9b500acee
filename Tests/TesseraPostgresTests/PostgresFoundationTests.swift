import Foundation
import PostgresNIO
import Testing
import TesseraCore
import TesseraPostgres
import TesseraStorage
import TesseraTestSupport

let probeMigrations = [
    PostgresMigration("probe v1: table", ["CREATE TABLE probe (id bigint PRIMARY KEY, body text)"]),
    PostgresMigration("probe v2: column", ["ALTER TABLE probe ADD COLUMN extra text"]),
]

/// The connection pool, the migrator and COPY, against the test server.
@Suite(.enabled(if: PostgresTestServer.isAvailable))
struct PostgresFoundationTests {
    func freshLocation(_ extra: String = "") throws -> PostgresLocation {
        try PostgresLocation(url: try #require(PostgresTestServer.freshURL("found")) + extra)
    }

    /// A pool on a new schema with the probe table.
    func probe(_ location: PostgresLocation) throws -> PostgresPool {
        let pool = PostgresPool(location: location)
        try PostgresMigrator(pool: pool).apply(probeMigrations)
        return pool
    }

    @Test func migrationsRunOnceWhenManyProcessesOpenTogether() throws {
        let location = try freshLocation()
        let errors = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            do { try PostgresMigrator(pool: PostgresPool(location: location)).apply(probeMigrations) } catch { errors.withLock { $0.append("\(error)") } }
        }
        #expect(errors.withLock { $0 } == [])
        #expect(try PostgresMigrator(pool: PostgresPool(location: location)).applied() == ["probe v1: table", "probe v2: column"])
    }

    @Test func failedMigrationChangesNothingAndNamesTheMigration() throws {
        let broken = [
            PostgresMigration("broken v1", ["CREATE TABLE broken (id bigint)"]),
            PostgresMigration("broken v2", ["ALTER TABLE broken ADD COLUMN id bigint"]),
        ]
        let location = try freshLocation()
        let pool = PostgresPool(location: location)
        #expect {
            try PostgresMigrator(pool: pool).apply(broken)
        } throws: { error in
            let error = try #require(error as? StorageError)
            return error.kind == .migration && error.message.contains("broken v2")
        }
        // v1 rolled back with v2: the table is not there.
        let tables = try pool.withConnection { connection in
            try connection.run("SELECT count(*) FROM pg_tables WHERE tablename = 'broken' AND schemaname = \(location.schema)", logger: pool.logger)
                .map { try $0.decode(Int.self) }
        }
        #expect(tables == [0])
    }

    @Test func copyRoundTripsAwkwardText() throws {
        let store = try probe(try freshLocation())
        let texts = ["plain", "tab\there", "line\nbreak", "back\\slash \\N", "cr\r", "", "Ünïcödé 漢字 🙂", String(repeating: "x", count: 300_000)]
        try store.withTransaction("BEGIN") { connection in
            let copy = PostgresCopy(connection: connection, table: "probe", columns: ["id", "body", "extra"], logger: store.logger)
            for (index, text) in texts.enumerated() { try copy.append([.bigint(Int64(index)), .text(text), .text(index == 0 ? nil : "e")]) }
            try copy.finish()
        }
        let rows = try store.withConnection { connection in
            try connection.run("SELECT body, extra FROM probe ORDER BY id", logger: store.logger).map { try $0.decode((String, String?).self) }
        }
        #expect(rows.map(\.0) == texts)
        #expect(rows.first?.1 == nil)
        #expect(rows.last?.1 == "e")
    }

    /// The COPY is binary: a 4-byte integer sent for the `bigint` id is refused by the server (in
    /// text format "1" would have been taken), and the refusal is one clear ``StorageError``.
    @Test func copyIsBinary_aValueOfAnotherTypeIsRefused() throws {
        let store = try probe(try freshLocation())
        #expect(PostgresCopy.statementHead(table: "probe", columns: ["id", "body"]).contains("FORMAT binary"))
        let error = #expect(throws: StorageError.self) {
            try store.withTransaction("BEGIN") { connection in
                let copy = PostgresCopy(connection: connection, table: "probe", columns: ["id", "body"], logger: store.logger)
                try copy.append([.integer(1), .text("four bytes for eight")])
                try copy.finish()
            }
        }
        // The server's own words, not "went away": it is up, and the data was wrong.
        #expect(error?.kind == .postgres && error?.message.contains("SQLSTATE 08P01") == true, "\(String(describing: error))")
        let count = try store.withConnection { connection in
            try connection.run("SELECT count(*) FROM probe", logger: store.logger).map { try $0.decode(Int.self) }
        }
        #expect(count == [0])
    }

    @Test func failedCopyRollsBackItsTransaction() throws {
        let store = try probe(try freshLocation())
        #expect(throws: StorageError.self) {
            try store.withTransaction("BEGIN") { connection in
                let copy = PostgresCopy(connection: connection, table: "probe", columns: ["id", "body"], logger: store.logger)
                for index in 0..<20_000 { try copy.append([.bigint(Int64(index % 10_000)), .text("duplicate ids")]) }
                try copy.finish()
            }
        }
        let count = try store.withConnection { connection in
            try connection.run("SELECT count(*) FROM probe", logger: store.logger).map { try $0.decode(Int.self) }
        }
        #expect(count == [0])
    }

    @Test func poolNeverOpensMoreThanItsSize() throws {
        let location = try freshLocation("&pool=2")
        let store = try probe(location)
        let seen = Locked<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            _ = try? store.withConnection { connection in
                let count = try connection.run(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = '' AND datname = current_database() AND state = 'active' AND query = 'SELECT pg_sleep(0.21)'",
                    logger: store.logger
                ).map { try $0.decode(Int.self) }
                try connection.run("SELECT pg_sleep(0.21)", logger: store.logger)
                seen.withLock { $0 = max($0, count.first ?? 0) }
            }
        }
        // Another connection was sleeping while this one counted (the two ran together), and
        // never more than one other: a pool of 2.
        #expect(seen.withLock { $0 } == 1)
    }

    @Test func unreachableServerIsUnavailable() throws {
        let location = try PostgresLocation(url: "postgres://nobody@127.0.0.1:1/none?connect_timeout=2")
        #expect {
            try PostgresMigrator(pool: PostgresPool(location: location)).apply(probeMigrations)
        } throws: { error in
            (error as? StorageError)?.kind == .unavailable
        }
    }

    @Test(.enabled(if: PostgresTestCluster.isAvailable)) func poolRecoversAfterTheServerRestarts() throws {
        let cluster = try PostgresTestCluster.start()
        defer { cluster.stop() }
        let pool = PostgresPool(location: try PostgresLocation(url: cluster.url + "?pool=2&connect_timeout=2"))
        try PostgresMigrator(pool: pool).apply(probeMigrations)
        func count() throws -> Int {
            try pool.withConnection { connection in
                try connection.run("SELECT count(*) FROM probe", logger: pool.logger).map { try $0.decode(Int.self) }.first ?? -1
            }
        }
        #expect(try count() == 0)
        try cluster.stopServer()
        #expect { try count() } throws: { ($0 as? StorageError)?.kind == .unavailable }
        try cluster.startServer()
        // The idle connection died with the server: the pool drops it and connects anew.
        var recovered: Int?
        for _ in 0..<3 where recovered == nil { recovered = try? count() }
        #expect(recovered == 0)
    }
}
