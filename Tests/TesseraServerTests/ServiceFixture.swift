import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import TesseraCore
import TesseraKit
import TesseraServer
import TesseraSQLite
import TesseraStorage
import TesseraTestSupport

/// A service over a fresh database holding the bundled seed article, the URL-character sample
/// (`Fixtures/service-sample.tmx`) and the defence glossary, for the route tests.
struct ServiceFixture {
    /// The database file.
    let path: String
    /// The service.
    let service: TesseraService

    /// Builds the database in a new temporary folder and opens the service on it.
    init(anonymousRead: Bool = true, limits: ServiceLimits = ServiceLimits()) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("tm.db").path
        let root = SharedData.packageRoot
        let database = StoreLocation(option: path, environment: [:])
        _ = try ImportTMX(database: database).run(files: [
            root.appendingPathComponent("TMX/seed-article.en-de-fr-tr.tmx").path,
            root.appendingPathComponent("Tests/TesseraServerTests/Fixtures/service-sample.tmx").path,
        ])
        _ = try GlossaryImport(files: [root.appendingPathComponent("Glossaries/defence.csv").path], name: "defence", database: database).run()
        var configuration = ServerConfiguration(databasePath: path)
        configuration.anonymousRead = anonymousRead
        configuration.limits = limits
        configuration.port = 0
        service = try TesseraService(configuration)
    }

    /// Runs `body` against the router in process (`.router`) or on a real socket (`.live`).
    func test<T: Sendable>(_ mode: TestingSetup = .router, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        var logger = Logger(label: "tessera-test")
        logger.logLevel = .error  // one line per request would flood the test output
        let app = Application(router: service.router(), logger: logger)
        let result = try await app.test(mode, body)
        try await service.shutdown()
        return result
    }

    /// Makes a key of `scope` in the fixture's database.
    func key(_ scope: APIKeyRecord.Scope, memory: String? = nil) throws -> String {
        try APIKeys(location: .sqlite(path: path)).create(scope: scope, memory: memory).key
    }
}

/// Percent-encodes with no safe characters, as Weblate's `quote(text, safe="")` does.
func encodeAll(_ text: String) -> String {
    text.utf8.map { byte in
        let unreserved = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || "-_.~".utf8.contains(byte)
        return unreserved ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
    }.joined()
}

/// A JSON body decoded, or the test fails.
func decoded<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(response.body.readableBytesView))
}

/// The `error` of a JSON error body.
func errorMessage(_ response: TestResponse) -> String? {
    (try? JSONDecoder().decode([String: String].self, from: Data(response.body.readableBytesView)))?["error"]
}

/// A JSON request body.
func jsonBody(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

/// The headers of a JSON request.
let jsonHeaders: HTTPFields = [.contentType: "application/json"]
