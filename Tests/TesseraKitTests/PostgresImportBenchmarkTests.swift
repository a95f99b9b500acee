import Foundation
import Testing
@testable import TesseraKit
import TesseraPostgres
import TesseraStorage
import TesseraTestSupport

/// The import of a TMX file into a PostgreSQL memory through the real import path (the
/// prefetching reader, prepared units, ``PostgresTranslationStore``), timed. Runs only when
/// `TESSERA_PG_BENCH_TMX` names a file and a test server is set; prints one line
/// (Docs/POSTGRES.md has the figures).
///
/// ```
/// TESSERA_TEST_POSTGRES=postgres://postgres@127.0.0.1:55441/postgres \
/// TESSERA_PG_BENCH_TMX=/work/bench-data/tmx/tm-100k.tmx swift test --skip-build --filter PostgresImportBenchmarkTests
/// ```
@Suite(.enabled(if: PostgresTestServer.isAvailable && ProcessInfo.processInfo.environment["TESSERA_PG_BENCH_TMX"] != nil))
struct PostgresImportBenchmarkTests {
    @Test func importIntoPostgres() throws {
        let file = try #require(ProcessInfo.processInfo.environment["TESSERA_PG_BENCH_TMX"])
        let schema = ProcessInfo.processInfo.environment["TESSERA_PG_BENCH_SCHEMA"]
        let url = try #require(schema.map { PostgresTestServer.url(adding: "schema=\($0)") } ?? PostgresTestServer.freshURL("bench"))
        let store = try PostgresTranslationStore.open(location: try PostgresLocation(url: url))
        let policy = DuplicatePolicy(rawValue: ProcessInfo.processInfo.environment["TESSERA_PG_BENCH_POLICY"] ?? "") ?? .default
        let start = Date()
        let result = ImportTMX(database: StoreLocation("/dev/null"), policy: policy).importFile(file, into: store) { _ in }
        let seconds = Date().timeIntervalSince(start)
        #expect(result.imported, "\(result.error ?? "")")
        let stats = try store.stats()
        print("postgres import \(file) policy \(policy.rawValue): \(result.added) added, \(stats.units) units, \(stats.variants) variants in \(String(format: "%.1f", seconds)) s (\(url))")
    }
}
