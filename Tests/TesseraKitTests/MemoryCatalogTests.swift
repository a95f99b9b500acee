import Foundation
import Testing
import TesseraKit
import TesseraStorage

/// Named memories of a store: names, the SQLite layout, create, list, delete.
struct MemoryCatalogTests {
    /// A fresh folder and a catalog on `tm.db` in it (the default file made by an import).
    static func catalog() throws -> (URL, MemoryCatalog) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder, MemoryCatalog(database: .sqlite(path: folder.appendingPathComponent("tm.db").path)))
    }

    @Test(arguments: [("legal", "legal"), ("Legal-2024_v2", "legal-2024_v2"), ("a", "a"), (String(repeating: "x", count: 64), String(repeating: "x", count: 64))])
    func validNamesAreFoldedToLowerCase(text: String, name: String) {
        #expect(MemoryName(text)?.description == name)
    }

    @Test(arguments: ["", "a b", "a.b", "a/b", "../x", "é", String(repeating: "x", count: 65), "a:5", "tm,db"])
    func badNamesAreRefused(text: String) {
        #expect(MemoryName(text) == nil)
        #expect(throws: KitError.self) { try MemoryName(validating: text) }
    }

    @Test(arguments: [("data/tm.db", "data/tm.memories"), ("tm", "tm.memories"), ("a.b/tm", "a.b/tm.memories"), ("/x/.tessera", "/x/.tessera.memories")])
    func folderIsTheDatabasePathWithoutExtension(path: String, folder: String) throws {
        #expect(try MemoryCatalog(database: .sqlite(path: path)).folder() == folder)
    }

    @Test func createListDelete_keepEachMemoryInItsOwnFile() throws {
        let (folder, catalog) = try Self.catalog()
        defer { try? FileManager.default.removeItem(at: folder) }
        let legal = try #require(MemoryName("Legal"))
        let medical = try #require(MemoryName("medical"))
        let location = try catalog.create(legal)
        try catalog.create(medical)
        #expect(location == .sqlite(path: folder.appendingPathComponent("tm.memories/legal.db").path))
        #expect(try catalog.names() == [.default, legal, medical])
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("tm.db").path))  // the store itself was made
        // The schema is there: stats of the new memory read 0 units.
        #expect(try Stats(database: catalog.location(of: legal)).run().units == 0)
        #expect(throws: KitError.self) { try catalog.create(legal) }
        #expect(throws: KitError.self) { try catalog.create(.default) }

        // A lookup builds the side file; delete removes it with the database, WAL and shm.
        let session = try TranslationMemory(location: catalog.location(of: legal))
        _ = try session.currentIndex()
        session.close()
        let memories = folder.appendingPathComponent("tm.memories")
        #expect(try FileManager.default.contentsOfDirectory(atPath: memories.path).contains("legal.db-match"))
        try catalog.delete(legal)
        let left = try FileManager.default.contentsOfDirectory(atPath: memories.path)
        #expect(left.allSatisfy { $0.hasPrefix("medical.db") }, "\(left)")
        #expect(try catalog.names() == [.default, medical])
        #expect(throws: KitError.self) { try catalog.location(of: legal) }
        #expect(throws: KitError.self) { try catalog.delete(legal) }
    }

    @Test func defaultIsTheDatabaseFileAndCannotBeDeleted() throws {
        let (folder, catalog) = try Self.catalog()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try catalog.location(of: .default) == catalog.database)
        let error = #expect(throws: KitError.self) { try catalog.delete(.default) }
        #expect(error?.kind == .defaultMemory)
        #expect(try catalog.names() == [.default])
    }

    @Test func unknownMemoryIsNamedInTheError() throws {
        let (folder, catalog) = try Self.catalog()
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = #expect(throws: KitError.self) { try catalog.location(of: MemoryName("nope")!) }
        #expect(error?.kind == .noMemory)
        #expect(error?.message.contains("'nope'") == true)
    }

    /// A PostgreSQL store keeps its named memories as schemas (PostgresStoreLocationTests); when
    /// its server cannot be reached, listing and creating fail with the storage error.
    @Test func postgresStoreThatCannotBeReachedFailsClearly() throws {
        let catalog = MemoryCatalog(database: StoreLocation("postgres://u:p@127.0.0.1:1/db"))
        #expect(throws: StorageError.self) { try catalog.names() }
        #expect(throws: StorageError.self) { try catalog.create(MemoryName("x")!) }
        #expect(!catalog.contains(MemoryName("x")!))
    }
}
