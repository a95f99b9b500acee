import Foundation
import Testing
import TesseraSQLite
import TesseraCore
import TesseraMatchIndex
import TesseraMatching
import TesseraStorage
import TesseraTestSupport

/// The match-index component alone, on a real SQLite memory and real side files.
struct MatchIndexStoreTests {
    static let en = LanguageTag("en")!
    static let de = LanguageTag("de")!

    /// A fresh folder with an empty memory `tm.db`.
    static func memory() throws -> (folder: URL, tm: SQLiteTranslationStore) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tessera-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder, try SQLiteTranslationStore.open(path: folder.appendingPathComponent("tm.db").path))
    }

    /// `count` seeded random bilingual units; `tag` makes their texts unique to one call.
    static func units(seed: UInt64, count: Int, tag: String = "") -> [TranslationUnit] {
        var generator = SeededGenerator(seed: seed)
        let words = (0..<120).map { "word\($0)" } + ["the", "file", "open", "3"]
        return (0..<count).map { number in
            let text = (0..<Int.random(in: 1...10, using: &generator)).map { _ in words.randomElement(using: &generator)! }
                .joined(separator: " ") + " \(tag)\(number)"
            return TranslationUnit(
                tuid: "\(tag)\(number)", sourceLanguage: en,
                variants: [Variant(language: en, segment: Segment(text: text)), Variant(language: de, segment: Segment(text: "de \(text)"))])
        }
    }

    /// Imports `units` in one batch, the index following it; `failAfter` throws after that many.
    @discardableResult
    static func importing(
        _ units: [TranslationUnit], into tm: SQLiteTranslationStore, building: MatchIndexImport?, policy: DuplicatePolicy = .add,
        failAfter: Int? = nil
    ) throws -> WriteReport {
        try tm.importBatch(ImportBatch(kind: .tmx, filePath: "test.tmx"), policy: policy, observer: building) { sink in
            for (number, unit) in units.enumerated() {
                if number == failAfter { throw StorageError(.corruptData, "stop") }
                try sink.add(PreparedUnit(unit, analysingWith: building?.vocabulary))
            }
        }
    }

    static func bytes(_ path: String) throws -> [UInt8] { try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) }

    /// Every live entry's id, unit and words: equal descriptions search alike.
    static func description(_ index: MatchIndex) -> [String] {
        (0..<index.entryCount).filter { !index.removed.contains(UInt32($0)) }.map { entry in
            let (id, unit, language) = index.entry(entry)
            return "\(id)|\(unit)|\(language)|\(index.tokens(of: entry).map { index.tokenText($0) })"
        }.sorted()
    }

    @Test(arguments: [1, 3])
    func import_buildsTheFileARebuildWrites(batches: Int) throws {
        let (folder, tm) = try Self.memory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try MatchIndexStore(source: tm)
        let building = try #require(try store.beginImport())
        for batch in 0..<batches {
            building.writesDuringNextBatch = batch == batches - 1
            try Self.importing(Self.units(seed: UInt64(batch), count: 300, tag: "b\(batch)-"), into: tm, building: building)
        }
        #expect(try building.finish())
        let built = try Self.bytes(store.path)
        let rebuilt = try store.bringUpToDate(rebuild: true)
        #expect(rebuilt.rebuilt)
        let same = try built == Self.bytes(store.path)
        #expect(same)
        #expect(rebuilt.index.entryCount == 600 * batches)
    }

    /// The index decides by the size of an import whether it builds the side file as it writes:
    /// always into an empty store, into a filled one only from ``MatchIndexStore/rewriteThreshold``
    /// units' worth of bytes.
    @Test(arguments: [
        (filled: false, bytes: 0, follows: true),
        (filled: true, bytes: 5_000, follows: false),
        (filled: true, bytes: MatchIndexStore.rewriteThreshold * MatchIndexStore.importBytesPerUnit - 1, follows: false),
        (filled: true, bytes: MatchIndexStore.rewriteThreshold * MatchIndexStore.importBytesPerUnit, follows: true),
    ])
    func beginImport_ofExpectedBytes_leavesASmallImportIntoAFilledStoreToTheReaders(example: (filled: Bool, bytes: Int, follows: Bool)) throws {
        let (folder, tm) = try Self.memory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try MatchIndexStore(source: tm)
        if example.filled {
            try tm.write(units: Self.units(seed: 4, count: 50), batch: ImportBatch(kind: .tmx, filePath: "a.tmx"), policy: .add)
            try store.save()
        }
        let building = try store.beginImport(expectedBytes: example.bytes)
        #expect((building != nil) == example.follows)
        // Without a size the file is always built.
        #expect(try store.beginImport() != nil)
    }

    @Test func import_undoesARolledBackBatch() throws {
        let (folder, tm) = try Self.memory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try MatchIndexStore(source: tm)
        let building = try #require(try store.beginImport())
        try Self.importing(Self.units(seed: 1, count: 200, tag: "a"), into: tm, building: building)
        #expect(throws: StorageError.self) {
            try Self.importing(Self.units(seed: 2, count: 200, tag: "b"), into: tm, building: building, failAfter: 150)
        }
        building.writesDuringNextBatch = true
        try Self.importing(Self.units(seed: 3, count: 100, tag: "c"), into: tm, building: building)
        #expect(try building.finish())
        // The words of the undone batch stay in the token table (unused): compare the entries.
        let built = try store.bringUpToDate().index
        #expect(built.liveEntryCount == 600)
        #expect(Self.description(built) == Self.description(try store.bringUpToDate(rebuild: true).index))
    }

    @Test func current_catchesUpWithWritesOfAnotherConnection() throws {
        let (folder, tm) = try Self.memory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try tm.write(units: Self.units(seed: 1, count: 200, tag: "a"), batch: ImportBatch(kind: .tmx, filePath: "a"), policy: .add)
        let store = try MatchIndexStore(source: tm)
        let first = try store.current()
        #expect(first.liveEntryCount == 400)
        #expect(try store.current().liveEntryCount == 400)  // nothing moved: same index

        // Another connection (as another process would) adds units and replaces some.
        let other = try SQLiteTranslationStore.open(path: tm.path)
        let added = Self.units(seed: 2, count: 50, tag: "new")
        try other.write(units: added, batch: ImportBatch(kind: .tmx, filePath: "b"), policy: .add)
        var replaced = Self.units(seed: 1, count: 10, tag: "a")
        for index in replaced.indices { replaced[index].variants[1] = Variant(language: Self.de, segment: Segment(text: "neu \(index)")) }
        try other.write(units: replaced, batch: ImportBatch(kind: .tmx, filePath: "c"), policy: .overwrite)

        let caughtUp = try store.current()
        let rebuilt = try MatchIndexStore(source: other).bringUpToDate(rebuild: true).index
        #expect(Self.description(caughtUp) == Self.description(rebuilt))
        let request = MatchRequest(
            query: MatchText(added[7].variants[0].segment.plainText, language: Self.en), sourceLanguage: Self.en,
            targetLanguages: [Self.de], minimum: 100, limit: 5)
        #expect(!caughtUp.search(request).isEmpty)
        #expect(first.search(request).isEmpty)
    }

    @Test func current_pastTheThresholdMapsTheFileAnImportWrote() throws {
        let (folder, tm) = try Self.memory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try tm.write(units: Self.units(seed: 1, count: 20, tag: "a"), batch: ImportBatch(kind: .tmx, filePath: "a"), policy: .add)
        let reader = try MatchIndexStore(source: tm)
        #expect(try reader.current().liveEntryCount == 40)
        let writer = try MatchIndexStore(source: SQLiteTranslationStore.open(path: tm.path))
        let building = try #require(try writer.beginImport())
        try Self.importing(Self.units(seed: 2, count: MatchIndexStore.rewriteThreshold, tag: "b"), into: tm, building: building)
        #expect(try building.finish())
        let index = try reader.current()
        #expect(index.isMapped)  // the import's file, not a copy caught up in memory
        #expect(index.liveEntryCount == 40 + 2 * MatchIndexStore.rewriteThreshold)
    }

    @Test func open_removesTheTemporaryFilesOfAKilledWriter() throws {
        let (folder, tm) = try Self.memory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let side = MatchIndexStore.path(for: tm)
        let dead = ["\(side).spool-999999998-1.early", "\(side).spool-999999998-2.out", "\(side).tmp-999999998"]
        let alive = "\(side).spool-\(ProcessInfo.processInfo.processIdentifier)-999999.out"
        for file in dead + [alive] { try Data("x".utf8).write(to: URL(fileURLWithPath: file)) }
        _ = try MatchIndexStore(source: tm)
        for file in dead { #expect(!FileManager.default.fileExists(atPath: file), "\(file)") }
        #expect(FileManager.default.fileExists(atPath: alive))
    }

    /// Two imports of one process write their early files at the same time: each under its own
    /// name, so both land (a name by process id alone made the second rename fail).
    @Test func twoImportsInOneProcess_doNotShareATemporaryFile() throws {
        let (folder, tm) = try Self.memory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try MatchIndexStore(source: tm)
        let position = try tm.changePosition()
        let first = try #require(try store.beginImport()), second = try #require(try store.beginImport())
        for building in [first, second] {
            building.writesDuringNextBatch = true
            try building.batchBegan(at: position)
            let analysis = building.vocabulary.analyse("Open the file", language: Self.en)
            building.unitAdded(1, variantIDs: [1], analyses: [analysis])
            try building.batchBodyEnded(at: ChangePosition(maxVariant: 1, sequence: 0))
        }
        // Both early writes are done before either moves its file into place (the moment two
        // imports sharing a name collide: the first rename takes the other's file).
        Thread.sleep(forTimeInterval: 0.3)
        first.batchCommitted()
        second.batchCommitted()
        #expect(first.wroteEarly && second.wroteEarly)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".spool-") || $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }
}
