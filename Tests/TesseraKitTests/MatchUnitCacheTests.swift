import Foundation
import Testing
import TesseraCore
import TesseraKit
import TesseraMatchIndex
import TesseraMatching
import TesseraStorage
import TesseraTestSupport

/// The unit data a serving session keeps for its lookups (``MatchUnitCache`` behind
/// ``MatchIndexStore/matchUnits(_:)``): kept once read, and never served after the index has
/// caught up with an edit or a deletion made through another session (another process), on
/// every backend.
struct MatchUnitCacheTests {
    typealias Backend = ImportExportMemoryTests.Backend

    let en = LanguageTag("en")!
    let de = LanguageTag("de")!

    func unit(_ german: String) -> TranslationUnit {
        TranslationUnit(
            tuid: "t1",
            variants: [Variant(language: en, segment: Segment(text: "The capability targets were agreed")),
                       Variant(language: de, segment: Segment(text: german))])
    }

    func firstGerman(_ session: TranslationMemory) throws -> String? {
        let matches = try Lookup(session: session).run("The capability targets were agreed", options: LookupOptions(source: en, targets: [de]))
        return matches.first?.target
    }

    @Test(arguments: Backend.all)
    func lookups_afterAnotherSessionEditsOrDeletesAUnit_answerTheChange(backend: Backend) throws {
        let location = try backend.location(try ImportExportSupport.temporaryFolder(), "tm.db")
        let writer = try TranslationMemory(location: location, recheck: .zero)
        defer { writer.close() }
        let batch = ImportBatch(kind: .edit, filePath: "api")
        let id = try writer.write { store, _ in try store.addUnit(unit("Die Fähigkeitsziele wurden vereinbart"), batch: batch) }
        let reader = try TranslationMemory(location: location, recheck: .zero)
        defer { reader.close() }
        #expect(try firstGerman(reader) == "Die Fähigkeitsziele wurden vereinbart")
        // Read from the local unit copy where the backend keeps one (PostgreSQL), else from the
        // store, then cached.
        let copied = reader.matchIndex.unitCopyCount
        #expect((copied != nil) == reader.matchIndex.source.keepsLocalUnitCopy)
        #expect(copied == nil ? reader.matchIndex.unitCache.count == 1 : copied == 1 && reader.matchIndex.unitCache.count == 0)
        #expect(try firstGerman(reader) == "Die Fähigkeitsziele wurden vereinbart")

        #expect(try writer.write { store, _ in try store.replaceUnit(id: id, with: unit("Die Planungsziele wurden vereinbart"), batch: batch) })
        #expect(try firstGerman(reader) == "Die Planungsziele wurden vereinbart")
        // The edited unit is stale in the copy: it was read from the store.
        if copied != nil { #expect(reader.matchIndex.unitCopyStaleCount == 1 && reader.matchIndex.unitCache.count == 1) }

        #expect(try writer.write { store, _ in try store.deleteUnit(id: id) })
        #expect(try firstGerman(reader) == nil)
    }

    /// Where the backend keeps a local unit copy: changes made through another session are read
    /// from the store while few, and past the rewrite threshold (1,000 units here) the copy is
    /// rewritten with them, whether they came in one catch-up or in several small ones, in the
    /// background of a process that already answers lookups; lookups answer the current data
    /// throughout.
    @Test(arguments: Backend.all)
    func unitCopy_pastItsThreshold_isRewrittenWithTheChanges(backend: Backend) throws {
        let location = try backend.location(try ImportExportSupport.temporaryFolder(), "tm.db")
        let writer = try TranslationMemory(location: location, recheck: .zero)
        defer { writer.close() }
        let batch = ImportBatch(kind: .edit, filePath: "api")
        func units(_ range: Range<Int>, _ german: String) -> [TranslationUnit] {
            range.map { number in
                TranslationUnit(tuid: "u\(number)", variants: [
                    Variant(language: en, segment: Segment(text: "Report number \(number) on capability targets")),
                    Variant(language: de, segment: Segment(text: "\(german) \(number)"))])
            }
        }
        _ = try writer.write { store, _ in try store.write(units: units(0..<10, "Bericht"), batch: batch, policy: .add) }
        let reader = try TranslationMemory(location: location, recheck: .zero)
        defer { reader.close() }
        func german(_ number: Int) throws -> String? {
            try Lookup(session: reader).run("Report number \(number) on capability targets", options: LookupOptions(source: en, targets: [de]))
                .first?.target
        }
        #expect(try german(3) == "Bericht 3")
        guard let first = reader.matchIndex.unitCopyCount else {
            #expect(!reader.matchIndex.source.keepsLocalUnitCopy)
            return
        }
        #expect(first == 10)
        // Two catch-ups of 600 new units each (each under the index's own rewrite threshold).
        for (number, range) in [(1, 10..<610), (2, 610..<1210)] {
            _ = try writer.write { store, _ in try store.write(units: units(range, "Neu\(number)"), batch: batch, policy: .add) }
            #expect(try german(range.lowerBound + 5) == "Neu\(number) \(range.lowerBound + 5)")
        }
        // 1,200 changed units: the copy is rewritten with them on a thread of its own (the reader
        // already serves lookups); once it is done, no unit is stale.
        reader.matchIndex.waitForUnitCopyRewrite()
        #expect(reader.matchIndex.unitCopyCount == 1210)
        #expect(reader.matchIndex.unitCopyStaleCount == 0)
        #expect(try german(3) == "Bericht 3")
        #expect(try german(1000) == "Neu2 1000")
        let copy = try MatchUnitFile(path: reader.matchIndex.unitCopyPath)
        #expect(copy.count == 1210)
        // The rewritten copy is kept current like the first: an edit afterwards is stale in it.
        _ = try writer.write { store, _ in try store.write(units: units(3..<4, "Geändert"), batch: batch, policy: .overwrite) }
        #expect(try german(3) == "Geändert 3")
        #expect(reader.matchIndex.unitCopyStaleCount == 1)
    }

    /// A read that began before an eviction (its data may predate the change) is not kept.
    @Test func insert_afterAnEvictionSinceTheReadBegan_isDropped() {
        let cache = MatchUnitCache()
        let stale = MatchUnit(unit: 1, tuid: "t1", variants: [])
        let (_, generation) = cache.units([1])
        cache.evict([1])
        cache.insert([1: stale], generation: generation)
        #expect(cache.count == 0)
        let (_, current) = cache.units([1])
        cache.insert([1: stale], generation: current)
        #expect(cache.count == 1)
        #expect(cache.units([1, 2]).known.keys.sorted() == [1])
        cache.evict(nil)
        #expect(cache.count == 0)
    }
}
