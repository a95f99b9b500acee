import Foundation
import Testing
import TesseraCore
@testable import TesseraKit
import TesseraStorage
import TesseraTestSupport

/// Kit on a PostgreSQL store: the opener's shared pools, `exists`, the memory catalog's schemas,
/// the glossary and key use cases.
@Suite(.enabled(if: PostgresTestServer.isAvailable))
struct PostgresStoreLocationTests {
    static func fresh() throws -> StoreLocation {
        .postgres(url: try #require(PostgresTestServer.freshURL("kit")))
    }

    @Test func existsOnceTheSchemaIsMade() throws {
        let location = try Self.fresh()
        #expect(!location.exists)
        _ = try StoreOpener.glossaryStore(location)
        #expect(location.exists)
    }

    /// The stores of one URL share one pool; another URL has its own.
    @Test func storesOfOneURLShareOnePool() throws {
        guard case .postgres(let url) = try Self.fresh(), case .postgres(let other) = try Self.fresh() else { return }
        #expect(try StoreOpener.pool(url) === StoreOpener.pool(url))
        #expect(try StoreOpener.pool(url) !== StoreOpener.pool(other))
    }

    @Test func badURLIsOneLineWithoutThePassword() throws {
        let location = StoreLocation("postgres://tm:secret@localhost:99999/db")
        #expect(location.exists)  // taken to exist: opening says why not
        #expect {
            try StoreOpener.glossaryStore(location)
        } throws: { error in
            let text = "\(error)"
            return !text.contains("secret") && text.contains("***") && !text.contains("\n") && (error as? StorageError)?.kind == .cannotOpen
        }
    }

    @Test func serverDownIsUnavailable() throws {
        // Nothing listens on port 1.
        #expect {
            try GlossaryList(database: .postgres(url: "postgres://tm:secret@127.0.0.1:1/db")).run()
        } throws: { error in
            (error as? StorageError)?.kind == .unavailable && !"\(error)".contains("secret")
        }
    }

    @Test func catalogKeepsEachNamedMemoryInItsOwnSchema() throws {
        let database = try Self.fresh()
        guard case .postgres(let url) = database else { return }
        let catalog = MemoryCatalog(database: database)
        let legal = try #require(MemoryName("Legal-1"))
        #expect(try catalog.names() == [.default])
        #expect(!catalog.contains(legal))
        #expect(throws: KitError.self) { try catalog.location(of: legal) }
        let location = try catalog.create(legal)
        #expect(location == .postgres(url: url + "&memory=legal-1"))
        #expect(database.exists)  // the store's own schema came with it
        #expect(try catalog.location(of: legal) == location)
        #expect(catalog.contains(legal))
        #expect(try catalog.names() == [.default, legal])
        #expect(throws: KitError.self) { try catalog.create(legal) }
        #expect(throws: KitError.self) { try catalog.create(.default) }
        // A named memory's glossaries live in its schema, apart from the default memory's.
        try GlossaryImportSupport.importSmall(into: location)
        #expect(try GlossaryList(database: location).run().map(\.name) == ["small"])
        #expect(try GlossaryList(database: database).run().isEmpty)
        try catalog.delete(legal)
        #expect(try catalog.names() == [.default])
        #expect(throws: KitError.self) { try catalog.delete(legal) }
        #expect(throws: KitError.self) { try catalog.delete(.default) }
    }

    @Test func apiKeysCreateVerifyList() throws {
        let keys = try APIKeys(location: Self.fresh())
        let (key, record) = try keys.create(scope: .write, memory: "legal")
        #expect(try keys.verify(key) == record)
        #expect(try keys.all() == [record])
    }
}

/// A one-concept glossary written through Kit's import use case.
enum GlossaryImportSupport {
    static func importSmall(into location: StoreLocation) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-pgkit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("small.csv")
        try Data("en,de\nfile,Datei\n".utf8).write(to: file)
        _ = try GlossaryImport(files: [file.path], name: nil, database: location).run()
    }
}
