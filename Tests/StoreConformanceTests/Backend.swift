import Foundation
import Testing
import TesseraCore
import TesseraPostgres
import TesseraSQLite
import TesseraStorage
import TesseraTestSupport

/// A storage backend under test: it makes fresh, empty stores. Every test of this target runs
/// against each backend of ``all``; a new backend (PostgreSQL, issue 12) is one more entry there.
struct Backend: Sendable, CustomTestStringConvertible {
    /// The name shown in test results.
    var name: String
    /// A fresh, empty translation store.
    var makeMemory: @Sendable () throws -> any TranslationStore
    /// A fresh, empty glossary store.
    var makeGlossaries: @Sendable () throws -> any GlossaryStore
    /// A fresh, empty API key store.
    var makeKeys: @Sendable () throws -> any APIKeyStore

    var testDescription: String { name }

    /// Every backend the suites run against: PostgreSQL when a test server is set
    /// (`TESSERA_TEST_POSTGRES`, which `Scripts/test.sh` always sets).
    static let all: [Backend] = PostgresTestServer.isAvailable ? [.sqlite, .postgres] : [.sqlite]

    /// A fresh, empty PostgreSQL glossary store: a new schema of the test server.
    static let postgresGlossaries: @Sendable () throws -> any GlossaryStore = {
        try PostgresGlossaryStore.open(location: PostgresLocation(url: try #require(PostgresTestServer.freshURL("gloss"))))
    }

    /// A fresh, empty PostgreSQL API key store: a new schema of the test server.
    static let postgresKeys: @Sendable () throws -> any APIKeyStore = {
        try PostgresAPIKeyStore.open(location: PostgresLocation(url: try #require(PostgresTestServer.freshURL("keys"))))
    }

    /// SQLite files in a fresh temporary folder.
    static let sqlite = Backend(
        name: "SQLite",
        makeMemory: { try SQLiteTranslationStore.open(path: try freshPath()) },
        makeGlossaries: { try SQLiteGlossaryStore.open(path: try freshPath()) },
        makeKeys: { try SQLiteAPIKeyStore.open(path: try freshPath()) })

    /// A new schema of the test server per store (`PostgresTestServer.freshURL`), so tests run in
    /// parallel without seeing each other.
    static let postgres = Backend(
        name: "PostgreSQL",
        makeMemory: {
            guard let url = PostgresTestServer.freshURL("conf") else { throw StorageError(.unavailable, "No test server.") }
            return try PostgresTranslationStore.open(location: try PostgresLocation(url: url))
        },
        makeGlossaries: postgresGlossaries, makeKeys: postgresKeys)

    /// A path in a new temporary folder.
    static func freshPath() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-conformance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("store.db").path
    }
}

/// A language tag from a literal known to be valid.
func tag(_ text: String) -> LanguageTag {
    guard let tag = LanguageTag(text) else { preconditionFailure("Bad tag literal in a test: \(text)") }
    return tag
}

/// A unit with plain texts, one variant per (language, text).
func unit(_ variants: [(String, String)], tuid: String? = nil, changed: String? = nil, source: String? = nil) -> TranslationUnit {
    TranslationUnit(
        tuid: tuid, sourceLanguage: source.map(tag), attributes: changed.map { [Attribute("changedate", $0)] } ?? [],
        variants: variants.map { Variant(language: tag($0.0), segment: Segment(text: $0.1)) })
}

/// A batch description for tests.
func batch(_ file: String = "test.tmx", header: TMXHeader? = nil) -> ImportBatch {
    ImportBatch(kind: .tmx, filePath: file, header: header)
}

/// An error a test throws on purpose.
struct Interrupted: Error, Equatable {}
