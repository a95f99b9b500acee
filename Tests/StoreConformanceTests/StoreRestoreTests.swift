import Foundation
import Testing
import TesseraCore
import TesseraMatching
import TesseraStorage

/// Reading a memory out whole and writing it back with its ids: ``TranslationStore/batches()``,
/// ``TranslationStore/unitRecords(after:limit:)``, ``TranslationStore/restore(variantHighWater:_:)``
/// (through the one copy loop ``TranslationStore/restore(copying:pageSize:progress:)``) and
/// ``APIKeyStore/restore(_:)``.
struct StoreRestoreTests {
    /// A header with a source language, props and notes.
    static let header = TMXHeader(
        version: "1.4",
        attributes: [Attribute("creationtool", "Test"), Attribute("srclang", "en-US"), Attribute("segtype", "sentence")],
        props: [Prop(type: "x-project", value: "P1")], notes: [Note(value: "header note")])

    /// A memory with everything a copy must carry: rich units in a batch with a header, a second
    /// batch, a unit added and one replaced on their own, the unit holding the highest variant ids
    /// deleted (so the high-water mark is above every stored id), and a batch left without units.
    static func filled(_ backend: Backend) throws -> any TranslationStore {
        let store = try backend.makeMemory()
        try store.write(
            units: (0..<6).map { TranslationStoreWritingTests.richUnit($0, origin: $0.isMultiple(of: 2) ? .imported : .aligned) },
            batch: batch("rich.tmx", header: header), policy: .add)
        try store.write(units: [
            unit([("de", "Datei speichern."), ("en", "Save the file.")], tuid: "t1", source: "de"),
            unit([("en", "Open the file."), ("fr", "Ouvrir le fichier."), ("fr-CA", "Ouvrir le fichier!")]),
        ], batch: batch("/data/second.tmx"), policy: .add)
        try store.write(units: [unit([("en", "Gone soon."), ("de", "Bald weg.")])], batch: batch("emptied.tmx"), policy: .add)
        let first = try #require(try store.allUnits().first?.id)
        #expect(try store.replaceUnit(id: first, with: unit([("en", "Replaced file."), ("de", "Ersetzte Datei.")]), batch: ImportBatch(kind: .edit, filePath: "")))
        let emptied = try #require(try store.allUnits().first { $0.unit.variants[0].segment.plainText == "Gone soon." }?.id)
        #expect(try store.deleteUnit(id: emptied))
        _ = try store.addUnit(unit([("en", "Print the file."), ("ja", "ファイルを印刷")]), batch: ImportBatch(kind: .edit, filePath: ""))
        let added = try store.addUnit(unit([("en", "Added and gone."), ("de", "Weg.")]), batch: ImportBatch(kind: .edit, filePath: ""))
        #expect(try store.deleteUnit(id: added))  // the highest variant ids
        return store
    }

    /// Every read a copy must give back unchanged.
    struct Reads: Equatable {
        var records: [UnitRecord]
        var page: [StoredUnit]
        var stats: MemoryStats
        var batches: [StoredBatch]
        var highWater: Int64
        var sources: [String]
        var headers: Set<LanguageTag>
        var concordance: [[String]]
        var totals: [Int]

        init(_ store: any TranslationStore) throws {
            records = try store.unitRecords(after: 0, limit: 1000)
            page = try store.unitPage(after: 0, filter: .all, limit: 1000)
            stats = try store.stats()
            batches = try store.batches()
            highWater = try store.variantHighWater()
            sources = try store.sourceLanguageCounts().map { "\($0.language) \($0.units)" }
            headers = try store.headerSourceLanguages()
            var concordance: [[String]] = []
            var totals: [Int] = []
            for (phrase, language) in [("file", "en"), ("Datei", "de"), ("İstanbul", "tr"), ("東京", "ja"), ("fichier", "fr")] {
                let result = try store.searchConcordance(
                    try #require(ConcordanceQuery(phrase)), language: tag(language), otherLanguage: nil, limit: 50, pairFilter: nil)
                concordance.append(result.hits.map { "\($0.id) \($0.unit) \($0.highlighted) \($0.others.map { "\($0.language)=\($0.text)" })" })
                totals.append(result.total)
            }
            self.concordance = concordance
            self.totals = totals
        }
    }

    @Test(arguments: Backend.all)
    func batches_listsEveryBatchWithItsIDAndProvenance(backend: Backend) throws {
        let store = try backend.makeMemory()
        let first = try store.write(units: [unit([("en", "a"), ("de", "b")]), unit([("en", "c"), ("de", "d")])], batch: batch("/x/one.tmx", header: Self.header), policy: .add)
        let second = try store.write(units: [], batch: ImportBatch(kind: .aligned, filePath: "pairs.txt"), policy: .add)
        let batches = try store.batches()
        #expect(batches.map(\.id) == [first.batchID, second.batchID])
        #expect(batches.map(\.batch) == [batch("/x/one.tmx", header: Self.header), ImportBatch(kind: .aligned, filePath: "pairs.txt")])
        #expect(batches.map(\.fileName) == ["one.tmx", "pairs.txt"])
        #expect(batches.map(\.units) == [2, 0])
        #expect(batches.allSatisfy { !$0.startedAt.isEmpty && $0.finishedAt != nil })
        #expect(try store.stats().batches.map(\.startedAt) == batches.map(\.startedAt))
    }

    @Test(arguments: Backend.all)
    func unitRecords_giveTheVariantIDsInVariantOrder(backend: Backend) throws {
        let store = try backend.makeMemory()
        try store.prepareChangeFeed()
        try store.write(units: [unit([("en", "a"), ("de", "b"), ("fr", "c")]), unit([("en", "d"), ("de", "e")])], batch: batch(), policy: .add)
        let records = try store.unitRecords(after: 0, limit: 10)
        #expect(records.map(\.stored) == (try store.allUnits()))
        try store.withSnapshot { (snapshot: any MatchIndexSnapshot) throws -> Void in
            for record in records {
                #expect(record.variantIDs == (try snapshot.variants(ofUnit: record.stored.id).map(\.id)))
            }
        }
        #expect(try store.unitRecords(after: records[0].stored.id, limit: 10).map(\.stored.id) == [records[1].stored.id])
    }

    /// The copy reads back identical: units and their ids, variant ids, counts, batches,
    /// concordance hits (by variant id) and the high-water mark; and it goes on as the source
    /// would: the next unit gets the same ids in both.
    @Test(arguments: Backend.all, [1, 3, 1000])
    func restore_intoAnEmptyStore_givesBackIdenticalReads(backend: Backend, pageSize: Int) throws {
        let source = try Self.filled(backend)
        let target = try backend.makeMemory()
        var progress: [Int] = []
        let report = try target.restore(copying: source, pageSize: pageSize) { progress.append($0) }
        let expected = try Reads(source)
        #expect(try Reads(target) == expected)
        #expect(report == RestoreReport(batches: expected.batches.count, units: expected.stats.units, variants: expected.stats.variants))
        #expect(progress.last == expected.stats.units)
        #expect(expected.batches.contains { $0.units == 0 })
        #expect(expected.highWater > (expected.records.flatMap(\.variantIDs).max() ?? 0))
        let next = unit([("en", "One more file."), ("de", "Noch eine Datei.")])
        let edit = ImportBatch(kind: .edit, filePath: "")
        #expect(try target.addUnit(next, batch: edit) == (try source.addUnit(next, batch: edit)))
        #expect(try target.unitRecords(after: 0, limit: 1000) == (try source.unitRecords(after: 0, limit: 1000)))
    }

    @Test(arguments: Backend.all)
    func restore_ofAnEmptyStore_writesNothing(backend: Backend) throws {
        let target = try backend.makeMemory()
        let report = try target.restore(copying: try backend.makeMemory())
        #expect(report == RestoreReport())
        #expect(try target.stats() == MemoryStats(units: 0, variants: 0, languages: [], pairs: [], batches: []))
    }

    /// A target holding a unit, or only a batch, is refused before anything is written.
    @Test(arguments: Backend.all, [true, false])
    func restore_intoANonEmptyStore_isRefusedAndChangesNothing(backend: Backend, withUnits: Bool) throws {
        let source = try Self.filled(backend)
        let target = try backend.makeMemory()
        try target.write(units: withUnits ? [unit([("en", "Mine."), ("de", "Meins.")])] : [], batch: batch("mine.tmx"), policy: .add)
        let before = try Reads(target)
        #expect {
            try target.restore(copying: source)
        } throws: { error in
            (error as? StorageError)?.kind == .notEmpty
        }
        #expect(try Reads(target) == before)
    }

    /// An error in the middle of a restore (thrown by the body, or a unit naming a batch never
    /// restored) leaves the target empty: a later restore succeeds.
    @Test(arguments: Backend.all, [false, true])
    func restore_failingInTheMiddle_leavesTheStoreEmpty(backend: Backend, badRecord: Bool) throws {
        let source = try Self.filled(backend)
        let target = try backend.makeMemory()
        #expect(throws: (any Error).self) {
            try target.restore(variantHighWater: 1000) { restorer in
                for batch in try source.batches() { try restorer.add(batch) }
                for record in try source.unitRecords(after: 0, limit: 3) { try restorer.add(record) }
                if badRecord {
                    var stray = try #require(try source.unitRecords(after: 0, limit: 1000).last)
                    stray.stored.id += 1000
                    stray.variantIDs = stray.variantIDs.map { $0 + 1000 }
                    stray.stored.batchID += 1000
                    try restorer.add(stray)
                } else {
                    throw Interrupted()
                }
            }
        }
        #expect(try target.stats() == MemoryStats(units: 0, variants: 0, languages: [], pairs: [], batches: []))
        #expect(try target.unitRecords(after: 0, limit: 10).isEmpty)
        #expect(try target.batches().isEmpty)
        #expect(try target.variantHighWater() == 0)
        try target.restore(copying: source)
        #expect(try Reads(target) == (try Reads(source)))
    }

    @Test(arguments: Backend.all)
    func restoreKeys_keepsIDsHashesScopesMemoriesAndDates(backend: Backend) throws {
        let source = try backend.makeKeys()
        _ = try source.add(APIKeyRecord(prefix: "aaaa0001", hash: String(repeating: "a", count: 64), scope: .read, memory: nil))
        let gone = try source.add(APIKeyRecord(prefix: "bbbb0002", hash: String(repeating: "b", count: 64), scope: .admin, memory: nil))
        _ = try source.add(APIKeyRecord(prefix: "cccc0003", hash: String(repeating: "c", count: 64), scope: .write, memory: "legal", created: "2025-01-02T03:04:05Z"))
        #expect(try source.revoke(id: try #require(gone.id)))
        let target = try backend.makeKeys()
        try target.restore(try source.allKeys())
        #expect(try target.allKeys() == (try source.allKeys()))
        let next = APIKeyRecord(prefix: "dddd0004", hash: String(repeating: "d", count: 64), scope: .read, memory: nil, created: "x")
        #expect(try target.add(next).id == (try source.add(next).id))
    }

    @Test(arguments: Backend.all)
    func restoreKeys_intoAStoreWithAKey_isRefusedAndChangesNothing(backend: Backend) throws {
        let target = try backend.makeKeys()
        let mine = try target.add(APIKeyRecord(prefix: "eeee0005", hash: String(repeating: "e", count: 64), scope: .read, memory: nil))
        let other = APIKeyRecord(id: 7, prefix: "ffff0006", hash: String(repeating: "f", count: 64), scope: .read, memory: nil, created: "2025-01-01T00:00:00Z")
        #expect {
            try target.restore([other])
        } throws: { error in
            (error as? StorageError)?.kind == .notEmpty
        }
        #expect(try target.allKeys() == [mine])
    }
}
