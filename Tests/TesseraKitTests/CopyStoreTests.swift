import Foundation
import Testing
import TesseraCore
import TesseraKit
import TesseraSQLite
import TesseraStorage

/// ``CopyStore``: every memory, glossary and key of a store into an empty one, with progress; a
/// copy that fails in the middle leaves the target as it was.
struct CopyStoreTests {
    /// A store `a.db` in a fresh folder with two units, a glossary, a key and the named memories
    /// `names` (one unit each); a name ending in `-broken` is a file that is not a database.
    static func source(named names: [String]) throws -> (folder: URL, location: StoreLocation) {
        let folder = try ImportExportSupport.temporaryFolder()
        let location = StoreLocation.sqlite(path: folder.appendingPathComponent("a.db").path)
        let store = try SQLiteTranslationStore.open(path: try location.sqlitePath())
        try store.write(
            units: [ImportExportSupport.unit([("en", "Save the file."), ("de", "Datei speichern.")]),
                    ImportExportSupport.unit([("en", "Open it."), ("de", "Öffnen.")])],
            batch: ImportBatch(kind: .tmx, filePath: "a.tmx"), policy: .add)
        let glossary = Glossary(name: "defence", entries: [
            TermEntry(id: "c1", terms: [Term(text: "ally", language: ImportExportSupport.tag("en")), Term(text: "Verbündeter", language: ImportExportSupport.tag("de"))]),
        ])
        try SQLiteGlossaryStore.open(path: try location.sqlitePath()).replaceGlossary(glossary, origin: "defence.tbx")
        _ = try APIKeys(location: location).create(scope: .read, memory: nil)
        let catalog = MemoryCatalog(database: location)
        for name in names {
            if name.hasSuffix("-broken") {
                try FileManager.default.createDirectory(atPath: try catalog.folder(), withIntermediateDirectories: true)
                try Data("not a database".utf8).write(to: URL(fileURLWithPath: try catalog.folder() + "/\(name).db"))
            } else {
                let memory = try SQLiteTranslationStore.open(path: try catalog.create(try #require(MemoryName(name))).sqlitePath())
                try memory.write(units: [ImportExportSupport.unit([("en", name), ("fr", name)])], batch: ImportBatch(kind: .tmx, filePath: "\(name).tmx"), policy: .add)
            }
        }
        return (folder, location)
    }

    @Test func run_copiesEveryMemoryGlossaryAndKey_withProgress() throws {
        let (folder, source) = try Self.source(named: ["legal", "medical"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = StoreLocation.sqlite(path: folder.appendingPathComponent("b.db").path)
        var progress: [ImportProgress] = []
        let report = try CopyStore(from: source, to: target).run { progress.append($0) }
        #expect(report.memories.map(\.name) == ["default", "legal", "medical"])
        #expect(report.memories.map(\.units) == [2, 1, 1] && report.units == 4)
        #expect(report.glossaries.map(\.glossary) == ["defence"] && report.apiKeys == 1)
        #expect(progress.map(\.file) == ["legal", "medical", "default"])
        #expect(progress.map(\.fileIndex) == [1, 2, 3] && progress.allSatisfy { $0.fileCount == 3 })
        #expect(try MemoryCatalog(database: target).names().map(\.description) == ["default", "legal", "medical"])
        #expect(try GlossaryList(database: target).run() == (try GlossaryList(database: source).run()))
        #expect(try APIKeys(location: target).all() == (try APIKeys(location: source).all()))
    }

    /// A memory that cannot be read after the keys, the glossary and another memory were written:
    /// all of it is removed again; a target that did not exist is removed whole.
    @Test(arguments: [false, true])
    func run_failingInTheMiddle_leavesTheTargetAsItWas(targetExists: Bool) throws {
        let (folder, source) = try Self.source(named: ["good", "zzz-broken"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = StoreLocation.sqlite(path: folder.appendingPathComponent("b.db").path)
        if targetExists { _ = try SQLiteTranslationStore.open(path: try target.sqlitePath()) }
        #expect(throws: StorageError.self) { try CopyStore(from: source, to: target).run() }
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("b.") }.sorted()
        if targetExists {
            #expect(left.allSatisfy { $0.hasPrefix("b.db") }, "\(left)")
            #expect(try MemoryCatalog(database: target).names() == [.default])
            #expect(try Stats(database: target).run().batches.isEmpty)
            #expect(try GlossaryList(database: target).run().isEmpty)
            #expect(try APIKeys(location: target).all().isEmpty)
        } else {
            #expect(left.isEmpty, "\(left)")
        }
    }
}
